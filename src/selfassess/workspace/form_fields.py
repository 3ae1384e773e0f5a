"""The editor's fields: their names in the page, the value each shows, and what a post changes.

A field's name is the path of its value in the file, its parts joined by '/' (each part
percent-encoded, so a provision numbered 'climate/4' is still one part): `responses/6.3/answer`.
New things are named with '+': `responses/6.3/actions/+/action`. A post (a save, or a live check)
is turned into edits only where a value differs from the file's, so a field left alone never
changes its line, however it was written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal
from urllib.parse import quote, unquote

from selfassess.importing.assemble import evidence_key
from selfassess.load.positions import Loc
from selfassess.load.yaml_source import SourceDate
from selfassess.model.code import Code
from selfassess.workspace.edits import DELETE, Edit

Kind = Literal["text", "paragraphs", "date", "choice", "list", "lines"]

NEW = "+"  # the name part of something not yet in the file
ACTION_FIELDS = ("action", "owner", "start", "due", "status", "rag")
EVIDENCE_FIELDS = ("title", "url", "file", "dated")
STATUSES = ("not-started", "in-progress", "done", "blocked", "dropped")
RAGS = ("red", "amber", "green")

_DATE_FIELDS = frozenset(("assessed_on", "start", "due", "dated", "closed_on", "from", "to", "on"))
_PARAGRAPHS = frozenset(("commentary", "governing_body_response", "action"))
_CHOICES = frozenset(("answer", "status", "rag"))
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

MISSING: Any = object()  # no such value in the file


def name_of(loc: Loc) -> str:
    """The page's name for the value at `loc`."""
    return "/".join(quote(str(part), safe="+") for part in loc)


def loc_of(name: str) -> tuple[str, ...]:
    return tuple(unquote(part) for part in name.split("/"))


def kind_of(loc: Loc) -> Kind:
    last = str(loc[-1])
    if loc[0] == "responses" and last == "evidence":
        return "list"
    if last == "supporting":
        return "lines"
    if last in _DATE_FIELDS:
        return "date"
    if last in _CHOICES:
        return "choice"
    if last in _PARAGRAPHS or (loc[0] == "responses" and len(loc) == 4 and loc[2] == "waive"):
        return "paragraphs"
    return "text"


def value_at(data: Any, loc: Loc) -> Any:
    """The value at `loc` as read (MISSING where the file has none)."""
    for part in loc:
        data = _child(data, part)
        if data is MISSING:
            break
    return data


def _child(data: Any, part: str | int) -> Any:
    if isinstance(data, dict):
        return data.get(part, MISSING)
    if isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
        return data[part]
    return MISSING


def shown(value: Any, kind: Kind) -> str | list[str] | None:
    """What the field shows for a value, or None where the page cannot show it (a list where
    text belongs): such a field is shown disabled, and a post never changes it."""
    if value is MISSING or value is None:
        return [] if kind == "list" else ""
    if isinstance(value, SourceDate):
        value = value.text
    elif isinstance(value, date):
        value = value.isoformat()
    if kind in ("list", "lines"):
        if isinstance(value, str):
            return [value] if kind == "list" else value
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return list(value) if kind == "list" else "\n".join(value)
        return None
    return value if isinstance(value, str) else None


