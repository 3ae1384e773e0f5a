"""Actions a form writes inside its commentary ("Action: update the scripts by December 2025 (Head of
Service)"), taken out as actions with what, who and when, so that the checks and the board report
see them as actions.

Only a line that says it is an action ("Action:", "Actions required:", "Next steps:") is taken; a
sentence that merely mentions a plan stays in the commentary. A line whose date or owner cannot be
told apart is still taken, with only what it says for certain (the rest stays in its wording).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from selfassess.importing.tables import is_bulleted, unbulleted
from selfassess.timelimits.written_date import calendar_date, read_written_date

# "Action:", "Actions required –", "Further action:", "Next steps:", "Improvement action:".
_OPENS = re.compile(
    r"^\s*(?:(?:further|next|improvement|planned|agreed|required)\s+)?"
    r"(?:actions?(?:\s+(?:required|needed|planned|agreed|to\s+be\s+taken|plan))?|next\s+steps?|to\s+do)"
    r"\s*[:–—-]\s*",
    re.IGNORECASE,
)
_MONTH_NAMES = {name.lower(): number for number, name in enumerate(calendar.month_name) if name} | {
    name.lower(): number for number, name in enumerate(calendar.month_abbr) if name
}
_MONTH_NAMES["sept"] = 9
_MONTH = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_DAY_MONTH_YEAR = r"\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTH + r")\.?,?\s+\d{4}"
_NUMERIC = r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}"
_MONTH_YEAR = r"(?:the\s+)?(?:end\s+of\s+)?(?:" + _MONTH + r")\.?,?\s+\d{4}"
# "by December 2025", "due 31/03/2026", "target date: end of March 2026", "(by 30 June 2025)".
_DUE = re.compile(
    r"[,;]?\s*\(?\s*(?:by|before|due(?:\s+by)?|target(?:\s+date)?|deadline|completion(?:\s+date)?|"
    r"to\s+be\s+completed\s+by)\s*:?\s*"
    r"(?P<when>" + _DAY_MONTH_YEAR + "|" + _NUMERIC + "|" + _MONTH_YEAR + r")\s*\)?",
    re.IGNORECASE,
)
# "Lead: Head of Service", "Owner – Complaints Manager", "Responsible officer: ...".
_LABELLED_OWNER = re.compile(
    r"[,;.]?\s*\(?\s*(?:lead(?:\s+officer)?|owner|responsible(?:\s+officer)?|who)\s*[:–—-]\s*"
    r"(?P<owner>[^;()\n]+?)\s*\)?\s*[.;]?\s*$",
    re.IGNORECASE,
)
# "Actions: none", "Action – N/A", "No action required": nothing to take.
_NO_ACTION = re.compile(
    r"^\s*(?:none|nil|n/?a|not\s+applicable|no\s+(?:further\s+)?actions?)"
    r"(?:\s+(?:required|needed|identified|planned|at\s+(?:present|this\s+time)))?\W*$",
    re.IGNORECASE,
)
# "(Head of Service)" at the end: who does it, where it holds no date.
_BRACKETED_OWNER = re.compile(r"\s*\((?P<owner>[^()\d]{2,60})\)\s*[.;]?\s*$")


_MONTH_ALONE = re.compile(r"(?:the\s+)?(?:end\s+of\s+)?([a-z]+)\.?,?\s+(\d{4})", re.IGNORECASE)


@dataclass(frozen=True)
class FoundAction:
    """One action taken from the commentary, and the line it was read from."""

    action: dict[str, Any]
    line: str


def _due_date(written: str) -> date | None:
    """The day an action is due: the date written, or the last day of a month written alone."""
    read = read_written_date(written)
    if read.value is not None:
        return read.value
    match = re.fullmatch(
        r"(?:the\s+)?(?:end\s+of\s+)?([a-z]+)\.?,?\s+(\d{4})", written.strip(), re.IGNORECASE
    )
    if match is None or match[1].lower() not in _MONTH_NAMES:
        return None
    year, month = int(match[2]), _MONTH_NAMES[match[1].lower()]
    return calendar_date(year, month, calendar.monthrange(year, month)[1]) if year >= 1 else None


# How a published form (selfassess's own, and forms laid out like it) writes an action in the row:
# "What will be done: Owner, due 31 July 2025 (In progress)".
_STATUS_AT_END = re.compile(
    r"\s*\((?P<status>not started|in progress|done|blocked|dropped)\)\s*$", re.IGNORECASE
)
_DUE_AT_END = re.compile(
    r",\s+due\s+(?P<when>" + _DAY_MONTH_YEAR + "|" + _NUMERIC + r")(?:,\s+overdue)?\s*$", re.IGNORECASE
)
_OWNER_AT_END = re.compile(r":\s+(?P<owner>[^:.;]{2,80})$")


def _read_action(text: str) -> dict[str, Any] | None:
    """What, who and when, from one action's words."""
    rest = text.strip()
    if _NO_ACTION.match(rest):
        return None
    owner: str | None = None
    due: date | None = None
    status = _STATUS_AT_END.search(rest)
    due_at_end = _DUE_AT_END.search(rest[: status.start()] if status else rest)
    if status is not None or due_at_end is not None:
        return _read_published_action(rest, status, due_at_end)
    for pattern in (_LABELLED_OWNER, _BRACKETED_OWNER):
        match = pattern.search(rest)
        if match is not None and match["owner"].strip():
            owner = " ".join(match["owner"].split()).rstrip(".")
            rest = rest[: match.start()]
            break
    match = _DUE.search(rest)
    if match is not None:
        due = _due_date(match["when"])
        if due is not None:
            rest = rest[: match.start()] + rest[match.end() :]
    what = " ".join(rest.split()).strip(" ,;–—-")
    if not what:
        return None
    if what[-1] not in ".!?":
        what += "."
    action: dict[str, Any] = {"action": what[0].upper() + what[1:]}
    if owner:
        action["owner"] = owner
    if due is not None:
        action["due"] = due
    return action


