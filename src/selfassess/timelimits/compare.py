"""Comparing an organisation's stated limit with a code's, on every start day of a window.

"2 weeks" and "10 working days" are neither longer nor shorter than each other in general: it
depends on the day the clock starts and on the bank holidays that follow. So the comparison is
made on every start day, and the result says on how many it fails, with one example of each.
"""

from __future__ import annotations

import enum
import functools
import operator
from dataclasses import dataclass
from datetime import date, timedelta

from selfassess.timelimits.calendar import NO_DUE_DATE, due_date, dues_over
from selfassess.timelimits.durations import Duration


class Bound(enum.StrEnum):
    AT_MOST = "at-most"  # the code's limit is a maximum: a stated limit must not run out later
    AT_LEAST = "at-least"  # a minimum (12 months to complain): it must not run out sooner


@dataclass(frozen=True)
class Comparison:
    stated: Duration
    allowed: Duration
    bound: Bound
    first: date  # the window of start days, inclusive
    last: date
    days: int
    failing: int
    first_fail: date | None
    first_hold: date | None

    @property
    def always_fails(self) -> bool:
        """SA401: the stated limit breaks the bound whatever day the clock starts."""
        return self.days > 0 and self.failing == self.days

    @property
    def sometimes_fails(self) -> bool:
        """SA402: it breaks the bound on some start days and keeps it on others."""
        return 0 < self.failing < self.days

    def dues(self, start: date) -> tuple[date, date]:
        """(due under the stated limit, due under the code's) for a start day: the message's
        example ("would be due on 20 April under your policy but on 19 April under the Code")."""
        return due_date(start, self.stated), due_date(start, self.allowed)


def window_for(period_from: date | None, period_to: date | None, assessed_on: date) -> tuple[date, date]:
    """The start days to check: each day of the period, or without one the 365 days that end on
    `assessed_on`. A half-given period is treated as none: the model reports that, not this."""
    if period_from is not None and period_to is not None:
        return period_from, period_to
    return assessed_on - timedelta(days=364), assessed_on


@functools.lru_cache(maxsize=4096)
def compare(stated: Duration, allowed: Duration, bound: Bound, first: date, last: date) -> Comparison:
    """Where `stated` breaks `bound` against `allowed`, for start days `first`..`last`.

    at-most fails on day s when due(s, stated) > due(s, allowed); at-least when it is earlier.
    Memoised: a thousand assessments mostly state the same limits over the same window.
    """
    if last < first:
        raise ValueError(f"the window of start days ends ({last}) before it begins ({first})")
    bound = Bound(bound)
    # dues_over raises OutsideCalendar, in plain words, for a window outside the known years.
    stated_due = dues_over(stated, first, last)
    allowed_due = dues_over(allowed, first, last)
    for dues in (stated_due, allowed_due):
        if NO_DUE_DATE in dues:
            # Let due_date say, in plain words, which due date falls outside the calendar.
            bad = first + timedelta(days=dues.index(NO_DUE_DATE))
            due_date(bad, stated)
            due_date(bad, allowed)
    breaks = operator.gt if bound is Bound.AT_MOST else operator.lt
    fails = list(map(breaks, stated_due, allowed_due))
    failing = sum(fails)
    days = len(stated_due)
    first_fail = first + timedelta(days=fails.index(True)) if failing else None
    first_hold = first + timedelta(days=fails.index(False)) if failing < days else None
    return Comparison(stated, allowed, bound, first, last, days, failing, first_fail, first_hold)