def _typed(text: str) -> str:
    """Text as a browser posts it, as it will be kept: line breaks as the file has them, no
    trailing spaces or blank lines."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _written(text: str, kind: Kind) -> Any:
    """What is written for the text a field posted: a date as a date where it is one."""
    text = _typed(text)
    if not text:
        return None
    if kind == "date" and _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text  # 2025-02-30 stays as typed, for SA503 to say why
    if kind == "lines":
        return [line.strip() for line in text.split("\n") if line.strip()]
    return text


@dataclass
class Changes:
    """What a post asks for: the edits to make, and a sentence for each thing that cannot be."""

    edits: list[Edit] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _first(posted: Mapping[str, list[str]], name: str) -> str:
    values = posted.get(name) or [""]
    return values[-1]


def _responses_key(data: Any, code: Code, number: str) -> bool:
    responses = value_at(data, ("responses",))
    return number in code.provisions or (isinstance(responses, dict) and number in responses)


def changes(posted: Mapping[str, list[str]], data: Any, code: Code | None) -> Changes:
    """The edits that make the file say what the post says, for the fields the post holds."""
    found = Changes()
    removed: list[tuple[str, int]] = []
    groups: set[str] = set()
    for name in posted:
        if name.startswith("_"):
            continue  # the page's own fields (_csrf, _version, _section)
        parts = loc_of(name)
        if parts[0] in ("period", "approved") and len(parts) == 2:
            groups.add(parts[0])
        elif parts[0] == "responses" and len(parts) >= 3 and code is not None:
            if _responses_key(data, code, parts[1]):
                _response_field(posted, name, parts, data, found, removed)
        elif parts[0] == "evidence" and len(parts) == 3 and parts[1] != NEW:
            if parts[2] in EVIDENCE_FIELDS and isinstance(value_at(data, ("evidence", parts[1])), dict):
                _plain_field(posted, name, parts, data, found)
        elif parts[0] == "policy" and len(parts) == 2 and code is not None and parts[1] in code.time_limits:
            _own_field(posted, name, ("policy", parts[1]), data, found)
        elif parts[0] == "deadlines" and len(parts) == 2 and code is not None and parts[1] in code.deadlines:
            _own_field(posted, name, ("deadlines", parts[1]), data, found)
        elif parts in (
            ("organisation",),
            ("assessed_on",),
            ("member_responsible",),
            ("governing_body_response",),
        ):
            _plain_field(posted, name, parts, data, found)
    for group in sorted(groups):
        _pair(posted, group, data, found)
    _new_evidence(posted, data, found)
    for number, index in sorted(removed, key=lambda pair: -pair[1]):
        found.edits = [
            edit for edit in found.edits if edit.loc[:4] != ("responses", number, "actions", index)
        ]
        found.edits.append(Edit(("responses", number, "actions", index), DELETE))
    return found


def _plain_field(
    posted: Mapping[str, list[str]], name: str, loc: Loc, data: Any, found: Changes, kind: Kind | None = None
) -> None:
    """One value: changed where what was posted differs from what the file holds."""
    kind = kind or kind_of(loc)
    now = shown(value_at(data, loc), kind)
    if now is None:
        return  # the page showed it disabled: never written over
    if kind == "list":
        wanted_list = [_typed(item) for item in posted.get(name, []) if _typed(item)]
        if wanted_list != now:
            found.edits.append(Edit(loc, wanted_list))
        return
    text = _first(posted, name)
    if _typed(text) == _typed(str(now)):
        return
    if value_at(data, loc) is MISSING and not _typed(text):
        return
    found.edits.append(Edit(loc, _written(text, kind)))


def _response_field(
    posted: Mapping[str, list[str]],
    name: str,
    parts: tuple[str, ...],
    data: Any,
    found: Changes,
    removed: list[tuple[str, int]],
) -> None:
    number, rest = parts[1], parts[2:]
    base: Loc = ("responses", number)
    if value_at(data, base) is not MISSING and not isinstance(value_at(data, base), dict | None):
        return  # written in a way the page cannot show (`"1.2": Yes`): left as it is
    if rest in (("answer",), ("commentary",), ("lead",), ("closed_on",), ("supporting",), ("evidence",)):
        if rest == ("evidence",):
            extra = _typed(_first(posted, f"{name}/{NEW}"))
            posted = {**posted, name: [*posted.get(name, []), extra]} if extra else posted
        _plain_field(posted, name, (*base, *rest), data, found)
    elif rest == ("evidence", NEW) and f"{name.rsplit('/', 1)[0]}" not in posted:
        extra = _typed(_first(posted, name))
        if extra:  # a title typed with no tick-boxes on the page
            now = shown(value_at(data, (*base, "evidence")), "list")
            if now is not None:
                found.edits.append(Edit((*base, "evidence"), [*now, extra]))
    elif len(rest) == 3 and rest[0] == "actions" and rest[1] != NEW and rest[1].isdigit():
        index = int(rest[1])
        if not isinstance(value_at(data, (*base, "actions", index)), dict):
            return
        if rest[2] == "remove":
            if _first(posted, name):
                removed.append((number, index))
        elif rest[2] in ACTION_FIELDS:
            _plain_field(posted, name, (*base, "actions", index, rest[2]), data, found)
    elif rest == ("actions", NEW, "action"):
        _new_action(posted, name.rsplit("/", 1)[0], base, data, found)
    elif len(rest) == 2 and rest[0] == "waive" and rest[1] != NEW:
        if isinstance(value_at(data, (*base, "waive", rest[1])), str | None):
            _plain_field(posted, name, (*base, "waive", rest[1]), data, found)
    elif len(rest) == 3 and rest[0] == "waive" and rest[2] == "remove" and _first(posted, name):
        if value_at(data, (*base, "waive", rest[1])) is not MISSING:
            found.edits.append(Edit((*base, "waive", rest[1]), DELETE))
    elif rest == ("waive", NEW, "rule"):
        rule = _typed(_first(posted, name)).upper()
        reason = _written(_first(posted, f"{name.rsplit('/', 1)[0]}/reason"), "paragraphs")
        if re.fullmatch(r"SA\d{3}", rule):
            found.edits.append(Edit((*base, "waive", rule), reason))


def _new_action(posted: Mapping[str, list[str]], prefix: str, base: Loc, data: Any, found: Changes) -> None:
    typed = {part: _written(_first(posted, f"{prefix}/{part}"), kind_of((part,))) for part in ACTION_FIELDS}
    given = {part: value for part, value in typed.items() if value is not None}
    if not given:
        return
    if "action" not in given:
        found.problems.append(
            f"The new action under {base[1]} needs its words: say what will be done, "
            "or clear its other boxes."
        )
        return
    actions = value_at(data, (*base, "actions"))
    count = len(actions) if isinstance(actions, list) else 0
    if actions is not MISSING and not isinstance(actions, list | None):
        return
    found.edits.append(Edit((*base, "actions", count), given))


def _pair(posted: Mapping[str, list[str]], group: str, data: Any, found: Changes) -> None:
    """`period` and `approved`: both halves written together, on one line, or removed together."""
    halves = ("from", "to") if group == "period" else ("by", "on")
    now = value_at(data, (group,))
    if now is not MISSING and not isinstance(now, dict | None):
        return
    current = now if isinstance(now, dict) else {}
    wanted: dict[str, Any] = {}
    changed = False
    for half in halves:
        name = f"{group}/{half}"
        shown_now = shown(current.get(half, MISSING), kind_of((half,)))
        if shown_now is None:
            return
        if name not in posted:
            if half in current:
                wanted[half] = current[half]
            continue
        text = _first(posted, name)
        if _typed(text) != _typed(str(shown_now)):
            changed = True
        value = (
            _written(text, kind_of((half,))) if _typed(text) != _typed(str(shown_now)) else current.get(half)
        )
        if value is not None:
            wanted[half] = value
    if not changed:
        return
    extra = {key: value for key, value in current.items() if key not in halves}
    if not wanted and not extra:
        found.edits.append(Edit((group,), DELETE))
    else:
        found.edits.append(Edit((group,), {**wanted, **extra}))


def _own_field(posted: Mapping[str, list[str]], name: str, loc: Loc, data: Any, found: Changes) -> None:
    """An organisation's own time limit or date: written where given, removed where emptied (the
    code's then applies)."""
    now = shown(value_at(data, loc), "text")
    text = _typed(_first(posted, name))
    if not isinstance(now, str) or text == _typed(now):
        return
    found.edits.append(Edit(loc, text) if text else Edit(loc, DELETE))


def _new_evidence(posted: Mapping[str, list[str]], data: Any, found: Changes) -> None:
    typed = {
        part: _written(_first(posted, f"evidence/{NEW}/{part}"), kind_of((part,))) for part in EVIDENCE_FIELDS
    }
    given = {part: value for part, value in typed.items() if value is not None}
    if not given:
        return
    if "title" not in given:
        found.problems.append("The new entry for the evidence register needs a title.")
        return
    register = value_at(data, ("evidence",))
    if register is not MISSING and not isinstance(register, dict | None):
        return
    taken = set(register) if isinstance(register, dict) else set()
    organisation = value_at(data, ("organisation",))
    key = evidence_key(str(given["title"]), organisation if isinstance(organisation, str) else None, taken)
    found.edits.append(Edit(("evidence", key), given))
