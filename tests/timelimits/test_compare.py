from __future__ import annotations

from datetime import date

import pytest

from selfassess.timelimits.calendar import OutsideCalendar
from selfassess.timelimits.compare import Bound, compare, window_for
from selfassess.timelimits.durations import parse_duration


def test_window_is_the_period_when_there_is_one():
    assert window_for(date(2023, 4, 1), date(2024, 3, 31), date(2024, 10, 22)) == (
        date(2023, 4, 1),
        date(2024, 3, 31),
    )


def test_window_without_a_period_is_the_365_days_ending_on_assessed_on():
    first, last = window_for(None, None, date(2025, 3, 31))
    assert (first, last) == (date(2024, 4, 1), date(2025, 3, 31))
    assert (last - first).days + 1 == 365


def test_bound_accepts_the_words_a_code_uses():
    by_word = compare(
        parse_duration("2 weeks"),
        parse_duration("10 working days"),
        "at-most",
        date(2024, 4, 1),
        date(2024, 4, 30),
    )
    by_enum = compare(
        parse_duration("2 weeks"),
        parse_duration("10 working days"),
        Bound.AT_MOST,
        date(2024, 4, 1),
        date(2024, 4, 30),
    )
    assert by_word == by_enum
    assert by_word.failing > 0


def test_a_one_day_window():
    result = compare(
        parse_duration("2 weeks"),
        parse_duration("10 working days"),
        Bound.AT_MOST,
        date(2024, 4, 6),
        date(2024, 4, 6),
    )
    assert (result.days, result.failing, result.first_fail, result.first_hold) == (
        1,
        1,
        date(2024, 4, 6),
        None,
    )
    assert result.always_fails and not result.sometimes_fails


def test_a_window_that_ends_before_it_begins_is_refused():
    with pytest.raises(ValueError, match="ends"):
        compare(
            parse_duration("2 weeks"),
            parse_duration("10 working days"),
            Bound.AT_MOST,
            date(2024, 4, 6),
            date(2024, 4, 5),
        )


def test_a_window_outside_the_calendar_is_outside_calendar():
    with pytest.raises(OutsideCalendar, match="14 March 2040"):
        compare(
            parse_duration("2 weeks"),
            parse_duration("10 working days"),
            Bound.AT_MOST,
            date(2040, 3, 14),
            date(2040, 4, 14),
        )


def test_a_due_date_past_the_calendar_in_the_window_is_outside_calendar():
    # 16 December is the first start whose tenth working day (after Christmas and Boxing Day
    # 2036) would fall in 2037.
    with pytest.raises(OutsideCalendar, match="after 16 December 2036"):
        compare(
            parse_duration("2 weeks"),
            parse_duration("10 working days"),
            Bound.AT_MOST,
            date(2036, 12, 1),
            date(2036, 12, 31),
        )
