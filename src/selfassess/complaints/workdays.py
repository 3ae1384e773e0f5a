"""Working days for a whole column of dates at once, with numpy's business-day functions.

The bank holidays are the calendar's own (England and Wales, from the `holidays` package, kept in
the user's cache), handed to numpy once; a due date is then one `busday_offset` over a million
dates rather than a Python call for each. The meaning is the calendar's exactly: the n-th working
day strictly after the start, a start that is not a working day included (a test holds the two
to the same answer for every start day). Units other than working days are rare in a log's code
(the 2022 Code's "10 days" extension); their due dates come from the calendar itself, once for
each distinct start day.
"""

from __future__ import annotations

from datetime import date
from functools import cache

import numpy as np
import numpy.typing as npt

from selfassess.timelimits.bank_holidays import bank_holidays
from selfassess.timelimits.calendar import (
    FIRST_DAY,
    FIRST_YEAR,
    LAST_DAY,
    LAST_YEAR,
    OutsideCalendar,
    due_date,
)
from selfassess.timelimits.durations import Duration, Unit

Days = npt.NDArray[np.datetime64]  # datetime64[D]; NaT where there is no date
Counts = npt.NDArray[np.int64]

NAT = np.datetime64("NaT", "D")
#: The days whose bank holidays are known: a date outside them cannot be judged.
FIRST = np.datetime64(FIRST_DAY, "D")
LAST = np.datetime64(LAST_DAY, "D")


@cache
def working_calendar() -> np.busdaycalendar:
    """Monday to Friday, less the bank holidays of England and Wales over the calendar's years."""
    days = sorted(bank_holidays(FIRST_YEAR, LAST_YEAR))
    return np.busdaycalendar(weekmask="1111100", holidays=np.array(days, dtype="datetime64[D]"))


def within_calendar(days: Days) -> npt.NDArray[np.bool_]:
    """Where a date is inside the years whose bank holidays are known (False for NaT)."""
    return (days >= FIRST) & (days <= LAST)


def due_dates(starts: Days, limit: Duration) -> Days:
    """The day `limit` runs out for a clock starting on each of `starts` (NaT where a start is
    NaT, outside the calendar's years, or its due date would fall past them)."""
    usable = within_calendar(starts)
    result = np.full(starts.shape, NAT)
    if not usable.any():
        return result
    chosen = starts[usable]
    if limit.unit is Unit.WORKING_DAYS:
        # Rolled back to a working day first, so that a clock starting on a Saturday counts its
        # first working day on Monday, as the calendar does.
        due = np.busday_offset(chosen, limit.count, roll="backward", busdaycal=working_calendar())
        due[due > LAST] = NAT
    elif limit.unit in (Unit.DAYS, Unit.WEEKS):
        due = chosen + np.timedelta64(limit.count * (7 if limit.unit is Unit.WEEKS else 1), "D")
    else:
        distinct, where = np.unique(chosen, return_inverse=True)
        due = np.array([_one_due(day, limit) for day in distinct.tolist()], dtype="datetime64[D]")[where]
    result[usable] = due
    return result


def _one_due(start: date, limit: Duration) -> np.datetime64:
    try:
        return np.datetime64(due_date(start, limit), "D")
    except OutsideCalendar:
        return NAT


def next_working_day(days: Days) -> Days:
    """Each day itself where it is a working day, else the working day after it (NaT kept)."""
    result = np.full(days.shape, NAT)
    usable = within_calendar(days)
    rolled = np.busday_offset(days[usable], 0, roll="forward", busdaycal=working_calendar())
    rolled[rolled > LAST] = NAT
    result[usable] = rolled
    return result


def working_days_after(starts: Days, ends: Days) -> Counts:
    """How many working days from each start (not counted) to each end (counted; an end on a
    weekend or bank holiday counts as the working day after it): 0 where either is NaT."""
    ends = next_working_day(ends)
    usable = within_calendar(starts) & within_calendar(ends)
    counts = np.zeros(starts.shape, dtype=np.int64)
    counts[usable] = np.busday_count(
        starts[usable] + np.timedelta64(1, "D"),
        ends[usable] + np.timedelta64(1, "D"),
        busdaycal=working_calendar(),
    )
    return counts
