"""The kinds of value our files hold: text, keys, dates as written, durations, lists of text.

Each is an `Annotated` type with its own plain-English error, so that a wrong value becomes one
sentence a complaints manager understands, and a JSON Schema an editor can use.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel as _PydanticModel
from pydantic import BeforeValidator, ConfigDict, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from selfassess.timelimits.deadlines import parse_deadline_due
from selfassess.timelimits.durations import Duration, parse_duration
from selfassess.timelimits.written_date import WrittenDate, from_date, read_written_date

KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]*")


class Model(_PydanticModel):
    """Every part of a code or an assessment: unknown fields are refused, values never change."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _source_text(value: Any) -> Any:
    """A date YAML recognised inside a text field is still the text the user typed."""
    if isinstance(value, date):
        return getattr(value, "text", value.isoformat())
    return value


def _read_text(value: Any) -> str:
    if type(value) is str:  # nearly every value: straight through
        return value
    value = _source_text(value)
    if isinstance(value, str):
        return value
    raise PydanticCustomError("text", "should be text, not {shape}", {"shape": shape_of(value)})


def shape_of(value: Any) -> str:
    """What a wrong value is, in words: 'a list', 'a set of named fields', 'nothing'."""
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a set of named fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, date):
        return "a date"
    return f"'{value}'"


Text = Annotated[str, PlainValidator(_read_text), WithJsonSchema({"type": "string"})]


def _read_key(value: Any) -> str:
    text = _read_text(value)
    if KEY_PATTERN.fullmatch(text):
        return text
    raise PydanticCustomError(
        "key",
        "'{text}' is not a usable name here: use lower-case letters, digits and hyphens, "
        "like 'stage1-response'",
        {"text": text},
    )


Key = Annotated[
    str,
    PlainValidator(_read_key),
    WithJsonSchema({"type": "string", "pattern": KEY_PATTERN.pattern}),
]


def _one_or_many(value: Any) -> Any:
    """`supporting: Housing` means the same as `supporting: [Housing]`."""
    value = _source_text(value)
    return [value] if isinstance(value, str) else value


TextList = Annotated[list[Text], BeforeValidator(_one_or_many)]


def _read_date(value: Any) -> WrittenDate:
    if isinstance(value, WrittenDate):
        return value
    if isinstance(value, date):
        return from_date(value, getattr(value, "text", None))
    if isinstance(value, str):
        return read_written_date(value)
    raise PydanticCustomError(
        "date", "should be a date such as 2025-03-31, not {shape}", {"shape": shape_of(value)}
    )


#: A date as written. Unreadable dates load (value None) so that SA503 can report them with their
#: text; everything else about the document is still checked.
DateField = Annotated[
    WrittenDate,
    PlainValidator(_read_date),
    PlainSerializer(lambda written: written.text, return_type=str),
    WithJsonSchema({"type": "string", "description": "A date: 2025-03-31, or day first as 31/03/2025"}),
]


def _read_duration(value: Any) -> Duration:
    if isinstance(value, Duration):
        return value
    text = _read_text(value)
    found = parse_duration(text)
    if found is None:
        raise PydanticCustomError(
            "duration",
            "'{text}' is not a time limit selfassess can read; write it like '10 working days', "
            "'2 weeks' or '12 months'",
            {"text": text},
        )
    return found


DurationField = Annotated[
    Duration,
    PlainValidator(_read_duration),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*\S+\s+(working |business |calendar )?(day|week|month|year|fortnight)s?\s*$",
            "description": "A time limit: '10 working days', '14 days', '2 weeks', '1 month', '12 months'",
        }
    ),
]


def _read_deadline(value: Any) -> str:
    text = _read_text(value)
    if parse_deadline_due(text) is None:
        raise PydanticCustomError(
            "deadline",
            "'{text}' is not a deadline selfassess can read; write 'MM-DD' for a date every year "
            "(like '09-30') or 'YYYY-MM-DD' for one date (like '2024-06-30')",
            {"text": text},
        )
    return text


#: A deadline's date as written: 'MM-DD' (every year) or 'YYYY-MM-DD' (once).
DeadlineText = Annotated[
    str,
    PlainValidator(_read_deadline),
    WithJsonSchema({"type": "string", "pattern": r"^(\d{4}-)?\d{2}-\d{2}$"}),
]


_WEB_ADDRESS = re.compile(r"(?i)^(?:https?://[^\s/$.?#][^\s]*|mailto:[^\s@]+@[^\s@]+)$")


def _read_web_address(value: Any) -> str:
    text = _read_text(value).strip()
    if _WEB_ADDRESS.match(text):
        return text
    raise PydanticCustomError(
        "web_address",
        "'{text}' is not a web address a reader can follow; give one starting with https:// (or mailto:)",
        {"text": text if len(text) <= 60 else text[:59] + "…"},
    )


#: A link published beside a document: http(s) or mailto only, never javascript: or data:.
WebAddress = Annotated[
    str,
    PlainValidator(_read_web_address),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^(https?://|mailto:)"}),
]


def lenient_choice(value: Any) -> Any:
    """'In progress', 'in_progress' and 'IN-PROGRESS' all mean in-progress."""
    value = _source_text(value)
    if isinstance(value, str):
        return re.sub(r"[\s_]+", "-", value.strip().lower())
    return value
