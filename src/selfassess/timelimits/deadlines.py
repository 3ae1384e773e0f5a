"""Deadlines (a code's `due:`) and the dates a sentence gives for a deliverable (for SA404).

A stated date is compared by its earliest possible day: "published in autumn" may mean
1 September, so it is not after a 30 September deadline. Reading a phrase too early costs a missed
finding; reading it too late invents one, so every ambiguous reading here leans early, and a
phrase that cannot be read with confidence is not reported at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from selfassess.timelimits.calendar import long_date
from selfassess.timelimits.written_date import calendar_date


@dataclass(frozen=True)
class DeadlineDue:
    month: int
    day: int
    year: int | None = None  # None: the deadline recurs every year

    @property
    def yearly(self) -> bool:
        return self.year is None

    def __str__(self) -> str:
        if self.year is None:
            return f"{self.day} {date(2001, self.month, 1):%B} each year"
        return long_date(date(self.year, self.month, self.day))


def parse_deadline_due(value: str | date) -> DeadlineDue | None:
    """A code's `due:` value: "MM-DD" every year, "YYYY-MM-DD" (or a date YAML made) once.

    "02-29" is refused: a yearly deadline must fall in every year, and moving it to 28 February
    in three years out of four would be a silent guess; a code can say "02-28" or give the date.
    """
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        known = _real(value.year, value.month, value.day)
        return DeadlineDue(value.month, value.day, value.year) if known else None
    text = value.strip()
    yearly = re.fullmatch(r"(\d{2})-(\d{2})", text)
    if yearly:
        month, day = int(yearly[1]), int(yearly[2])
        if _real(2001, month, day) is None:  # 2001: not a leap year, see above
            return None
        return DeadlineDue(month, day)
    once = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if once:
        d = _real(int(once[1]), int(once[2]), int(once[3]))
        return DeadlineDue(d.month, d.day, d.year) if d else None
    return None


def occurrence(due: DeadlineDue, period_to: date | None, assessed_on: date) -> date | None:
    """The date of `due` that an assessment answers to, or None when it answers to none.

    Yearly: the first occurrence on or after the end of the period (without a period, on or
    after `assessed_on`; "on" as well as "after" for both, so a deadline that falls on the day the
    assessment speaks for is still the one it answers to). Once: the date itself, while the
    period ends (or `assessed_on` falls) on or before it; an assessment made later has missed it
    already and is not judged against it.
    """
    reference = period_to if period_to is not None else assessed_on
    if due.year is None:
        this_year = date(reference.year, due.month, due.day)
        return this_year if this_year >= reference else date(reference.year + 1, due.month, due.day)
    once = date(due.year, due.month, due.day)
    return once if reference <= once else None


@dataclass(frozen=True)
class StatedDate:
    text: str
    earliest: date
    start: int
    end: int


_real = calendar_date


_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
# Month names are proper nouns: only a capital letter makes "May" a month rather than a verb, so
# this part is matched case-sensitively. "Sept" before "Sep" so the longer abbreviation wins.
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?"
)


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(n for full, n in _MONTHS.items() if full.startswith(name[:3]))


def _year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


# A number that continues into something else ("2024/25", "1.5") is not one of ours.
_NOT_AFTER = r"(?![\w/]|[.-]\d)"
_NOT_BEFORE = r"(?<![\w/.-])"

_ISO = re.compile(rf"{_NOT_BEFORE}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){_NOT_AFTER}")
# Day first, as the British write it; a dot only between two-digit parts ("12.12.23"), so that a
# provision number such as "6.3" never starts a date.
_NUMERIC = re.compile(
    rf"{_NOT_BEFORE}(?:(?P<d>\d{{1,2}})(?P<sep>[/-])(?P<m>\d{{1,2}})(?P=sep)"
    rf"|(?P<d2>\d{{2}})\.(?P<m2>\d{{2}})\.)(?P<y>\d{{4}}|\d{{2}}){_NOT_AFTER}"
)
# "30 September 2024", "30th of September 2024", "24th October, 2023", "30 June" (no year: the
# deadline's). A small number after the month ("30 June 24") is left alone: year or count?
_NAMED = re.compile(
    rf"(?<![\w/.-])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}"
    rf"(?:,?\s+(?P<y>\d{{4}})(?![\w/]|[.-]\d)|(?!,?\s+\d)(?![\w/]|[.-]\d))"
)
# "15-Nov-24", "24th-Oct-2023": the hyphenated form trackers use, where a two-digit year is safe.
_NAMED_HYPHENATED = re.compile(
    rf"(?<![\w/.-])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?-{_MONTH}-(?P<y>\d{{4}}|\d{{2}})"
    rf"(?![\w/]|[.-]\d)"
)
# "September 2024"; with a year pair ("September 2024/25") or a bare small number
# ("September 24": the 24th, or 2024?) it cannot be read, and is consumed so nothing else tries.
_MONTH_YEAR = re.compile(
    rf"(?<![\w-]){_MONTH}(?:,?\s+(?P<y>\d{{4}})(?P<pair>[/-]\d{{2,4}})?|\s+(?P<unclear>\d{{1,2}})\b)"
)
# A month alone is a date only after a word that makes it one ("by September", "mid-May").
_MONTH_ALONE = re.compile(
    r"(?i:\b(?:in|by|during|until|till|before|after|from|of|early|mid|late|end|beginning))"
    rf"(?:\s+|\s*-\s*){_MONTH}"
)
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}
# "autumn 2024", "Spring 24." (as the Westminster form writes it), "winter 2024/25".
_SEASON = re.compile(
    r"(?i)\b(?P<season>spring|summer|autumn|winter)\b"
    r"(?:\s+(?P<y>\d{4}|'?\d{2})(?:[/-](?P<y_end>\d{4}|\d{2}))?)?"
)
# "Q1", "Q3 2024-25", "Q1 of 2024/25", "Q2 FY2025", "Q2 2025".
_QUARTER = re.compile(
    r"(?i)(?<![\w/])Q(?P<q>[1-4])\b"
    r"(?:\s+(?:of\s+)?(?:FY\s*)?(?P<y>\d{4}|\d{2})(?:[/-](?P<y_end>\d{4}|\d{2}))?(?![\w/]|[.-]\d))?"
)
# The first month of each quarter of the UK public-sector financial year (1 April to 31 March).
_QUARTER_MONTH = {1: 4, 2: 7, 3: 10, 4: 1}


def find_stated_dates(sentence: str, default_year: int) -> list[StatedDate]:
    """Every date, month, season or quarter a sentence gives, with its earliest possible day.

    `default_year` (the deadline's year) completes a phrase without one ("by September").
    Financial years on their own ("2023-24", "23/24") are periods, not dates, and are ignored.
    """
    taken: list[tuple[int, int]] = []
    found: list[StatedDate] = []

    def claim(match: re.Match[str], earliest: date | None, group: str | int = 0) -> None:
        start, end = match.span(group)
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))  # even when unreadable, so a weaker pattern cannot misread it
        if earliest is not None:
            found.append(StatedDate(match.group(group), earliest, start, end))

    for m in _ISO.finditer(sentence):
        claim(m, _real(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in _NUMERIC.finditer(sentence):
        day, month = (m["d"], m["m"]) if m["d"] is not None else (m["d2"], m["m2"])
        claim(m, _real(_year(m["y"]), int(month), int(day)))
    for pattern in (_NAMED_HYPHENATED, _NAMED):
        for m in pattern.finditer(sentence):
            year = _year(m["y"]) if m["y"] else default_year
            claim(m, _real(year, _month_number(m["month"]), int(m["d"])))
    for m in _MONTH_YEAR.finditer(sentence):
        readable = m["y"] is not None and m["pair"] is None
        claim(m, _real(int(m["y"]), _month_number(m["month"]), 1) if readable else None)
    for m in _MONTH_ALONE.finditer(sentence):
        # The date's text is the month alone: "by" belongs to the sentence, not the date.
        claim(m, _real(default_year, _month_number(m["month"]), 1), "month")
    for m in _SEASON.finditer(sentence):
        # A word straight after a two-digit "year" makes it a count: "summer 12 complaints".
        count_follows = re.match(r"\s+\w|\d", sentence[m.end() :]) is not None
        claim(m, _season_start(m, default_year, count_follows))
    for m in _QUARTER.finditer(sentence):
        claim(m, _quarter_start(m, default_year))
    return sorted(found, key=lambda f: f.start)


def _season_start(m: re.Match[str], default_year: int, count_follows: bool) -> date | None:
    if count_follows and m["y"] is not None and len(m["y"].lstrip("'")) == 2:
        # "summer 12 complaints": a count, not the year 2012. Say nothing rather than guess.
        return None
    month = _SEASONS[m["season"].lower()]
    if m["y"] is None:
        return _real(default_year, month, 1)
    year = _year(m["y"].lstrip("'"))
    if m["y_end"] is not None:
        if _year(m["y_end"]) != year + 1:
            return None
        if m["season"].lower() == "spring":
            # Spring of "2024/25" could be March 2024 or spring 2025: not one reading.
            return None
        # Summer, autumn and winter of 2024/25 all begin in 2024.
    return _real(year, month, 1)


def _quarter_start(m: re.Match[str], default_year: int) -> date | None:
    q = int(m["q"])
    month = _QUARTER_MONTH[q]
    if m["y"] is not None and m["y_end"] is not None:
        first = _year(m["y"])
        if _year(m["y_end"]) != first + 1:
            return None
        # Financial year first/first+1: Q1-Q3 begin in its first calendar year, Q4 in its second.
        return _real(first + 1 if q == 4 else first, month, 1)
    if m["y"] is not None and len(m["y"]) == 4:
        # "Q2 2025": the quarter that begins in 2025. For Q1-Q3 that is the quarter of financial
        # year 2025/26; "Q4 2025" may mean January 2025 (financial year 2024/25) or January 2026,
        # and the earliest possible day decides.
        return _real(int(m["y"]), month, 1)
    # No year (a two-digit number after "Q1" is more likely a count than a year): the quarter
    # that begins in the deadline's year, again the earliest reading.
    return _real(default_year, month, 1)
