"""What rules ask of responses again and again: each answered response with what its answer means."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from selfassess.check.context import Context
from selfassess.model.assessment import Action, Response
from selfassess.model.code import Code, Provision


@dataclass(frozen=True, slots=True)
class Answered:
    number: str
    response: Response
    meaning: str  # what the answer means in the code's vocabulary ('met', 'partly-met', …)
    provision: Provision


def _answered(context: Context) -> tuple[Answered, ...]:
    assessment, code = context.answering()
    found: list[Answered] = []
    for number, response in assessment.responses.items():
        provision = code.provisions.get(number)
        meaning = code.answers.meaning(response.answer) if response.answer else None
        if provision is not None and meaning is not None:
            found.append(Answered(number, response, meaning, provision))
    return tuple(found)


def answered(context: Context) -> tuple[Answered, ...]:
    """Every response to a provision of the code whose answer the code's vocabulary knows."""
    return context.derived("answered", _answered)


def actions(context: Context) -> Iterator[tuple[str, int, Action]]:
    """(provision number, index, action) for every action of every response."""
    assessment, _ = context.answering()
    for number, response in assessment.responses.items():
        for index, action in enumerate(response.actions):
            yield number, index, action


_KIND_WORDS = {
    "recommendation": "Recommendation",
    "information-request": "Request for information",
    "action": "Action",
}


def named(provision: Provision) -> str:
    """How a message names a tracker's item: 'Recommendation 8', 'Request for information 7'."""
    return f"{_KIND_WORDS.get(provision.kind or '', 'Item')} {provision.shown_number}"


def unit(code: Code) -> str:
    """What a response answers: 'Section' where the assessment answers a section at a time (the
    LGSCO's own form), 'Provision' otherwise."""
    return "Section" if code.answered_per == "section" else "Provision"


def provision_said(item: Answered, code: Code) -> str:
    """'Provision 6.3', and where the code only says a provision should be met, in its own words:
    'Provision 6.3, which the code says organisations should meet,'."""
    if item.provision.obligation != "should":
        return f"{unit(code)} {item.number}"
    return f"{unit(code)} {item.number}, which the code says {code.term('landlords')} should meet,"


def quoted(text: str, limit: int = 60) -> str:
    """A user's text, quoted and shortened for a one-sentence message."""
    flat = " ".join(text.split())
    return f"'{flat}'" if len(flat) <= limit else f"'{flat[: limit - 1].rstrip()}…'"
