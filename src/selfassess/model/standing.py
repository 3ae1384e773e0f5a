"""How answers compare: what counts as a gap, whether a change is better or worse, and the answer
an older assessment gave a provision that may since have been renumbered, merged or split.

The board report's "what changed" and `selfassess diff` both read answers this way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from selfassess.model.assessment import Assessment
from selfassess.model.code import Code
from selfassess.model.versions import Correspondence

#: Where each answer stands, in the order a board reads them.
BANDS = ("met", "partly", "not-met", "none", "unanswered")
#: How far each meaning is from met, to say whether an answer moved up or down.
_STANDING = {"not-met": 0, "partly-met": 1, "met": 2}


def band(code: Code, answer: str | None) -> str:
    """The band an answer falls in; tracker meanings count with the nearest self-assessment one."""
    meaning = code.answers.meaning(answer) if answer else None
    if meaning is None:
        return "unanswered"  # not answered, or not one of the code's answers
    if meaning in ("met", "done", "accepted"):
        return "met"
    if meaning in ("not-met", "rejected"):
        return "not-met"
    if meaning in ("not-applicable", "noted"):
        return "none"
    return "partly"


def is_gap(code: Code, answer: str | None) -> bool:
    """Unanswered, not met or partly met: what a board wants to see closed."""
    return band(code, answer) in ("partly", "not-met", "unanswered")


def direction(old_code: Code, before: str | None, new_code: Code, after: str | None) -> str | None:
    """'better', 'worse' or 'changed' where the meaning moved; None where it did not."""
    old_meaning = old_code.answers.meaning(before) if before else None
    new_meaning = new_code.answers.meaning(after) if after else None
    if old_meaning == new_meaning:
        return None
    old_rank, new_rank = _STANDING.get(old_meaning or ""), _STANDING.get(new_meaning or "")
    if old_rank is None or new_rank is None:
        return "changed"
    return "better" if new_rank > old_rank else "worse"


def answer_of(assessment: Assessment, number: str) -> str | None:
    response = assessment.responses.get(number)
    return response.answer if response is not None and response.answer else None


def weakest(code: Code, answers: Iterable[str | None]) -> str | None:
    """The answer furthest from met: a provision made of several old ones was only as met as its
    weakest part. Unanswered parts are passed over while any part has an answer."""
    given = [answer for answer in answers if answer]
    if not given:
        return None
    ranked = [(_STANDING.get(code.answers.meaning(answer) or "", 99), i) for i, answer in enumerate(given)]
    return given[min(ranked)[1]]


def previous_answer(number: str, link: Correspondence, old: Assessment, old_code: Code) -> str | None:
    """The older assessment's answer to what is now `number`, found under its old number(s)."""
    return weakest(old_code, (answer_of(old, before) for before in link.before(number)))


@dataclass(frozen=True)
class AnswerChange:
    provision: str
    before: str | None  # the answer as written last time (None: not answered)
    after: str | None
    direction: str  # 'better' | 'worse' | 'changed'
    previously: tuple[str, ...] = ()  # the old number(s) it was answered under


@dataclass(frozen=True)
class AnswerComparison:
    """Answers that moved, and gaps opened and closed, in the newer code's order."""

    changes: tuple[AnswerChange, ...]
    gaps_opened: tuple[str, ...]
    gaps_closed: tuple[str, ...]


def compare_answers(
    code: Code, assessment: Assessment, old_code: Code, old: Assessment, link: Correspondence
) -> AnswerComparison:
    """A provision new in this version has no answer to move from; left unmet, it is a new gap."""
    changes: list[AnswerChange] = []
    opened: list[str] = []
    closed: list[str] = []
    for number in code.provisions:
        after = answer_of(assessment, number)
        olds = link.before(number)
        if not olds:
            if is_gap(code, after):
                opened.append(number)
            continue
        before = previous_answer(number, link, old, old_code)
        was_gap, now_gap = is_gap(old_code, before), is_gap(code, after)
        if now_gap and not was_gap:
            opened.append(number)
        elif was_gap and not now_gap:
            closed.append(number)
        moved = direction(old_code, before, code, after)
        if moved is not None:
            changes.append(AnswerChange(number, before, after, moved, olds))
    return AnswerComparison(tuple(changes), tuple(opened), tuple(closed))


#: What each band is called where a code's answers are met or not (the board report's words).
BAND_WORDS = {
    "met": "Met",
    "partly": "Partly met",
    "not-met": "Not met",
    "none": "Not applicable",
    "unanswered": "No valid answer",  # not answered, or not one of the code's answers
}


def band_words(code: Code) -> tuple[tuple[str, ...], dict[str, str]]:
    """The bands a count of `code`'s answers shows, and what each is called. A tracker's are its own
    answers ('Accepted', 'Rejected'), not 'Met' and 'Not met', which would say its recommendations
    were met when they were only accepted; only the bands its answers fall in, and those with none."""
    if not code.is_tracker:
        return BANDS, dict(BAND_WORDS)
    answers: dict[str, list[str]] = {b: [] for b in BANDS}
    meanings: set[str] = set()
    for answer, meaning in code.answers.values.items():
        if meaning not in meanings:  # "Consider in more detail", not its other spelling too
            meanings.add(meaning)
            answers[band(code, answer)].append(answer)
    words = {b: " or ".join(answers[b]) or BAND_WORDS[b] for b in BANDS}
    words["unanswered"] = "No status yet"
    return tuple(b for b in BANDS if answers[b] or b == "unanswered"), words
