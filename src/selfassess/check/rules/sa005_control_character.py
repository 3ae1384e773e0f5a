"""Text holds a control character.

What it checks:
    Every piece of text in an assessment, a tracker or a code (its organisation, titles and
    headings, answers, commentary, actions and their owners, evidence, and the names of its
    entries) for a control character: an invisible character such as a bell, an escape, a form
    feed, a null or a carriage return, written in YAML as `\\a`, `\\e`, `\\f`, `\\0`, `\\r` or
    `\\x..`, or left behind by copying from another program. Tabs and line breaks are text and
    are not reported.

Why it matters:
    A control character shows as nothing on screen, so nobody reviewing the file sees it, but it
    is still there when the form is published: Word cannot hold it (selfassess puts '�' in its
    place), a web page or a terminal may show it as a box or act on it. The organisation's name
    or an owner's name then reads wrongly in the board's papers.

Failing example:
    ```yaml
    organisation: "Fenbrook\\aHomes"
    ```

Passing example:
    ```yaml
    organisation: "Fenbrook Homes"
    ```
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.load.positions import Loc

#: C0 controls but tab and line feed, DEL, C1 controls, lone surrogates and the non-characters
#: U+FFFE and U+FFFF: what no one types on purpose into a self-assessment.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: The most characters one finding names; more are summed up.
_NAMED = 3
#: The names people may know them by (a YAML escape, a keyboard's key).
_NAMES = {
    "\ufffe": "a non-character",
    "\uffff": "a non-character",
    "\x00": "a null",
    "\x07": "a bell",
    "\x08": "a backspace",
    "\x0b": "a vertical tab",
    "\x0c": "a form feed",
    "\r": "a carriage return",
    "\x1b": "an escape",
    "\x7f": "a delete",
}


def _texts_with_control(model: BaseModel) -> list[tuple[Loc, str, bool]]:
    """(where, the text, whether it is an entry's name) for each piece of text in `model` that holds
    a control character. A loop over a list rather than recursion: most of the cost is visiting
    each value, so a place is only written out for a text that is reported."""
    found: list[tuple[Loc, str, bool]] = []
    waiting: list[tuple[object, Loc]] = [(model, ())]
    search = _CONTROL.search
    while waiting:
        value, loc = waiting.pop()
        if isinstance(value, str):
            if search(value):
                found.append((loc, value, False))
        elif isinstance(value, BaseModel):
            for name, field in type(value).model_fields.items():
                item = getattr(value, name)
                if item is not None:
                    waiting.append((item, (*loc, field.alias or name)))
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and search(key):
                    found.append(((*loc, key), key, True))
                waiting.append((item, (*loc, key)))
        elif isinstance(value, list | tuple):
            waiting.extend((item, (*loc, index)) for index, item in enumerate(value))
    return found


def _named(found: list[str]) -> str:
    distinct = list(dict.fromkeys(found))
    named = [
        f"{_NAMES.get(character, 'a control character')} (U+{ord(character):04X})" for character in distinct
    ]
    if len(named) > _NAMED:
        named = [*named[: _NAMED - 1], f"{len(named) - _NAMED + 1} more"]
    return named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"


def check(context: Context) -> Iterator[Problem]:
    document = context.document
    model: BaseModel | None = document.assessment if document.assessment is not None else document.code
    if model is None or not document.has_backslash:
        return
    for loc, text, is_name in _texts_with_control(model):  # the engine puts findings in order
        found = _CONTROL.findall(text)
        if len(loc) == 3 and loc[0] == "evidence" and loc[2] == "file":
            continue  # an evidence file's name is SA203's: no file can be named with one
        provision = str(loc[1]) if len(loc) >= 2 and loc[0] == "responses" else None
        yield Problem(
            loc,
            f"This text holds {_named(found)}, which cannot be seen on screen or published; delete it.",
            provision,
            at_key=is_name,
        )


RULE = Rule(
    id="SA005",
    name="control-character",
    severity=Severity.WARNING,
    summary="Text holds an invisible control character (a bell, an escape, a null) publishing cannot show.",
    applies_to="any",
    doc=__doc__ or "",
    check=check,
)
