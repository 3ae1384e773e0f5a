"""Due dates in working days, worked by hand around Easter, Christmas, the extra bank holidays of
2022 and 2023 and weekends, for every limit of the Code; and the vectorised arithmetic the log is
judged with always agrees with the calendar the rest of selfassess uses."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from selfassess.complaints.workdays import due_dates, next_working_day, working_days_after
from selfassess.timelimits.calendar import due_date
from selfassess.timelimits.durations import Duration, Unit

WORKING = Unit.WORKING_DAYS

# (start, working days, due date): each counted on a calendar by hand.
HAND_WORKED = [
    # Easter 2024: Good Friday 29 March and Easter Monday 1 April are bank holidays.
    (date(2024, 3, 28), 5, date(2024, 4, 8)),
    (date(2024, 3, 28), 10, date(2024, 4, 15)),
    (date(2024, 3, 28), 20, date(2024, 4, 29)),
    # Christmas 2024: 25 and 26 December, and 1 January 2025.
    (date(2024, 12, 23), 5, date(2025, 1, 2)),
    (date(2024, 12, 23), 10, date(2025, 1, 9)),
    (date(2024, 12, 23), 20, date(2025, 1, 23)),
    # The Platinum Jubilee: Thursday 2 and Friday 3 June 2022 (the spring bank holiday moved).
    (date(2022, 6, 1), 5, date(2022, 6, 10)),
    (date(2022, 5, 27), 5, date(2022, 6, 7)),  # Monday 30 May 2022 was a working day that year
    # The Queen's state funeral: Monday 19 September 2022.
    (date(2022, 9, 16), 5, date(2022, 9, 26)),
    # The Coronation: Monday 8 May 2023, a week after the early May bank holiday.
    (date(2023, 4, 28), 10, date(2023, 5, 16)),
    (date(2023, 5, 5), 5, date(2023, 5, 15)),
    # A clock that starts on a Saturday counts from Monday (formats.md's own example).
    (date(2024, 4, 6), 5, date(2024, 4, 12)),
    (date(2024, 4, 6), 10, date(2024, 4, 19)),
    (date(2024, 4, 6), 20, date(2024, 5, 3)),
    # ... and on a Sunday before a bank holiday Monday.
    (date(2024, 5, 5), 5, date(2024, 5, 13)),
]


@pytest.mark.parametrize(("start", "count", "due"), HAND_WORKED)
def test_due_dates_worked_by_hand(start, count, due):
    found = due_dates(np.array([start], dtype="datetime64[D]"), Duration(count, WORKING))
    assert found[0] == np.datetime64(due)
    assert due_date(start, Duration(count, WORKING)) == due


@pytest.mark.parametrize("count", [5, 10, 20])
def test_the_vectorised_due_dates_are_the_calendars_for_every_start_day(count):
    starts = [date(2015, 1, 1) + timedelta(days=n) for n in range(366 * 12)]
    limit = Duration(count, WORKING)
    found = due_dates(np.array(starts, dtype="datetime64[D]"), limit).astype(object).tolist()
    assert found == [due_date(start, limit) for start in starts]


@pytest.mark.parametrize(
    "limit", [Duration(10, Unit.DAYS), Duration(2, Unit.WEEKS), Duration(1, Unit.MONTHS)]
)
def test_other_units_are_the_calendars_too(limit):
    starts = [date(2024, 1, 1) + timedelta(days=n) for n in range(400)]
    found = due_dates(np.array(starts, dtype="datetime64[D]"), limit).astype(object).tolist()
    assert found == [due_date(start, limit) for start in starts]


def test_no_date_and_dates_outside_the_known_years_have_no_due_date():
    starts = np.array(["NaT", "1990-01-01", "2024-04-06"], dtype="datetime64[D]")
    found = due_dates(starts, Duration(10, WORKING))
    assert np.isnat(found[0]) and np.isnat(found[1]) and found[2] == np.datetime64("2024-04-19")


def test_how_late_counts_a_weekend_response_as_the_next_working_day():
    due = np.array(["2024-04-19"] * 4, dtype="datetime64[D]")  # a Friday
    responded = np.array(["2024-04-19", "2024-04-20", "2024-04-22", "2024-04-23"], dtype="datetime64[D]")
    assert working_days_after(due, responded).tolist() == [0, 1, 1, 2]
    assert next_working_day(np.array(["2024-03-29"], dtype="datetime64[D]"))[0] == np.datetime64("2024-04-02")
