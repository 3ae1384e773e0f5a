from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from selfassess.timelimits.calendar import (
    FIRST_DAY,
    FIRST_YEAR,
    LAST_DAY,
    LAST_YEAR,
    OutsideCalendar,
    due_date,
    dues_over,
    is_working_day,
)
from selfassess.timelimits.durations import Duration, Unit, parse_duration


def due(start: date, text: str) -> date:
    return due_date(start, parse_duration(text))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2024, 4, 5), True),  # Friday
        (date(2024, 4, 6), False),  # Saturday
        (date(2024, 4, 7), False),  # Sunday
        (date(2024, 3, 29), False),  # Good Friday
        (date(2024, 4, 1), False),  # Easter Monday
        (date(2024, 12, 25), False),  # Christmas Day, a Wednesday
        (date(2024, 12, 27), True),
        (date(2023, 5, 8), False),  # Coronation of Charles III: a one-off bank holiday
        (date(2022, 9, 19), False),  # State funeral of Queen Elizabeth II
        (date(2026, 12, 28), False),  # Boxing Day falls on a Saturday; the Monday substitutes
        (date(2020, 5, 8), False),  # May Day moved to VE Day in 2020
        (date(2020, 5, 4), True),  # ...so the first Monday of May was a working day
        (date(2024, 3, 17), False),  # St Patrick's Day is a Northern Ireland holiday only
        (date(2024, 3, 18), True),  # ...and its Monday is a working day in England and Wales
        (date(2024, 8, 5), True),  # Scotland's summer bank holiday is not England's
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "limit", "expected"),
    [
        # Working days: the n-th working day strictly after the start.
        (date(2024, 4, 8), "1 working day", date(2024, 4, 9)),
        (date(2024, 4, 6), "10 working days", date(2024, 4, 19)),  # starts on a Saturday
        (date(2024, 4, 7), "1 working day", date(2024, 4, 8)),  # Sunday to Monday
        (date(2024, 4, 5), "1 working day", date(2024, 4, 8)),  # Friday to Monday
        # Good Friday and Easter Monday 2024 are skipped.
        (date(2024, 3, 28), "1 working day", date(2024, 4, 2)),
        (date(2024, 3, 28), "5 working days", date(2024, 4, 8)),
        # Christmas 2021 fell on a weekend: Monday 27 and Tuesday 28 December substitute.
        (date(2021, 12, 24), "1 working day", date(2021, 12, 29)),
        # Christmas 2026 is a Friday and Boxing Day a Saturday: Monday 28 substitutes.
        (date(2026, 12, 24), "1 working day", date(2026, 12, 29)),
        (date(2026, 12, 24), "2 working days", date(2026, 12, 30)),
        # Days and weeks: plain calendar arithmetic, bank holidays or not.
        (date(2024, 3, 28), "4 days", date(2024, 4, 1)),
        (date(2024, 4, 6), "2 weeks", date(2024, 4, 20)),
        (date(2024, 12, 20), "1 week", date(2024, 12, 27)),
        # Months: the same day, or the month's last day where it does not exist.
        (date(2024, 1, 31), "1 month", date(2024, 2, 29)),
        (date(2023, 1, 31), "1 month", date(2023, 2, 28)),
        (date(2024, 3, 31), "1 month", date(2024, 4, 30)),
        (date(2024, 8, 31), "6 months", date(2025, 2, 28)),
        (date(2024, 11, 30), "3 months", date(2025, 2, 28)),
        (date(2024, 4, 15), "12 months", date(2025, 4, 15)),
        (date(2024, 12, 15), "1 month", date(2025, 1, 15)),
        # Years: as 12n months.
        (date(2024, 2, 29), "1 year", date(2025, 2, 28)),
        (date(2024, 2, 29), "4 years", date(2028, 2, 29)),
        (date(2024, 2, 29), "48 months", date(2028, 2, 29)),
    ],
)
def test_due_date(start, limit, expected):
    assert due(start, limit) == expected


def test_outside_calendar_is_a_plain_english_value_error():
    with pytest.raises(OutsideCalendar) as caught:
        due(date(2040, 3, 14), "10 working days")
    assert isinstance(caught.value, ValueError)
    assert str(caught.value) == (
        "selfassess knows the bank holidays of England and Wales from 1995 to 2036; "
        "14 March 2040 is outside them."
    )


@pytest.mark.parametrize("day", [date(1994, 12, 31), date(2037, 1, 1), date(2040, 3, 14)])
def test_dates_outside_the_range_raise_whatever_the_unit(day):
    for text in ("1 working day", "1 day", "1 week", "1 month", "1 year"):
        with pytest.raises(OutsideCalendar):
            due(day, text)
    with pytest.raises(OutsideCalendar):
        is_working_day(day)


def test_the_edges_of_the_range_are_inside_it():
    assert (FIRST_YEAR, LAST_YEAR) == (FIRST_DAY.year, LAST_DAY.year) == (1995, 2036)
    assert is_working_day(date(1995, 1, 3))
    assert not is_working_day(date(1995, 1, 2))  # New Year's Day, observed
    assert due(FIRST_DAY, "1 working day") == date(1995, 1, 3)
    assert due(LAST_DAY, "1 month") == date(2037, 1, 31)


def test_a_working_day_due_date_past_the_range_is_an_error():
    assert due(date(2036, 12, 19), "1 working day") == date(2036, 12, 22)
    with pytest.raises(OutsideCalendar, match="the end of 10 working days after 20 December 2036"):
        due(date(2036, 12, 20), "10 working days")


def test_a_due_date_past_any_calendar_is_an_error_not_a_crash():
    with pytest.raises(OutsideCalendar, match="past the end of any calendar"):
        due_date(date(2024, 1, 1), Duration(9000, Unit.YEARS))
    with pytest.raises(OutsideCalendar):
        due_date(date(2024, 1, 1), Duration(10**7, Unit.DAYS))


def test_england_and_wales_share_their_bank_holidays_over_the_range():
    # The module reads subdivision "ENG" for "England and Wales"; this keeps that honest.
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    england = holidays.country_holidays("GB", subdiv="ENG", years=years)
    wales = holidays.country_holidays("GB", subdiv="WLS", years=years)
    assert set(england) == set(wales)


def test_working_days_agree_with_the_holidays_package_every_day_of_the_range():
    england = holidays.country_holidays("GB", subdiv="ENG", years=range(FIRST_YEAR, LAST_YEAR + 1))
    day, mismatches = FIRST_DAY, []
    while day <= LAST_DAY:
        if is_working_day(day) != (day.weekday() < 5 and day not in england):
            mismatches.append(day)
        day += timedelta(days=1)
    assert mismatches == []


@pytest.mark.parametrize(
    "limit", ["10 working days", "20 working days", "14 days", "2 weeks", "1 month", "12 months"]
)
def test_a_windows_due_dates_agree_with_due_date(limit):
    duration = parse_duration(limit)
    for first, last in (
        (FIRST_DAY, date(1995, 3, 1)),
        (date(2024, 1, 1), date(2025, 3, 31)),
        (date(2036, 6, 1), date(2036, 11, 30)),
    ):
        dues = dues_over(duration, first, last)
        assert len(dues) == (last - first).days + 1
        for offset in (0, 59, len(dues) - 1):
            start = first + timedelta(days=offset)
            assert dues[offset] == due_date(start, duration).toordinal()
