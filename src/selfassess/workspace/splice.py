"""Edits to a file's YAML text that change only the lines of what was edited.

Why not a round-trip library: ruamel.yaml writes the bundled forms back byte for byte, but it
writes the whole file again with one indentation for every mapping and list, so a file a person
indented their own way (four spaces, lists flush with their key) would change throughout. Here the
file's text is kept and only the edited value's span is replaced: where each value starts and ends
comes from the parser the loader uses (PyYAML's composer, in characters), the new value is written
by the one YAML writer (author/yaml_text), and the result is read back and compared with what was
meant, so an edit that would change anything else is refused, never saved.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import yaml

from selfassess.author.yaml_text import InlineList, InlineMapping, Quoted, inline, item_lines, yaml_fragment
from selfassess.load.positions import Loc
from selfassess.load.yaml_source import LoadedYaml, SourceDate, load_yaml_text
from selfassess.workspace.edits import DELETE, Edit, expected, nested, plain, pruned, same

try:  # libyaml's parser where it is installed, as the loader uses
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@lru_cache(maxsize=8)
def read_yaml(text: str) -> LoadedYaml:
    """`text` read as the loader reads it, remembered: a live check reads the same page's text
    (and the text it becomes) again and again. What it returns is never changed."""
    return load_yaml_text(text)


class CannotEdit(Exception):
    """The page cannot change the file safely here: one sentence saying what to do instead."""


# Where a new field goes among its neighbours: the order `new`, `import` and the examples write.
_TOP = (
    "code",
    "organisation",
    "assessed_on",
    "period",
    "approved",
    "member_responsible",
    "governing_body_response",
    "policy",
    "deadlines",
    "evidence",
    "responses",
)
_RESPONSE = (
    "answer",
    "lead",
    "supporting",
    "evidence",
    "commentary",
    "closed_on",
    "actions",
    "waive",
)
_ACTION = ("ref", "action", "owner", "start", "due", "status", "rag", "serves", "note")
_EVIDENCE = ("title", "url", "file", "dated")


def _order(loc: Loc) -> tuple[str, ...]:
    """The usual order of the fields of the mapping at `loc`."""
    if not loc:
        return _TOP
    if loc[0] == "responses" and len(loc) == 2:
        return _RESPONSE
    if loc[0] == "responses" and len(loc) == 4 and loc[2] == "actions":
        return _ACTION
    if loc[0] == "evidence" and len(loc) == 2:
        return _EVIDENCE
    return ()


@dataclass
class _Step:
    """One level on the way down to the edited value."""

    collection: yaml.CollectionNode  # a mapping or a list
    key: yaml.ScalarNode | int  # the key naming the value in a mapping, or its place in a list
    value: yaml.Node


class _Splicer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.newline = "\r\n" if "\r\n" in text else "\n"
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError:
            raise CannotEdit(
                "The file cannot be read as YAML, so the page cannot change it; fix what check reports "
                "in a text editor first."
            ) from None
        if not isinstance(root, yaml.MappingNode):
            raise CannotEdit("The file holds no named fields, so the page cannot change it.")
        self.root: yaml.Node = root

    # -- where things are ----------------------------------------------------------------------
    def _line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def _first_on_line(self, index: int) -> bool:
        return self.text[self._line_start(index) : index].strip(" ") == ""

    def _line_end(self, index: int) -> int:
        """Where the line holding `index` ends (its line break, or the end of the text)."""
        found = self.text.find("\n", index)
        if found == -1:
            return len(self.text)
        return found - 1 if found > 0 and self.text[found - 1] == "\r" else found

    def _after_line(self, index: int) -> int:
        """The start of the line after the one holding `index`."""
        found = self.text.find("\n", index)
        return len(self.text) if found == -1 else found + 1

    def _content_end(self, node: yaml.Node) -> int:
        """Where the value's own text ends: a block's trailing blank lines and comments are not it."""
        if isinstance(node, yaml.ScalarNode):
            end = int(node.end_mark.index)
            if node.style in ("|", ">"):
                while end > node.start_mark.index and self.text[end - 1] in " \t\r\n":
                    end -= 1
            return end
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and not node.flow_style and node.value:
            last = node.value[-1]
            return self._content_end(last[1] if isinstance(last, tuple) else last)
        return int(node.end_mark.index)

    @staticmethod
    def _column(node: yaml.Node) -> int:
        return int(node.start_mark.column)

    def _refuse_alias(self, key: yaml.Node, value: yaml.Node) -> None:
        # An alias (*name) composes to the anchored value, which stands earlier in the file.
        if value.start_mark.index < key.end_mark.index:
            raise CannotEdit(
                f"Line {key.start_mark.line + 1} repeats a value from elsewhere in the file (a YAML alias); "
                "change it in a text editor."
            )

    # -- the edit ------------------------------------------------------------------------------
    def apply(self, edit: Edit) -> str:
        node = self.root
        trail: list[_Step] = []
        for depth, part in enumerate(edit.loc):
            rest = nested(edit.loc[depth + 1 :], edit.value)
            if isinstance(node, yaml.MappingNode):
                found = next(
                    (
                        (key, value)
                        for key, value in node.value
                        if isinstance(key, yaml.ScalarNode) and key.value == part
                    ),
                    None,
                )
                if found is None:
                    if edit.value is DELETE:
                        return self.text
                    if node.flow_style and not node.value and trail:  # `waive: {}` becomes a block
                        return self._replace(trail[-1], {part: rest}, edit.loc[:depth])
                    return self._insert(node, edit.loc[:depth], str(part), rest)
                key, child = found
                self._refuse_alias(key, child)
                trail.append(_Step(node, key, child))
                node = child
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part <= len(node.value):
                if part == len(node.value):
                    if edit.value is DELETE:
                        return self.text
                    if node.flow_style and not node.value and trail:  # `actions: []` becomes a block
                        return self._replace(trail[-1], [rest], edit.loc[:depth])
                    return self._append(node, rest)
                trail.append(_Step(node, part, node.value[part]))
                node = node.value[part]
            elif _is_empty(node) and trail and edit.value is not DELETE:
                # `responses:` with nothing under it yet: the whole value is written anew
                return self._replace(trail[-1], nested(edit.loc[depth:], edit.value), edit.loc[:depth])
            else:
                line = node.start_mark.line + 1
                raise CannotEdit(
                    f"Line {line} is not written the way the page expects; change it in a text editor."
                )
        if not trail:
            raise CannotEdit("The page cannot replace the whole file.")
        if edit.value is DELETE:
            return self._delete(trail, edit.loc)
        return self._replace(trail[-1], edit.value, edit.loc)

    def _replace(self, step: _Step, value: Any, loc: Loc) -> str:
        if step.collection.flow_style:
            return self._rewrite_flow(step.collection, loc[-1], value)
        if not isinstance(step.key, yaml.ScalarNode):
            raise CannotEdit(
                f"Line {step.value.start_mark.line + 1} is an item of a list the page changes only as a "
                "whole; change it in a text editor."
            )
        indent = self._column(step.key)
        lines = yaml_fragment({"k": _styled(loc[-1], value, step.value, indent)}, indent)
        written = lines[0][indent + 1 :] + "".join(self.newline + line for line in lines[1:])
        start, end = int(step.key.end_mark.index), self._content_end(step.value)
        return self.text[:start] + written + self.text[end:]

    def _rewrite_flow(self, collection: yaml.CollectionNode, part: str | int, value: Any) -> str:
        """A `{from: …, to: …}` or `[a, b]` written again whole, on one line."""
        start, end = int(collection.start_mark.index), int(collection.end_mark.index)
        span = self.text[start:end]
        if "\n" in span and "#" in span:
            raise CannotEdit(
                f"Line {collection.start_mark.line + 1} holds comments inside braces or brackets; "
                "change it in a text editor."
            )
        data = _writable(read_yaml(span).data)
        if value is DELETE:
            if isinstance(data, dict):
                data.pop(part, None)
            elif isinstance(part, int) and part < len(data):
                del data[part]
        elif isinstance(data, dict) or (isinstance(part, int) and part < len(data)):
            data[part] = value
        else:
            data.append(value)
        written = inline(InlineMapping(data) if isinstance(data, dict) else data)
        return self.text[:start] + written + self.text[end:]

    def _insert(self, mapping: yaml.MappingNode, loc: Loc, key: str, value: Any) -> str:
        """A new field in an existing mapping, after the field that usually comes before it."""
        if mapping.flow_style:
            return self._rewrite_flow(mapping, key, value)
        order = _order(loc)
        rank = order.index(key) if key in order else len(order)
        entries = [(k, v) for k, v in mapping.value if isinstance(k, yaml.ScalarNode)]
        before = [(k, v) for k, v in entries if k.value in order and order.index(k.value) < rank]
        first_key = mapping.value[0][0]
        indent = self._column(first_key)
        lines = yaml_fragment({key: _styled(key, value, None, indent)}, indent)
        block = self.newline.join(lines)
        if not before and self._first_on_line(first_key.start_mark.index):
            at = self._line_start(first_key.start_mark.index)
            return self.text[:at] + block + self.newline + self.text[at:]
        after = before[-1] if before else mapping.value[-1]
        at = self._line_end(self._content_end(after[1]))
        return self.text[:at] + self.newline + block + self.text[at:]

    def _append(self, sequence: yaml.SequenceNode, value: Any) -> str:
        """A new item at the end of a list (a new action)."""
        if sequence.flow_style:
            return self._rewrite_flow(sequence, len(sequence.value), value)
        dash = self._dash(sequence.value[0])
        lines = item_lines(value, dash - self._line_start(dash))
        at = self._line_end(self._content_end(sequence.value[-1]))
        return self.text[:at] + self.newline + self.newline.join(lines) + self.text[at:]

    def _dash(self, item: yaml.Node) -> int:
        """Where the `-` of a block list's item is."""
        at = int(item.start_mark.index) - 1
        while at >= 0 and self.text[at] == " ":
            at -= 1
        if at < 0 or self.text[at] != "-" or not self._first_on_line(at):
            raise CannotEdit(
                f"The list at line {item.start_mark.line + 1} is written in a way the page cannot change; "
                "change it in a text editor."
            )
        return at

    def _delete(self, trail: list[_Step], loc: Loc) -> str:
        step = trail[-1]
        collection = step.collection
        if len(collection.value) == 1:
            if isinstance(collection, yaml.SequenceNode):
                return self._replace(trail[-2], [], loc[:-1])  # the last action gone: `actions: []`
            if len(loc) > 1:
                return self._delete(trail[:-1], loc[:-1])  # the last waiver gone: no `waive:` at all
            raise CannotEdit("The page cannot remove the only field of the file; change it in a text editor.")
        if collection.flow_style:
            return self._rewrite_flow(collection, loc[-1], DELETE)
        end = self._after_line(self._content_end(step.value))
        if isinstance(step.key, int):
            start = self._line_start(self._dash(step.value))
        elif self._first_on_line(step.key.start_mark.index):
            start = self._line_start(step.key.start_mark.index)
        else:  # the first field of a list item (`- action: …`): the next field moves up beside the dash
            start = int(step.key.start_mark.index)
            end = int(collection.value[1][0].start_mark.index)
        return self.text[:start] + self.text[end:]


