"""Properties of working days and comparisons, checked against independent, slow oracles."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays
from hypothesis import given, settings
from hypothesis import strategies as st

from selfassess.timelimits.calendar import due_date, is_working_day
from selfassess.timelimits.compare import Bound, compare
from selfassess.timelimits.durations import Duration, Unit

# Starts late enough in the range that 2 years of working days still fall inside it.
starts = st.dates(min_value=date(1995, 1, 1), max_value=date(2034, 12, 31))
working_day_counts = st.integers(min_value=1, max_value=60)
durations = st.builds(
    Duration,
    count=st.integers(min_value=1, max_value=30),
    unit=st.sampled_from(list(Unit)),
)
bounds = st.sampled_from(list(Bound))


@cache
def _england() -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv="ENG", years=range(1995, 2037))


def naive_working_day_due(start: date, n: int) -> date:
    # The spec read literally: walk forward one day at a time, counting working days.
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in _england():
            counted += 1
    return day


@given(starts, working_day_counts)
def test_the_nth_working_day_after_a_start_is_a_working_day(start, n):
    due = due_date(start, Duration(n, Unit.WORKING_DAYS))
    assert due > start
    assert is_working_day(due)
    assert due == naive_working_day_due(start, n)


@given(starts, working_day_counts, working_day_counts)
def test_more_working_days_never_give_an_earlier_due_date(start, n, m):
    fewer, more = sorted((n, m))
    due_fewer = due_date(start, Duration(fewer, Unit.WORKING_DAYS))
    due_more = due_date(start, Duration(more, Unit.WORKING_DAYS))
    assert due_fewer <= due_more
    assert (due_fewer == due_more) == (fewer == more)


@given(starts, st.integers(min_value=1, max_value=120))
def test_months_keep_the_day_or_clamp_to_the_month_end(start, n):
    due = due_date(start, Duration(n, Unit.MONTHS))
    assert (due.year * 12 + due.month) - (start.year * 12 + start.month) == n
    if due.day != start.day:
        assert due.day < start.day
        assert (due + timedelta(days=1)).day == 1  # clamped to the last day of its month
    assert due_date(start, Duration(n, Unit.YEARS)) == due_date(start, Duration(12 * n, Unit.MONTHS))


def _fails(start: date, stated: Duration, allowed: Duration, bound: Bound) -> bool:
    s, c = due_date(start, stated), due_date(start, allowed)
    return s > c if bound is Bound.AT_MOST else s < c


windows = st.tuples(starts, st.integers(min_value=0, max_value=120)).map(
    lambda t: (t[0], t[0] + timedelta(days=t[1]))
)


@settings(max_examples=60)
@given(durations, durations, bounds, windows)
def test_compare_counts_what_due_date_says_day_by_day(stated, allowed, bound, window):
    first, last = window
    result = compare(stated, allowed, bound, first, last)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    failing = [d for d in days if _fails(d, stated, allowed, bound)]
    holding = [d for d in days if not _fails(d, stated, allowed, bound)]
    assert result.days == len(days)
    assert result.failing == len(failing)
    assert result.first_fail == (failing[0] if failing else None)
    assert result.first_hold == (holding[0] if holding else None)


@settings(max_examples=60)
@given(durations, durations, windows)
def test_at_most_and_at_least_are_mirror_images(stated, allowed, window):
    # at-most fails when due(S) > due(C); at-least with the two swapped fails when
    # due(C) < due(S): the same days, so the same count and the same example days.
    at_most = compare(stated, allowed, Bound.AT_MOST, *window)
    mirrored = compare(allowed, stated, Bound.AT_LEAST, *window)
    assert (at_most.failing, at_most.first_fail, at_most.first_hold) == (
        mirrored.failing,
        mirrored.first_fail,
        mirrored.first_hold,
    )
    # And for the same pair, every day is too long, too short, or due on the very same day.
    at_least = compare(stated, allowed, Bound.AT_LEAST, *window)
    first = window[0]
    same_day = sum(
        due_date(first + timedelta(days=i), stated) == due_date(first + timedelta(days=i), allowed)
        for i in range(at_most.days)
    )
    assert at_most.failing + at_least.failing + same_day == at_most.days


@settings(max_examples=60)
@given(durations, durations, bounds, windows)
def test_the_finding_and_its_example_days_agree(stated, allowed, bound, window):
    result = compare(stated, allowed, bound, *window)
    assert not (result.always_fails and result.sometimes_fails)
    if result.always_fails:
        assert result.first_hold is None
        assert result.first_fail == result.first
    if result.sometimes_fails:
        assert result.first_fail is not None and result.first_hold is not None
        assert _fails(result.first_fail, stated, allowed, bound)
        assert not _fails(result.first_hold, stated, allowed, bound)
        due_stated, due_allowed = result.dues(result.first_fail)
        assert (due_stated > due_allowed) if bound is Bound.AT_MOST else (due_stated < due_allowed)
    if result.failing == 0:
        assert result.first_fail is None and result.first_hold == result.first
