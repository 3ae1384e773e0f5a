"""Working days and due dates, from the bank holidays of England and Wales.

Bank holidays come from the `holidays` package (country "GB", subdivision "ENG"), never from a
hand-typed table; `bank_holidays` keeps a copy of the package's answer in a cache, for speed.
England and Wales share their bank holidays; the package's "ENG" and "WLS" subdivisions give the
same days over the whole range below (a test keeps that true), and "ENG" is the subdivision the
spec names.

The range of years is fixed rather than "this year plus ten" so that a result never depends on the
day it is computed, and it stops well short of the package's own horizon because one-off holidays
(jubilees, coronations, a state funeral) are announced only months ahead: a due date far in the
future is a guess, and the spec says a date outside the known years is an error the user sees.
Move LAST_YEAR forward with each release.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
from array import array
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from selfassess.timelimits.bank_holidays import bank_holidays
from selfassess.timelimits.durations import Duration, Unit

FIRST_YEAR = 1995
LAST_YEAR = 2036
FIRST_DAY = date(FIRST_YEAR, 1, 1)
LAST_DAY = date(LAST_YEAR, 12, 31)

# Marks, in a window's due dates, a start day whose due date cannot be computed (it falls past
# the last known working day, or past the end of Python's calendar); due_date explains why.
NO_DUE_DATE = 0


class OutsideCalendar(ValueError):
    """A date that the bank-holiday calendar does not cover, said in plain English."""


def long_date(d: date) -> str:
    """'6 April 2024': how a complaints manager writes a date."""
    return f"{d.day} {d:%B %Y}"


def _outside(what: str) -> OutsideCalendar:
    return OutsideCalendar(
        f"selfassess knows the bank holidays of England and Wales from {FIRST_YEAR} to "
        f"{LAST_YEAR}; {what} is outside them."
    )


@dataclass(frozen=True)
class _Table:
    """Working days of the years first_year..last_year. Index i is the day `origin` + i."""

    first_year: int
    last_year: int
    origin: int  # the ordinal of 1 January of first_year
    working: bytes  # 1 where the day is a working day
    cumulative: array[int]  # working days from `origin` to the day, inclusive
    working_ordinals: array[int]  # the ordinal of every working day, in order


_built: _Table | None = None


@cache
def _bank_holidays() -> frozenset[date]:
    # Asked here, on first use: a check that compares no time limit never pays for it.
    return bank_holidays(FIRST_YEAR, LAST_YEAR)


def _build(first_year: int, last_year: int) -> _Table:
    holidays = _bank_holidays()
    origin = date(first_year, 1, 1).toordinal()
    size = date(last_year, 12, 31).toordinal() - origin + 1
    working = bytearray(size)
    cumulative = array("q", bytes(8 * size))
    working_ordinals = array("q")
    count = 0
    for i in range(size):
        day = date.fromordinal(origin + i)
        if day.weekday() < 5 and day not in holidays:
            working[i] = 1
            count += 1
            working_ordinals.append(origin + i)
        cumulative[i] = count
    return _Table(first_year, last_year, origin, bytes(working), cumulative, working_ordinals)


def _table(first_year: int, last_year: int) -> _Table:
    """A table covering at least these years (within the known ones).

    Only the years a run needs are worked out (an assessment touches three or four), so a
    one-file check does not pay for four decades of bank holidays; the table grows, and is then
    kept, when a later question needs more. Either way a due date is index arithmetic on
    cumulative counts, never a walk through the calendar one day at a time.
    """
    global _built
    first_year, last_year = max(first_year, FIRST_YEAR), min(last_year, LAST_YEAR)
    if _built is not None and _built.first_year <= first_year and last_year <= _built.last_year:
        return _built
    if _built is not None:
        first_year, last_year = min(first_year, _built.first_year), max(last_year, _built.last_year)
    _built = _build(first_year, last_year)
    return _built


def _years_after(limit: Duration) -> int:
    """How many years past its start a working-day limit can run (about 250 working days a year)."""
    return 1 + limit.count // 240


def day_index(d: date) -> int:
    """Where `d` sits in the calendar's tables (0 for FIRST_DAY); OutsideCalendar if nowhere."""
    if not FIRST_DAY <= d <= LAST_DAY:
        raise _outside(long_date(d))
    return d.toordinal() - FIRST_DAY.toordinal()