def _read_published_action(
    text: str, status: re.Match[str] | None, due_at_end: re.Match[str] | None
) -> dict[str, Any] | None:
    rest = text[: status.start()] if status else text
    due = _due_date(due_at_end["when"]) if due_at_end else None
    if due_at_end is not None and due is not None:
        rest = rest[: due_at_end.start()]
    owner = _OWNER_AT_END.search(rest)
    if owner is not None:
        rest = rest[: owner.start()]
    what = " ".join(rest.split()).strip(" ,;")
    if not what:
        return None
    action: dict[str, Any] = {"action": what}
    if owner is not None:
        action["owner"] = owner["owner"].strip()
    if due is not None:
        action["due"] = due
    if status is not None:
        action["status"] = "-".join(status["status"].lower().split())
    return action


def take_actions(commentary: str) -> tuple[str, list[FoundAction]]:
    """The commentary without its action lines, and the actions they give. An "Actions:" line with
    nothing after it introduces the bulleted lines below it, one action each (it stays where no
    bullet follows)."""
    kept: list[str] = []
    found: list[FoundAction] = []
    heading: str | None = None  # an "Actions:" line waiting for its bullets
    taken_under_heading = False
    for line in commentary.splitlines():
        stripped = line.strip()
        if heading is not None:
            if not stripped and not taken_under_heading:
                continue
            action = _read_action(unbulleted(stripped)) if is_bulleted(stripped) else None
            if action is not None:
                found.append(FoundAction(action, f"{heading} {stripped}"))
                taken_under_heading = True
                continue
            if not taken_under_heading:
                kept.append(heading)
            heading = None
        opening = _OPENS.match(line)
        if opening is not None:
            words = line[opening.end() :]
            if not words.strip():
                heading, taken_under_heading = stripped, False
                continue
            action = _read_action(words)
            if action is not None:
                found.append(FoundAction(action, stripped))
                continue
        kept.append(line)
    if heading is not None and not taken_under_heading:
        kept.append(heading)
    if not found:
        return commentary, []
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip(), found
