"""Each field of the editor as the page shows it: its name, its label, and the value the file holds
(or what the person typed, where a save was refused and kept it)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from selfassess.model.code import Code
from selfassess.workspace.form_fields import (
    NEW,
    RAGS,
    STATUSES,
    Kind,
    kind_of,
    loc_of,
    name_of,
    shown,
    value_at,
)

LABELS = {
    "organisation": "Organisation",
    "assessed_on": "Assessed on",
    "member_responsible": "Member Responsible for Complaints",
    "governing_body_response": "Governing body's response (a web address, or the text)",
    "from": "Period from",
    "to": "Period to",
    "by": "Approved by",
    "on": "Approved on",
    "title": "Title",
    "url": "Web address",
    "file": "File (relative to the assessment)",
    "dated": "Dated (issued or last reviewed)",
    "action": "Action",
    "owner": "Owner",
    "start": "Start",
    "due": "Due",
    "status": "Status",
    "rag": "RAG",
    "commentary": "Commentary",
    "lead": "Lead",
    "supporting": "Supporting (one a line)",
    "closed_on": "Closed on",
}


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    checked: bool


@dataclass(frozen=True)
class FieldView:
    name: str
    label: str
    kind: Kind
    value: str = ""
    choices: tuple[Choice, ...] = ()
    kept: bool = False  # it shows what the person typed, not yet saved
    cannot_show: bool = False  # written in the file in a way the page cannot show: left alone

    @property
    def id(self) -> str:
        return "f-" + quote(self.name, safe="").replace("%", "_")

    @property
    def date_input(self) -> bool:
        """A date picker where the value is empty or already an ISO date; otherwise the text as
        written, so a date the checks cannot read (31/11/09) is shown to be fixed."""
        return self.kind == "date" and (not self.value or (len(self.value) == 10 and self.value[4] == "-"))


class Fields:
    """Builds fields from the file's data, showing typed values where a save kept them."""

    def __init__(self, data: Any, typed: Mapping[str, list[str]]) -> None:
        self.data = data
        self.typed = typed

    def field(
        self, loc: tuple[str | int, ...], label: str | None = None, choices: tuple[str, ...] = ()
    ) -> FieldView:
        name = name_of(loc)
        kind = kind_of(loc)
        now = shown(value_at(self.data, loc), kind)
        label = label or LABELS.get(str(loc[-1]), str(loc[-1]))
        if now is None:
            return FieldView(name, label, kind, cannot_show=True)
        kept = name in self.typed
        if kind == "list":
            values = [v for v in self.typed[name] if v] if kept else list(now)
            return FieldView(name, label, kind, choices=tuple(Choice(v, v, True) for v in values), kept=kept)
        value = self.typed[name][-1] if kept else str(now)
        if kind == "choice":
            offered = list(choices)
            if value and value not in offered:
                offered.append(value)  # kept as written ('YAC'), for the person to change
            listed = [Choice(v, v, v == value) for v in offered]
            return FieldView(name, label, kind, value, tuple(listed), kept)
        return FieldView(name, label, kind, value, kept=kept)


def options(part: str, value: str) -> tuple[Choice, ...]:
    offered = {"status": STATUSES, "rag": RAGS}.get(part)
    if offered is None:
        return ()
    listed = [*offered, value] if value and value not in offered else list(offered)
    return tuple(Choice(option, option.replace("-", " "), option == value) for option in listed)


def field_label(name: str, code: Code) -> str:
    """A field's name in the page as a person would say it: '1.3: Commentary'."""
    parts = loc_of(name)
    last = LABELS.get(parts[-1], parts[-1])
    if parts[0] == "responses" and len(parts) >= 3:
        number, rest = parts[1], parts[2:]
        if rest == ("answer",):
            return f"{number}: {code.answers.label}"
        if rest[0] == "evidence":
            return f"{number}: Evidence" + (" (a title not in the register)" if len(rest) > 1 else "")
        if rest[0] == "actions" and len(rest) == 3:
            which = "new action" if rest[1] == NEW else f"action {int(rest[1]) + 1}"
            return f"{number}, {which}: " + ("remove it" if rest[2] == "remove" else last)
        if rest[0] == "waive" and len(rest) >= 2:
            if rest[1] == NEW:
                return f"{number}: set a check aside ({'the check' if rest[-1] == 'rule' else 'why'})"
            return f"{number}: " + (
                f"stop setting {rest[1]} aside" if rest[-1] == "remove" else f"why {rest[1]} is set aside"
            )
        return f"{number}: {last}"
    if parts[0] == "evidence" and len(parts) == 3:
        return (
            "New document for the register" if parts[1] == NEW else f"Evidence register, {parts[1]}"
        ) + f": {last}"
    if parts[0] == "policy" and len(parts) == 2:
        limit = code.time_limits.get(parts[1])
        return f"Your time limit: {limit.describes if limit is not None and limit.describes else parts[1]}"
    return f"Details: {last}"
