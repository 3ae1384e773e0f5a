"""YAML text to plain data plus a `Positions` tree, built from the parser's events.

Why events and not `yaml.safe_load`: the user's text must survive (`Yes`, `on`, `6.10` and `09-30`
stay the text they typed, because every field of our formats is text, a date or a list of them),
a duplicate key must be reported rather than overwrite, every value needs its line and column,
and hostile input (alias bombs, recursive aliases, deep nesting) must stop with a finding instead of
exhausting memory or the stack. Building from events does all of that in one flat loop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

from selfassess.load.positions import LoadProblem, Loc, Position, Positions
from selfassess.load.yaml_errors import describe_yaml_error

try:  # libyaml's parser where it is installed; the pure-Python one otherwise
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@dataclass(frozen=True)
class Limits:
    """How much a single file may ask of selfassess."""

    max_bytes: int = 20 * 1024 * 1024
    max_depth: int = 50
    max_values: int = 200_000


@dataclass
class LoadedYaml:
    """The plain data of a document, where each value stands, and what could not be read.

    `data` is None when nothing could be read at all (a syntax error, an empty file).
    """

    data: Any
    positions: Positions
    problems: list[LoadProblem] = field(default_factory=list)


class SourceDate(date):
    """A date as YAML read it, remembering the text the user typed (`2024-4-1`)."""

    text: str

    def __new__(cls, year: int, month: int, day: int, text: str) -> SourceDate:
        made = super().__new__(cls, year, month, day)
        made.text = text
        return made


_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_STANDARD_COLLECTION_TAGS = frozenset(
    ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:omap", "tag:yaml.org,2002:set")
)
_DISCARD = object()  # the pending key of a value that is reported and dropped


def _plain_scalar(text: str) -> Any:
    """What an unquoted scalar means in our formats: null, a date, or the text as typed."""
    if text in _NULLS:
        return None
    match = _DATE.match(text) if text[:1].isdigit() else None
    if match:
        try:
            return SourceDate(int(match[1]), int(match[2]), int(match[3]), text)
        except ValueError:
            return text  # a date that does not exist stays as written, for the model to report
    return text


class _Frame:
    __slots__ = ("anchor", "container", "is_map", "loc", "log_start", "pending", "skip_depth")

    def __init__(self, container: Any, loc: Loc, is_map: bool, anchor: str | None, log_start: int) -> None:
        self.container = container
        self.loc = loc
        self.is_map = is_map
        self.pending: Any = None  # in a mapping: the key waiting for its value
        self.anchor = anchor
        self.log_start = log_start
        self.skip_depth = 0


class _TooBig(Exception):
    def __init__(self, problem: LoadProblem) -> None:
        self.problem = problem


def _at(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _shown_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


_SCALAR, _MAPPING_START, _SEQUENCE_START = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MAPPING_END, _SEQUENCE_END = yaml.MappingEndEvent, yaml.SequenceEndEvent


class _Builder:
    """Consumes parser events and builds data, positions and problems."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.positions = Positions()
        self._set_value, self._set_key = self.positions.setters()
        self.problems: list[LoadProblem] = []
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        self.values = 0
        # (loc, is_key, position) of every value inside an anchored one, so an alias can copy its
        # anchor's positions; kept only while an anchor is open, as most files have none.
        self.log: list[tuple[Loc, bool, Position]] = []
        self.anchors: dict[str, tuple[Any, Loc, int, int]] = {}
        self.open_anchors: set[str] = set()

    # -- helpers -------------------------------------------------------------------------------
    def _count(self, n: int, mark: Any) -> None:
        self.values += n
        if self.values > self.limits.max_values:
            raise _TooBig(
                LoadProblem(
                    _at(mark),
                    f"The file expands to more than {self.limits.max_values:,} values (YAML aliases "
                    "repeating other values can do this); selfassess stopped reading it here.",
                )
            )

    def _record(self, loc: Loc, position: Position, is_key: bool = False, anchor: str | None = None) -> None:
        if is_key:
            self.positions.set_key(loc, position)
        else:
            self.positions.set_value(loc, position)
        if self.open_anchors or anchor:
            self.log.append((loc, is_key, position))

    def _problem(self, mark: Any, message: str, loc: Loc = ()) -> None:
        self.problems.append(LoadProblem(_at(mark), message, loc))

    def _place(self, event: Any) -> Loc | None:
        """Where the next value goes: its loc, or None when it is to be dropped."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if top.is_map:
            key = top.pending
            return None if key is _DISCARD else (*top.loc, key)
        return (*top.loc, len(top.container))

    def _attach(self, value: Any) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if top.is_map:
            if top.pending is not _DISCARD:
                top.container[top.pending] = value
            top.pending = None
        else:
            top.container.append(value)

    def _awaiting_key(self) -> bool:
        return bool(self.stack) and self.stack[-1].is_map and self.stack[-1].pending is None

    # -- events --------------------------------------------------------------------------------
    def feed(self, event: Any) -> None:
        kind = type(event)
        stack = self.stack
        if stack and stack[-1].skip_depth:
            self._skip(event)
        elif kind is _SCALAR:
            self._scalar(event)
        elif kind is _MAPPING_START or kind is _SEQUENCE_START:
            self._start(event, kind is _MAPPING_START)
        elif kind is _MAPPING_END or kind is _SEQUENCE_END:
            self._end()
        elif kind is yaml.AliasEvent:
            self._alias(event)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                self._problem(
                    event.start_mark,
                    "The file holds more than one YAML document (a second '---'); "
                    "keep one assessment or code per file.",
                )
                raise _StopReading

    def _scalar(self, event: Any) -> None:
        # The path every value of every file takes, so written out in full rather than through
        # the helpers above: a third less time reading a file.
        stack = self.stack
        top = stack[-1] if stack else None
        key: Any = None
        if top is None:
            loc: Loc | None = ()
        elif top.skip_depth:
            return  # inside a key that is a list or a mapping, read past (see _skip)
        elif top.is_map:
            key = top.pending
            if key is None:
                self._key(event.value, event.start_mark)
                return
            loc = None if key is _DISCARD else (*top.loc, key)
        else:
            loc = (*top.loc, len(top.container))
        self.values += 1
        if self.values > self.limits.max_values:
            self._count(0, event.start_mark)
        if event.tag is None:
            value = _plain_scalar(event.value) if event.implicit[0] else event.value
        else:
            value = self._scalar_value(event, loc)
        if loc is not None:
            mark = event.start_mark
            position = Position(mark.line + 1, mark.column + 1)
            self._set_value(loc, position)
            anchor = event.anchor
            if self.open_anchors or anchor:
                self.log.append((loc, False, position))
                if anchor:
                    self.anchors[anchor] = (value, loc, len(self.log) - 1, len(self.log))
        if top is None:
            self.root = value
        elif top.is_map:
            if key is not _DISCARD:
                top.container[key] = value
            top.pending = None
        else:
            top.container.append(value)

    def _scalar_value(self, event: Any, loc: Loc | None) -> Any:
        tag = event.tag
        if tag is None or tag == "!":
            return _plain_scalar(event.value) if event.implicit[0] else event.value
        if tag == "tag:yaml.org,2002:str":
            return event.value
        if tag == "tag:yaml.org,2002:null":
            return None
        self._problem(
            event.start_mark,
            f"The YAML tag '{_shown_tag(tag)}' is not used in selfassess files; it was ignored and the value "
            "read as plain text.",
            loc or (),
        )
        return event.value

    def _key(self, text: str, mark: Any) -> None:
        top = self.stack[-1]
        loc = (*top.loc, text)
        if text in top.container:
            self._problem(
                mark,
                f"'{text}' appears twice here; the second one (this line) was not read — "
                "merge the two or remove one.",
                loc,
            )
            top.pending = _DISCARD
            return
        if text == "<<":
            self._problem(
                mark,
                "YAML merge keys ('<<') are not supported in selfassess files; write the fields out in full.",
                loc,
            )
            top.pending = _DISCARD
            return
        position = Position(mark.line + 1, mark.column + 1)
        self._set_key(loc, position)
        if self.open_anchors:
            self.log.append((loc, True, position))
        top.pending = text

    def _start(self, event: Any, is_map: bool) -> None:
        mark = event.start_mark
        if self._awaiting_key():
            self._problem(mark, "A key here is a list or a mapping; keys must be plain text.")
            top = self.stack[-1]
            top.pending = _DISCARD
            top.skip_depth = 1
            return
        if len(self.stack) >= self.limits.max_depth:
            raise _TooBig(
                LoadProblem(
                    _at(mark),
                    f"The file is nested more than {self.limits.max_depth} levels deep here; "
                    "selfassess stopped reading it.",
                )
            )
        tag = event.tag
        if tag is not None and tag != "!" and tag not in _STANDARD_COLLECTION_TAGS:
            self._problem(
                mark, f"The YAML tag '{_shown_tag(tag)}' is not used in selfassess files; it was ignored."
            )
        loc = self._place(event)
        self._count(1, mark)
        container: Any = {} if is_map else []
        if loc is None:
            loc = (*self.stack[-1].loc, "\x00dropped")  # read, so its problems are found, then dropped
        else:
            self._record(loc, _at(mark), anchor=event.anchor)
        self._attach(container)
        frame = _Frame(container, loc, is_map, event.anchor, len(self.log) - 1)
        if event.anchor:
            self.open_anchors.add(event.anchor)
        self.stack.append(frame)

    def _end(self) -> None:
        frame = self.stack.pop()
        if frame.anchor:
            self.open_anchors.discard(frame.anchor)
            self.anchors[frame.anchor] = (frame.container, frame.loc, frame.log_start, len(self.log))

    def _alias(self, event: Any) -> None:
        mark = event.start_mark
        if self._awaiting_key():
            self._problem(mark, "A key here is an alias (*name); keys must be plain text.")
            self.stack[-1].pending = _DISCARD
            return
        loc = self._place(event)
        name = event.anchor
        if name in self.open_anchors:
            self._problem(mark, f"The alias *{name} refers to a value that contains itself.", loc or ())
            self._attach(None)
            return
        anchored = self.anchors.get(name)
        if anchored is None:
            self._problem(mark, f"The alias *{name} refers to no anchor &{name} above it.", loc or ())
            self._attach(None)
            return
        value, anchor_loc, first, last = anchored
        self._count(last - first, mark)
        if loc is not None:
            # the aliased values keep their own positions, moved under this path
            cut = len(anchor_loc)
            for old_loc, is_key, position in self.log[first:last]:
                self._record((*loc, *old_loc[cut:]), position, is_key)
            self.positions.set_value(loc, _at(mark))
        self._attach(value)

    def _skip(self, event: Any) -> None:
        top = self.stack[-1]
        kind = type(event)
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            top.skip_depth += 1
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            top.skip_depth -= 1
            # after the unreadable key, its value is still to come: pending stays _DISCARD


class _StopReading(Exception):
    pass


def _decode(raw: bytes) -> tuple[str | None, LoadProblem | None]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            pass
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        byte = raw[error.start]
        hint = (
            " (it looks like a Word 'smart' quote or dash saved in the Windows-1252 encoding)"
            if 0x80 <= byte <= 0x9F
            else ""
        )
        return None, LoadProblem(
            Position(line, column),
            f"The file is not saved as UTF-8: byte 0x{byte:02X} here cannot be read{hint}; "
            "save the file as UTF-8 and check again.",
        )


DEFAULT_LIMITS = Limits()


def _size(count: int) -> str:
    return f"{count / 1_048_576:.1f} MB" if count >= 1_048_576 else f"{count / 1024:.1f} KB"


def load_yaml_bytes(raw: bytes, limits: Limits = DEFAULT_LIMITS) -> LoadedYaml:
    """Read one YAML document from bytes: data, positions and problems. Never raises on bad input."""
    if len(raw) > limits.max_bytes:
        message = (
            f"The file is larger than {_size(limits.max_bytes)}, the most selfassess reads in one file "
            "(the limit can be raised in the configuration)."
        )
        return LoadedYaml(None, Positions(), [LoadProblem(Position(1, 1), message)])
    text, problem = _decode(raw)
    if text is None:
        return LoadedYaml(None, Positions(), [problem] if problem else [])
    return load_yaml_text(text, limits)


def load_yaml_text(text: str, limits: Limits = DEFAULT_LIMITS) -> LoadedYaml:
    """Read one YAML document from text: data, positions and problems. Never raises on bad input."""
    builder = _Builder(limits)
    try:
        parser = _Loader(text)
        try:
            # The parser's own loop, without `yaml.parse`'s generator and its check before each event;
            # a scalar, two events in three, goes straight to its reader.
            feed, scalar, next_event = builder.feed, builder._scalar, parser.get_event
            while (event := next_event()) is not None:
                if type(event) is _SCALAR:
                    scalar(event)
                else:
                    feed(event)
        finally:
            parser.dispose()
    except _StopReading:
        pass
    except _TooBig as stop:
        return LoadedYaml(None, builder.positions, [*builder.problems, stop.problem])
    except yaml.YAMLError as error:
        return LoadedYaml(None, builder.positions, [*builder.problems, describe_yaml_error(error, text)])
    return LoadedYaml(builder.root, builder.positions, builder.problems)
