"""Dates as people write them in trackers and plans, read the British way (day first).

`17/06/09`, `1/10/09`, `15-Nov-24`, `12.12.23`, `22 October 2024`, `2024-10-22`. Two-digit years
are 20yy. A date that does not exist (`31/11/09`) is never corrected: the text is kept as written,
and the reason it cannot be read goes with it, for SA503 to report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ][0-9:.]+(?:Z|[+-]\d\d(?::?\d\d)?)?)?")
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})")
_NAMED = re.compile(
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?"
    r"(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})",
    re.IGNORECASE,
)


#: The years a date may fall in: wide enough for any real plan or tracker, narrow enough that a
#: year-before or year-after sum never steps past what Python's calendar holds (0001 typed for
#: 2025, or 9999-12-31 written for "no end" as some housing systems do).
EARLIEST_YEAR = 1900
LATEST_YEAR = 2199
OUT_OF_RANGE = f"is outside the years selfassess works with ({EARLIEST_YEAR} to {LATEST_YEAR})"


def calendar_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist or falls outside the years a date may fall in."""
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class WrittenDate:
    """A date as the user wrote it, with what it means (`value`), or why it means nothing."""

    text: str
    value: date | None
    problem: str | None = None  # "does not exist", OUT_OF_RANGE or "cannot be read" (value None)

    def __str__(self) -> str:
        return self.text


def _year(digits: str) -> int:
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def _make(text: str, year: int, month: int, day: int) -> WrittenDate:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return WrittenDate(text, None, OUT_OF_RANGE)
    found = calendar_date(year, month, day)
    return WrittenDate(text, found) if found is not None else WrittenDate(text, None, "does not exist")


def read_written_date(text: str) -> WrittenDate:
    """Read `text` as one date, day first; never raises, never guesses."""
    cleaned = text.strip()
    if match := _ISO.fullmatch(cleaned):
        return _make(text, int(match[1]), int(match[2]), int(match[3]))
    if match := _NUMERIC.fullmatch(cleaned):
        return _make(text, _year(match[4]), int(match[3]), int(match[1]))
    if match := _NAMED.fullmatch(cleaned):
        month = _MONTHS.get(match[2].lower())
        if month is not None:
            return _make(text, _year(match[3]), month, int(match[1]))
    return WrittenDate(text, None, "cannot be read")


def from_date(value: date, text: str | None = None) -> WrittenDate:
    """A date that is already a date (YAML read it so), keeping the text it was written as."""
    return _make(text if text is not None else value.isoformat(), value.year, value.month, value.day)