def _is_empty(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.value == "" and node.style is None


#: Fields written on one line, `{from: 2024-04-01, to: 2025-03-31}`, as `new` suggests them.
_ON_ONE_LINE = frozenset(("period", "approved"))


def _styled(key: str | int, value: Any, old: yaml.Node | None, indent: int) -> Any:
    """`value` marked to be written as the value it replaces was (in double quotes, a list on its
    key's line), or as the field is usually written, where that still reads well."""
    if key in _ON_ONE_LINE and isinstance(value, dict) and len(inline(value)) <= 80:
        return InlineMapping(value)
    single_line = isinstance(value, str) and "\n" not in value and len(value) <= 80
    if single_line and isinstance(old, yaml.ScalarNode) and old.style == '"':
        return Quoted(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        short = indent + len(inline(value)) <= 90
        if short and (old is None or _is_empty(old) or getattr(old, "flow_style", False)):
            return InlineList(value)
    return value


def _writable(data: Any) -> Any:
    """Data as read, in the shapes the writer writes: a date as typed stays a date or text."""
    if isinstance(data, SourceDate):
        return date(data.year, data.month, data.day) if data.text == data.isoformat() else data.text
    if isinstance(data, dict):
        return {key: _writable(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_writable(value) for value in data]
    return data


#: Texts already spliced, by the text and the edits made to it in turn: a live check sends every
#: change since the page was read, of which only the one being typed is new each time.
_STEPS: OrderedDict[tuple[str, ...], tuple[str, Any]] = OrderedDict()
_STEPS_KEPT = 64


def _remember(key: tuple[str, ...], done: tuple[str, Any]) -> None:
    _STEPS[key] = done
    while len(_STEPS) > _STEPS_KEPT:
        _STEPS.popitem(last=False)


def apply_edit(text: str, edit: Edit) -> str:
    """`text` with `edit` made, every other character as it was. Raises CannotEdit, saying why,
    where that cannot be done safely."""
    return apply_edits(text, [edit])


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """`text` with every edit made in turn, every other character as it was; then read back and
    compared with what the edits mean, so that nothing else has changed. Raises CannotEdit, saying
    why, where that cannot be done safely."""
    if not edits:
        return text
    before = read_yaml(text)
    wanted = before.data
    key: tuple[str, ...] = (text,)
    for edit in edits:
        key = (*key, repr(edit))
        done = _STEPS.get(key)
        if done is None:
            text = _Splicer(text).apply(edit)
            wanted = expected(wanted, edit)
            if edit.value is DELETE:
                wanted = pruned(wanted, edit.loc)
            _remember(key, (text, wanted))
        else:
            text, wanted = done
    after = read_yaml(text)
    if len(after.problems) > len(before.problems) or not same(plain(wanted), plain(after.data)):
        raise CannotEdit(
            "This change could not be written without changing other parts of the file; "
            "make it in a text editor."
        )
    return text
