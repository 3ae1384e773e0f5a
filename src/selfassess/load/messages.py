"""A pydantic validation error, as one sentence about the user's own field names and values."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from selfassess.didyoumean import end_with_hint
from selfassess.load.positions import Loc
from selfassess.model.types import shape_of
from selfassess.wording import mid_sentence


def _unwrap(annotation: Any) -> Any:
    """The type inside Annotated[…] and Optional[…]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            others = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
            if len(others) != 1:
                return annotation
            annotation = others[0]
        else:
            return annotation


def _fields_of(model: type[BaseModel]) -> dict[str, FieldInfo]:
    return {info.alias or name: info for name, info in model.model_fields.items()}


def _walk(root: type[BaseModel], loc: Loc) -> tuple[Any, FieldInfo | None, type[BaseModel] | None]:
    """(the type expected at `loc`, its model field if it is one, the model that holds it)."""
    annotation: Any = root
    field: FieldInfo | None = None
    holder: type[BaseModel] | None = None
    for part in loc:
        annotation = _unwrap(annotation)
        origin = typing.get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            holder = annotation
            field = _fields_of(annotation).get(str(part))
            if field is None:
                return None, None, holder
            annotation = field.annotation
        elif origin is dict:
            annotation, field, holder = typing.get_args(annotation)[1], None, None
        elif origin is list:
            annotation, field, holder = typing.get_args(annotation)[0], None, None
        else:
            return None, None, None
    return annotation, field, holder


def walk_model(root: type[BaseModel], loc: Loc) -> tuple[FieldInfo | None, type[BaseModel] | None]:
    """The field at `loc` (if it is a model field) and the model that holds it."""
    _, field, holder = _walk(root, loc)
    return field, holder


def _like(root: type[BaseModel], loc: Loc) -> str:
    """What a set of named fields at `loc` looks like, from the fields it takes: " (like 'from: …')"."""
    expected = _unwrap(_walk(root, loc)[0])
    if isinstance(expected, type) and issubclass(expected, BaseModel):
        fields = _fields_of(expected)
        required = [name for name, info in fields.items() if info.is_required()]
        first = (required or list(fields) or [""])[0]
        return f" (like '{first}: …')" if first else ""
    if typing.get_origin(expected) is dict:
        return ", one entry per line written as 'name: …'"
    return ""


def _name(loc: Loc) -> str:
    """How to name the value at `loc`: its field, or 'item 2 of evidence'."""
    if not loc:
        return "the file"
    last = loc[-1]
    if isinstance(last, int):
        parent = next((str(part) for part in reversed(loc[:-1]) if isinstance(part, str)), "the list")
        return f"item {last + 1} of '{parent}'"
    return f"'{last}'"


def _about(field: FieldInfo | None) -> str:
    if field is None or not field.description:
        return ""
    text = field.description.rstrip(".")
    return f" ({mid_sentence(text)})"


def describe_validation_error(error: ErrorDetails, root: type[BaseModel]) -> tuple[Loc, bool, str]:
    """(where, whether it is about the key rather than the value, the sentence)."""
    loc: Loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    if loc and loc[-1] == "[key]":
        loc = loc[:-1]
        return (
            loc,
            True,
            f"{_name(loc)} is not a usable name here: {mid_sentence(error['msg'])}.",
        )
    if kind == "extra_forbidden":
        _, holder = walk_model(root, loc)
        known = list(_fields_of(holder)) if holder else []
        hint = end_with_hint(str(loc[-1]), known)
        if hint == "." and known:
            hint = f"; the fields here are {', '.join(known)}."
        return loc, True, f"{_name(loc)} is not a field selfassess knows here{hint}"
    field, _ = walk_model(root, loc)
    if kind == "missing":
        return loc, True, f"{_name(loc)} is missing here{_about(field)}."
    shape = shape_of(value)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return loc, False, f"{_name(loc)} should be a set of named fields{_like(root, loc)}, not {shape}."
    if kind in ("list_type", "tuple_type"):
        return loc, False, f"{_name(loc)} should be a list, not {shape}."
    if kind in ("bool_type", "bool_parsing"):
        return loc, False, f"{_name(loc)} should be true or false, not {shape}."
    if kind == "literal_error":
        allowed = [
            option.strip(" '")
            for option in error.get("ctx", {}).get("expected", "").replace(" or ", ", ").split(",")
        ]
        allowed = [option for option in allowed if option]
        hint = end_with_hint(str(value), allowed) if isinstance(value, str) else "."
        return loc, False, f"{_name(loc)} is {shape}, which is not one of {', '.join(allowed)}{hint}"
    if kind == "too_short":
        return loc, False, f"{_name(loc)} should not be empty{_about(field)}."
    if kind == "string_pattern_mismatch":
        return loc, False, f"{_name(loc)} is {shape}, which is not a rule id like 'SA201'."
    message = error["msg"].removeprefix("Value error, ")
    if message.startswith("should"):
        return loc, False, f"{_name(loc)} {message}."
    return loc, False, f"{_name(loc)}: {mid_sentence(message)}."
