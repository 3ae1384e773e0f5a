"""A file on disk to a `Document`: a validated code or assessment, its positions and its problems.

A file with an unreadable part is still checked as far as it can be: an unknown field is dropped
(after it is reported), a response or evidence entry that cannot be read is set aside (reported,
and never counted as a gap), and an optional field with a wrong value is left out. Only when a
required field is unusable is there no model, and then the problems alone are the result.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from selfassess.files import read_bounded
from selfassess.load.messages import describe_validation_error, walk_model
from selfassess.load.positions import START, LoadProblem, Loc, Positions
from selfassess.load.yaml_source import DEFAULT_LIMITS, Limits, load_yaml_bytes
from selfassess.model.assessment import Assessment
from selfassess.model.code import Code
from selfassess.timelimits.written_date import WrittenDate

Kind = Literal["code", "assessment", "unknown"]

_CODE_FIELDS = frozenset(("sections", "answers", "time_limits"))
_ASSESSMENT_FIELDS = frozenset(("responses", "organisation", "assessed_on"))
#: Required fields of an assessment that a new or imported form leaves empty until someone fills
#: them in: reported (SA001), and meanwhile stood in for, so that everything that does not depend
#: on them (every gap, every answer) is still checked. A date that cannot be read is what the rules
#: that need the date already pass over.
_STAND_INS: dict[Loc, Any] = {
    ("organisation",): "(organisation not given)",
    ("assessed_on",): WrittenDate("", None, "is missing"),
}
#: Collections whose entries stand alone: one unreadable entry is set aside, the rest still checked.
_SEPARABLE = frozenset(("responses", "evidence", "policy", "deadlines"))


@dataclass
class Document:
    """One checked file, as read: what it is, what it says, and what could not be read."""

    path: Path
    shown_as: str
    kind: Kind
    positions: Positions
    problems: list[LoadProblem] = field(default_factory=list)
    code: Code | None = None
    assessment: Assessment | None = None
    unreadable: frozenset[Loc] = frozenset()
    # YAML refuses a control character written as it is (SA001), so text can hold one only through
    # an escape ("\a", "\x07"), which needs a backslash: without one, SA005 need not look.
    has_backslash: bool = True


def kind_of(data: Any) -> Kind:
    """Codes and assessments are told apart by what they hold, not by where they are."""
    if not isinstance(data, dict):
        return "unknown"
    if _CODE_FIELDS & data.keys():
        return "code"
    if _ASSESSMENT_FIELDS & data.keys() or "code" in data:
        return "assessment"
    return "unknown"


def _without(data: Any, removed: list[Loc]) -> Any:
    """A copy of `data` without the values at `removed` (copying only the containers on the way).

    All in one pass: a file with thousands of unreadable entries must cost time in proportion.
    """
    if not removed or not isinstance(data, dict | list):
        return data
    if any(not loc for loc in removed):
        return data
    below: dict[Any, list[Loc]] = {}
    gone: set[Any] = set()
    for loc in removed:
        if len(loc) == 1:
            gone.add(loc[0])
        else:
            below.setdefault(loc[0], []).append(loc[1:])
    if isinstance(data, dict):
        return {
            key: _without(value, below[key]) if key in below else value
            for key, value in data.items()
            if key not in gone
        }
    return [
        _without(value, below[index]) if index in below else value
        for index, value in enumerate(data)
        if index not in gone
    ]


def _is_optional(model: type[BaseModel], loc: Loc) -> bool:
    found, _ = walk_model(model, loc)
    return found is not None and not found.is_required()


def validate(
    model: type[BaseModel], data: dict[str, Any], positions: Positions, reported: frozenset[Loc] = frozenset()
) -> tuple[BaseModel | None, list[LoadProblem], frozenset[Loc]]:
    """The model (or None), a problem for each validation error, and the entries set aside.

    A value already `reported` while reading the YAML (an alias that contains itself, read as
    nothing) is set aside like any other, but not reported a second time.
    """
    try:
        return model.model_validate(data), [], frozenset()
    except ValidationError as error:
        errors = error.errors()
    problems: list[LoadProblem] = []
    unreadable: set[Loc] = set()
    usable = True
    removed: list[Loc] = []
    stand_in: dict[str, Any] = {}
    for detail in errors:
        loc, about_key, message = describe_validation_error(detail, model)
        raw: Loc = tuple(detail["loc"])
        if raw not in reported:
            where = positions.key(loc) if about_key else positions.value(loc)
            problems.append(LoadProblem(where, message, loc))
        if detail["type"] == "extra_forbidden":
            removed.append(raw)
        elif model is Assessment and len(raw) >= 2 and raw[0] in _SEPARABLE:
            unreadable.add(raw[:2])
            removed.append(raw[:2])
        elif raw and _is_optional(model, raw[:1]):
            removed.append(raw[:1])
        elif model is Assessment and raw in _STAND_INS:
            stand_in[str(raw[0])] = _STAND_INS[raw]
        else:
            usable = False
    if not usable:
        return None, problems, frozenset(unreadable)
    try:
        kept = {**_without(data, removed), **stand_in}
        return model.model_validate(kept), problems, frozenset(unreadable)
    except ValidationError:  # pragma: no cover - pruning removes every reported error's value
        return None, problems, frozenset(unreadable)


def read_document(path: Path, shown_as: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read, parse and validate one file. Never raises for anything the file contains."""
    shown = shown_as if shown_as is not None else path.as_posix()
    try:
        raw = read_bounded(path, limits.max_bytes)
    except OSError as error:
        if error.errno == errno.ELOOP:
            reason = "it is a link in a loop of links that never reaches a file"
        else:
            reason = error.strerror or "it could not be opened"
        return unreadable_document(path, shown, f"The file cannot be read: {reason}.")
    return document_from_bytes(raw, path, shown, limits)


def unreadable_document(path: Path, shown: str, message: str) -> Document:
    """A file (or a folder of files) that could not be read at all: one problem, at its start."""
    return Document(path, shown, "unknown", Positions(), [LoadProblem(START, message)])


def document_from_bytes(raw: bytes, path: Path, shown: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse and validate text that is, or will be, the file at `path` (an import not yet written,
    a page being edited). Never raises for anything the text contains."""
    loaded = load_yaml_bytes(raw, limits)
    document = Document(path, shown, "unknown", loaded.positions, list(loaded.problems))
    document.has_backslash = b"\\" in raw
    data = loaded.data
    if data is None:
        if not loaded.problems:
            document.problems.append(
                LoadProblem(
                    loaded.positions.value(()), "The file is empty: it holds no code and no assessment."
                )
            )
        return document
    if not isinstance(data, dict):
        document.problems.append(
            LoadProblem(
                loaded.positions.value(()),
                "The file should hold named fields such as 'code:' and 'responses:', "
                f"not {'a list' if isinstance(data, list) else 'a single value'}.",
            )
        )
        return document
    document.kind = kind_of(data)
    if document.kind == "unknown":
        document.problems.append(
            LoadProblem(
                loaded.positions.value(()),
                "This file is neither a code (it has no 'sections:') nor an assessment (it has no "
                "'responses:'), so selfassess cannot tell what to check.",
            )
        )
        return document
    model_class: type[BaseModel] = Code if document.kind == "code" else Assessment
    reported = frozenset(problem.loc for problem in loaded.problems if problem.loc)
    model, problems, unreadable = validate(model_class, data, loaded.positions, reported)
    document.problems.extend(problems)
    document.unreadable = unreadable
    if isinstance(model, Code):
        document.code = model
    elif isinstance(model, Assessment):
        document.assessment = model
    return document
