"""Working days and due dates, from the bank holidays of England and Wales.

Bank holidays come from the `holidays` package (country "GB", subdivision "ENG"), never from a
hand-typed table. England and Wales share their bank holidays; the package's "ENG" and "WLS"
subdivisions give the same days over the whole range below (a test keeps that true), and "ENG" is
the subdivision the spec names.

The range of years is fixed rather than "this year plus ten" so that a result never depends on the
day it is computed, and it stops well short of the package's own horizon because one-off holidays
(jubilees, coronations, a state funeral) are announced only months ahead: a due date far in the
future is a guess, and the spec says a date outside the known years is an error the user sees.
Move LAST_YEAR forward with each release.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import functools
from array import array
from dataclasses import dataclass
from datetime import date, timedelta

import holidays

from selfassess.timelimits.durations import Duration, Unit

FIRST_YEAR = 1995
LAST_YEAR = 2036
FIRST_DAY = date(FIRST_YEAR, 1, 1)
LAST_DAY = date(LAST_YEAR, 12, 31)

# Marks, in a due-date table, a start day whose due date cannot be computed (it falls past the
# last known working day, or past the end of Python's calendar); due_date explains why.
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
    # Index i is the day FIRST_DAY + i.
    working: bytes  # 1 where the day is a working day
    cumulative: array[int]  # working days in FIRST_DAY..day, inclusive
    working_ordinals: array[int]  # the ordinal of every working day, in order


@functools.cache
def _table() -> _Table:
    # Built once, on first use: about 15,000 days, so that a due date in working days is index
    # arithmetic rather than a walk through the calendar one day at a time.
    bank_holidays = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1))
    first = FIRST_DAY.toordinal()
    size = LAST_DAY.toordinal() - first + 1
    working = bytearray(size)
    cumulative = array("q", bytes(8 * size))
    working_ordinals = array("q")
    count = 0
    for i in range(size):
        day = date.fromordinal(first + i)
        if day.weekday() < 5 and day not in bank_holidays:
            working[i] = 1
            count += 1
            working_ordinals.append(first + i)
        cumulative[i] = count
    return _Table(bytes(working), cumulative, working_ordinals)


def day_index(d: date) -> int:
    """Where `d` sits in the calendar's tables (0 for FIRST_DAY); OutsideCalendar if nowhere."""
    if not FIRST_DAY <= d <= LAST_DAY:
        raise _outside(long_date(d))
    return d.toordinal() - FIRST_DAY.toordinal()


def is_working_day(d: date) -> bool:
    """Monday to Friday, and not a bank holiday of England and Wales."""
    return _table().working[day_index(d)] == 1


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
    index = day_index(start)
    n = limit.count
    try:
        if limit.unit is Unit.WORKING_DAYS:
            table = _table()
            # cumulative[index] working days have passed by the end of `start`; the first working
            # day strictly after it is working_ordinals[cumulative[index]].
            k = table.cumulative[index] + n - 1
            if k >= len(table.working_ordinals):
                raise _outside(f"the end of {limit} after {long_date(start)}")
            return date.fromordinal(table.working_ordinals[k])
        if limit.unit is Unit.DAYS:
            return start + timedelta(days=n)
        if limit.unit is Unit.WEEKS:
            return start + timedelta(days=7 * n)
        if limit.unit is Unit.MONTHS:
            return _add_months(start, n)
        return _add_months(start, 12 * n)
    except OverflowError:
        raise OutsideCalendar(f"{limit} after {long_date(start)} is past the end of any calendar.") from None


@functools.lru_cache(maxsize=256)
def due_ordinals(limit: Duration) -> array[int]:
    """The due date's ordinal for every start day from FIRST_DAY to LAST_DAY (index = day offset).

    For comparing many windows: one table per distinct limit (about 120 kB), after which a window
    is a slice. NO_DUE_DATE marks a day where due_date would raise.
    """
    table = _table()
    first = FIRST_DAY.toordinal()
    size = len(table.cumulative)
    n = limit.count
    if limit.unit is Unit.WORKING_DAYS:
        ordinals = table.working_ordinals
        last = len(ordinals) - 1
        return array(
            "q", (ordinals[k + n - 1] if k + n - 1 <= last else NO_DUE_DATE for k in table.cumulative)
        )
    if limit.unit in (Unit.DAYS, Unit.WEEKS):
        step = n if limit.unit is Unit.DAYS else 7 * n
        if first + size - 1 + step > date.max.toordinal():
            return array("q", (_ordinal_or_none(first + i, limit) for i in range(size)))
        return array("q", range(first + step, first + size + step))
    return array("q", (_ordinal_or_none(first + i, limit) for i in range(size)))


def _ordinal_or_none(start_ordinal: int, limit: Duration) -> int:
    try:
        return due_date(date.fromordinal(start_ordinal), limit).toordinal()
    except OutsideCalendar:
        return NO_DUE_DATE