def is_working_day(d: date) -> bool:
    """Monday to Friday, and not a bank holiday of England and Wales."""
    day_index(d)
    table = _table(d.year, d.year)
    return table.working[d.toordinal() - table.origin] == 1


def _add_months(start: date, months: int) -> date:
    # The same day n months later, or the last day of that month where the day does not exist
    # (31 January + 1 month = 29 February in a leap year).
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    if year > date.max.year:
        raise OverflowError
    last = _stdlib_calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last))


def due_date(start: date, limit: Duration) -> date:
    """The day a limit runs out when the clock starts on `start` (the spec's table, exactly).

    `start` must be inside the known years whatever the unit, so that whether a comparison can be
    made never depends on the units involved; only a working-day due date needs to fall inside
    them too.
    """
    day_index(start)  # raises OutsideCalendar for a start outside the known years
    n = limit.count
    try:
        if limit.unit is Unit.WORKING_DAYS:
            return date.fromordinal(_nth_working_day_after(start.toordinal(), n, limit, start))
        if limit.unit is Unit.DAYS:
            return start + timedelta(days=n)
        if limit.unit is Unit.WEEKS:
            return start + timedelta(days=7 * n)
        if limit.unit is Unit.MONTHS:
            return _add_months(start, n)
        return _add_months(start, 12 * n)
    except OverflowError:
        raise OutsideCalendar(f"{limit} after {long_date(start)} is past the end of any calendar.") from None


def _nth_working_day_after(start_ordinal: int, n: int, limit: Duration, start: date) -> int:
    """The ordinal of the n-th working day strictly after the day `start_ordinal`."""
    table = _table(start.year, start.year + _years_after(limit))
    k = table.cumulative[start_ordinal - table.origin] + n - 1
    while k >= len(table.working_ordinals):
        if table.last_year >= LAST_YEAR:
            raise _outside(f"the end of {limit} after {long_date(start)}")
        table = _table(table.first_year, table.last_year + _years_after(limit))
    return table.working_ordinals[k]


#: Each limit's due dates for every day of the built table, worked out once per table.
_dues: dict[Duration, array[int]] = {}
_dues_table: _Table | None = None


def _dues_in(table: _Table, limit: Duration) -> array[int]:
    global _dues_table
    if _dues_table is not table:
        _dues.clear()
        _dues_table = table
    found = _dues.get(limit)
    if found is not None:
        return found
    origin, size, n = table.origin, len(table.cumulative), limit.count
    if limit.unit is Unit.WORKING_DAYS:
        ordinals, last = table.working_ordinals, len(table.working_ordinals) - 1
        found = array(
            "q", (ordinals[k + n - 1] if k + n - 1 <= last else NO_DUE_DATE for k in table.cumulative)
        )
    elif limit.unit in (Unit.DAYS, Unit.WEEKS) and origin + size + 7 * n < date.max.toordinal():
        step = n if limit.unit is Unit.DAYS else 7 * n
        found = array("q", range(origin + step, origin + size + step))
    else:
        found = array("q", (_ordinal_or_none(origin + i, limit) for i in range(size)))
    _dues[limit] = found
    return found


def dues_over(limit: Duration, first: date, last: date) -> array[int]:
    """The due date's ordinal for every start day from `first` to `last` (NO_DUE_DATE where
    due_date would raise): a window of start days in one piece, for comparing limits. A slice
    of the limit's due dates over the built years, so a thousand windows cost one table."""
    day_index(first)
    day_index(last)
    margin = _years_after(limit) if limit.unit is Unit.WORKING_DAYS else 0
    table = _table(first.year, last.year + margin)
    offset = first.toordinal() - table.origin
    return _dues_in(table, limit)[offset : offset + (last - first).days + 1]


def _ordinal_or_none(start_ordinal: int, limit: Duration) -> int:
    try:
        return due_date(date.fromordinal(start_ordinal), limit).toordinal()
    except OutsideCalendar:
        return NO_DUE_DATE
