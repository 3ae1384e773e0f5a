"""An edit to an assessment, and what the file's data must be once it is made.

An edit names the place of a value by its path in the document (the same path the loader's
positions and pydantic's errors use) and says what it becomes. `expected` says what the whole
document then holds, so that a splice can be read back and compared (splice.py): an edit that would
change anything else is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from selfassess.load.positions import Loc


class _Delete:
    def __repr__(self) -> str:
        return "DELETE"


#: The value of an edit that removes what is at its place.
DELETE: Final = _Delete()


@dataclass(frozen=True)
class Edit:
    """Set the value at `loc` (text, a date, a list, a mapping, None for empty), or DELETE it."""

    loc: Loc
    value: Any


def nested(rest: Loc, value: Any) -> Any:
    """`value` placed under the keys of `rest` that do not exist yet."""
    for part in reversed(rest):
        value = [value] if isinstance(part, int) else {part: value}
    return value


def expected(data: Any, edit: Edit) -> Any:
    """What the file's data should be after `edit`: the containers on the way to it copied, the
    rest shared (data as read is never changed)."""
    return _set(data, edit.loc, edit.value)


def _set(node: Any, loc: Loc, value: Any) -> Any:
    part, rest = loc[0], loc[1:]
    if isinstance(node, dict):
        changed = dict(node)
        child = node.get(part)
        if not rest:
            if value is DELETE:
                changed.pop(part, None)
            else:
                changed[part] = value
        elif child is None:
            if value is not DELETE:
                changed[part] = nested(rest, value)
        else:
            changed[part] = _set(child, rest, value)
        return changed
    if isinstance(node, list) and isinstance(part, int) and part <= len(node):
        changed_list = list(node)
        if part == len(node):
            if value is not DELETE:
                changed_list.append(nested(rest, value))
        elif not rest:
            if value is DELETE:
                del changed_list[part]
            else:
                changed_list[part] = value
        else:
            changed_list[part] = _set(node[part], rest, value)
        return changed_list
    return node


def pruned(data: Any, loc: Loc) -> Any:
    """After deleting the only field of a mapping, the mapping itself goes (see _Splicer._delete)."""
    for cut in range(len(loc) - 1, 0, -1):
        node = data
        for part in loc[:cut]:
            node = node.get(part) if isinstance(node, dict) else None
        if node == {}:
            return expected(data, Edit(loc[:cut], DELETE))
    return data


def same(a: Any, b: Any) -> bool:
    """Equal as the loader reads them; a date and a text that looks like one are not the same."""
    if isinstance(a, date) or isinstance(b, date):
        return isinstance(a, date) and isinstance(b, date) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    return type(a) is type(b) and a == b


def plain(data: Any) -> Any:
    """Text subclasses (Quoted) and lists (InlineList) as the loader gives them back."""
    if isinstance(data, str):
        return str(data)
    if isinstance(data, dict):
        return {key: plain(value) for key, value in data.items()}
    if isinstance(data, list):
        return [plain(value) for value in data]
    return data
