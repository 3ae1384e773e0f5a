"""What rules read in commentary, worked out once per document: its sentences, and the time
limits and deliverable dates it states."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from selfassess.check.context import Context
from selfassess.load.positions import Loc
from selfassess.model.code import Code
from selfassess.text.admissions import ShortfallReader
from selfassess.text.figures import AverageLimit
from selfassess.text.sentences import Sentence, split_sentences
from selfassess.timelimits.durations import Duration, Unit
from selfassess.timelimits.statements import LimitReader


@dataclass(frozen=True, slots=True)
class Statement:
    """A time limit the assessment states: in `policy:`, or in a sentence of commentary."""

    key: str
    duration: Duration
    written: str  # as the user wrote it: "2 weeks", "fifteen working days"
    loc: Loc
    provision: str | None
    source: str  # "your policy", "your commentary on 6.3"
    average: bool = False  # a target met on average ("within 15 working days on average")


def average_limits_of(code: Code) -> dict[str, AverageLimit]:
    """A code's limits counted in working days, which a figure such as an average response time
    can be measured against, each with the words that name it."""
    return {
        key: AverageLimit(limit.limit.count, tuple(limit.keywords))
        for key, limit in code.time_limits.items()
        if limit.limit.unit is Unit.WORKING_DAYS and limit.keywords
    }


def sentences(context: Context, number: str) -> list[Sentence]:
    """The sentences of one response's commentary."""

    def split(context: Context) -> list[Sentence]:
        assessment = context.assessment
        response = assessment.responses.get(number) if assessment is not None else None
        return split_sentences(response.commentary) if response is not None and response.commentary else []

    return context.derived(f"sentences:{number}", split)


def _setter(context: Context, key: str) -> str | None:
    """The provision that sets a time limit (6.3 for stage1-response)."""
    code = context.code
    if code is None:
        return None
    return next(
        (number for number, provision in code.provisions.items() if key in provision.time_limits), None
    )


def _limits_of(code: Code) -> tuple[tuple[str, tuple[str, ...], str, Duration], ...]:
    return tuple(
        (key, tuple(limit.keywords), limit.bound, limit.limit) for key, limit in code.time_limits.items()
    )


@lru_cache(maxsize=32)
def _reader(limits: tuple[tuple[str, tuple[str, ...], str, Duration], ...]) -> LimitReader:
    return LimitReader(
        {key: keywords for key, keywords, _, _ in limits},
        windows={key for key, _, bound, _ in limits if bound == "at-least"},
        lengths={key: length for key, _, _, length in limits},
    )


@lru_cache(maxsize=32)
def _shortfall_reader(limits: tuple[tuple[str, AverageLimit], ...]) -> ShortfallReader:
    return ShortfallReader(dict(limits))


def shortfall_reader_for(code: Code | None) -> ShortfallReader:
    """The reader of what commentary admits, measuring figures against this code's limits: one for
    every assessment of the same code, so that what it has read once it need not read again."""
    return _shortfall_reader(tuple(average_limits_of(code).items()) if code is not None else ())


def reader_for(code: Code) -> LimitReader:
    """The reader of a code's time limits: one for every assessment of the same code, so that what
    it has read once it need not read again."""
    return _reader(_limits_of(code))


def _statements(context: Context) -> list[Statement]:
    assessment, code = context.answering()
    found = [
        Statement(key, duration, str(duration), ("policy", key), _setter(context, key), "your policy")
        for key, duration in assessment.policy.items()
        if key in code.time_limits
    ]
    if not code.time_limits:
        return found
    reader = reader_for(code)
    for number, response in assessment.responses.items():
        if not response.commentary:
            continue
        provision = code.provisions.get(number)
        own = provision.time_limits if provision is not None else ()
        for sentence in sentences(context, number):
            for stated in reader.limits_in(sentence.text, own):
                found.append(
                    Statement(
                        stated.key,
                        stated.found.duration,
                        stated.found.text,
                        ("responses", number, "commentary"),
                        number,
                        f"your commentary on {number}",
                        stated.average,
                    )
                )
    return found


def all_statements(context: Context) -> list[Statement]:
    """Every time limit the assessment states, averages included, policy first, then commentary."""
    return context.derived("statements", _statements)


def statements(context: Context) -> list[Statement]:
    """Every time limit the assessment states as a limit for each complaint (averages are SA405's)."""
    return [statement for statement in all_statements(context) if not statement.average]
