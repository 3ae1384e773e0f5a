"""What `diff` finds, as values: the kinds of change, one `Change`, the two sides, the `Diff`.

Kept apart from the comparing itself so that each part of the comparison (the assessment's
details, a provision's fields, its actions) can build changes without importing the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from selfassess.model.assessment import Approval, Period
from selfassess.timelimits.calendar import long_date
from selfassess.timelimits.written_date import WrittenDate

#: Every kind of change, in the order they are listed for one provision. Never renamed: scripts
#: read them from `--format json`.
KINDS = (
    "organisation-changed",
    "code-changed",
    "assessed-on-changed",
    "period-changed",
    "approval-changed",
    "member-responsible-changed",
    "policy-changed",
    "detail-changed",
    "evidence-entry-changed",
    "provision-added",
    "provision-removed",
    "answer-changed",
    "gap-opened",
    "gap-closed",
    "commentary-changed",
    "evidence-added",
    "evidence-removed",
    "waiver-added",
    "waiver-removed",
    "waiver-changed",
    "response-changed",
    "action-completed",
    "action-slipped",
    "action-changed",
    "action-added",
    "action-removed",
)

STATUS_WORDS = {
    "not-started": "not started",
    "in-progress": "in progress",
    "done": "done",
    "blocked": "blocked",
    "dropped": "dropped",
}


@dataclass(frozen=True)
class Side:
    """One of the two assessments, as the output names it."""

    path: str
    code: str
    organisation: str
    assessed_on: WrittenDate
    period: Period | None
    approved: Approval | None

    def as_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "code": self.code,
            "organisation": self.organisation,
            "assessed_on": self.assessed_on.text,
            "period": None
            if self.period is None
            else {"from": self.period.from_.text, "to": self.period.to.text},
            "approved": None
            if self.approved is None
            else {"by": self.approved.by, "on": self.approved.on.text},
        }


@dataclass(frozen=True)
class Change:
    """One change. `provision` is the new number (None: about the whole assessment, or a provision
    the new code no longer has); `previously` its old number(s); `subject` what it is about (an
    evidence title, an action, a time limit's name); `before`/`after` the values as written."""

    kind: str
    message: str
    provision: str | None = None
    previously: tuple[str, ...] = ()
    subject: str | None = None
    ref: str | None = None
    before: str | None = None
    after: str | None = None
    direction: str | None = None  # for answer-changed: better, worse or changed

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "provision": self.provision,
            "previously": list(self.previously),
            "subject": self.subject,
            "ref": self.ref,
            "before": self.before,
            "after": self.after,
            "direction": self.direction,
            "message": self.message,
        }


@dataclass(frozen=True)
class Diff:
    old: Side
    new: Side
    changes: tuple[Change, ...]

    def of_kind(self, *kinds: str) -> tuple[Change, ...]:
        return tuple(change for change in self.changes if change.kind in kinds)


def day(written: WrittenDate | None) -> str:
    if written is None:
        return ""
    return long_date(written.value) if written.value is not None else written.text
