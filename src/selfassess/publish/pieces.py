"""What every published product shows the same way: answers in tones, actions, dates as written.

The form, the tracker and the board report all build their view-models from these pieces, so an
action or a date reads alike wherever it appears.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from selfassess.model.assessment import Action
from selfassess.timelimits.calendar import long_date
from selfassess.timelimits.written_date import WrittenDate

#: How each meaning is shown beside the answer as written (never by colour alone).
MEANING_TONE = {
    "met": "met",
    "done": "met",
    "accepted": "met",
    "partly-met": "partly",
    "partly-accepted": "partly",
    "in-progress": "partly",
    "under-consideration": "partly",
    "not-met": "not-met",
    "rejected": "not-met",
    "not-applicable": "none",
    "noted": "none",
}
#: The pale fills that stand behind an answer of each tone, and an action's RAG, in Word and Excel
#: alike (the answer's words are always beside them: colour is never the only sign).
TONE_FILL = {"met": "DFF0D8", "partly": "FCF3CF", "not-met": "F8D7DA", "none": "E7E6E6"}
RAG_FILL = {"red": "F8D7DA", "amber": "FCE4C4", "green": "DFF0D8"}
STATUS_WORDS = {
    "not-started": "Not started",
    "in-progress": "In progress",
    "done": "Done",
    "blocked": "Blocked",
    "dropped": "Dropped",
}


def shown_date(written: WrittenDate | None) -> str | None:
    """'12 June 2025' where the date can be read; exactly as written where it cannot."""
    if written is None:
        return None
    return long_date(written.value) if written.value is not None else written.text


@dataclass(frozen=True)
class EvidenceView:
    title: str
    url: str | None  # only an address a reader's browser may safely follow
    key: str | None = None  # the register key, where the title came from the register


@dataclass(frozen=True)
class ActionView:
    provision: str
    ref: str | None
    action: str
    owner: str | None
    start: str | None
    due: str | None
    status: str | None  # in words: 'In progress'
    rag: str | None  # 'red' | 'amber' | 'green'
    overdue: bool
    due_on: date | None = None  # the due date, where it can be read
    start_on: date | None = None  # the start date, where it can be read
    finished: bool = False  # done or dropped


def action_view(number: str, action: Action, today: date | None) -> ActionView:
    """An action as every published form shows it: dates as written, overdue on `today`."""
    due = action.due.value if action.due is not None else None
    finished = action.status in ("done", "dropped")
    return ActionView(
        provision=number,
        ref=action.ref,
        action=action.action,
        owner=action.owner,
        start=shown_date(action.start),
        due=shown_date(action.due),
        status=STATUS_WORDS.get(action.status) if action.status else None,
        rag=action.rag,
        overdue=bool(due and today and due < today and not finished),
        due_on=due,
        start_on=action.start.value if action.start is not None else None,
        finished=finished,
    )


def one_line(text: str) -> str:
    """Text on one line: a line break in a title or an action's words ends nothing."""
    return re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", text).strip(" \t")


def in_words(action: ActionView) -> str:
    """An action on one line, as a form's row lists it ("Train staff: Head of Complaints, due 30
    June 2025 (In progress)"); the action plan gives it in full."""
    words = one_line(action.action)
    if action.owner:
        words += f": {action.owner}"
    if action.due:
        words += f", due {action.due}" + (", overdue" if action.overdue else "")
    if action.status:
        words += f" ({action.status})"
    return words
