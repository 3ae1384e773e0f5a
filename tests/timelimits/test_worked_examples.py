"""Every worked example of docs/spec time-limits.md, window 2024-04-01 to 2025-03-31."""

from __future__ import annotations

from datetime import date

import pytest

from selfassess.timelimits.calendar import due_date
from selfassess.timelimits.compare import Bound, compare
from selfassess.timelimits.durations import parse_duration

FIRST, LAST = date(2024, 4, 1), date(2025, 3, 31)

# (code limit, stated, bound, start days where it fails, finding)
WORKED_EXAMPLES = [
    ("10 working days", "15 working days", "at-most", 365, "SA401"),
    ("10 working days", "10 working days", "at-most", 0, None),
    ("10 working days", "9 working days", "at-most", 0, None),
    ("10 working days", "2 weeks", "at-most", 86, "SA402"),
    ("10 working days", "14 days", "at-most", 86, "SA402"),
    ("10 working days", "15 days", "at-most", 302, "SA402"),
    ("10 working days", "19 days", "at-most", 362, "SA402"),
    ("10 working days", "20 days", "at-most", 365, "SA401"),
    ("10 working days", "3 weeks", "at-most", 365, "SA401"),
    ("5 working days", "1 week", "at-most", 94, "SA402"),
    ("5 working days", "5 days", "at-most", 0, None),
    ("5 working days", "2 weeks", "at-most", 365, "SA401"),
    ("20 working days", "4 weeks", "at-most", 68, "SA402"),
    ("20 working days", "1 month", "at-most", 291, "SA402"),
    ("20 working days", "5 weeks", "at-most", 365, "SA401"),
    ("12 months", "6 months", "at-least", 365, "SA401"),
    ("12 months", "52 weeks", "at-least", 365, "SA401"),
    ("12 months", "12 months", "at-least", 0, None),
    ("12 months", "365 days", "at-least", 0, None),
]


def _finding(result) -> str | None:
    if result.always_fails:
        return "SA401"
    if result.sometimes_fails:
        return "SA402"
    return None


@pytest.mark.parametrize(
    ("code_limit", "stated", "bound", "failing", "finding"),
    WORKED_EXAMPLES,
    ids=[f"{s} vs {c} {b}" for c, s, b, _, _ in WORKED_EXAMPLES],
)
def test_worked_example(code_limit, stated, bound, failing, finding):
    result = compare(parse_duration(stated), parse_duration(code_limit), Bound(bound), FIRST, LAST)
    assert result.days == 365
    assert result.failing == failing
    assert _finding(result) == finding


def test_two_weeks_first_fails_on_saturday_6_april_2024():
    result = compare(parse_duration("2 weeks"), parse_duration("10 working days"), Bound.AT_MOST, FIRST, LAST)
    assert result.first_fail == date(2024, 4, 6)
    assert result.first_fail.strftime("%A") == "Saturday"
    # The first day of the window (Easter Monday 2024) holds: both run out on Monday 15 April.
    assert result.first_hold == date(2024, 4, 1)


def test_message_example_due_dates():
    # "A complaint received on Saturday 6 April 2024 would be due on 20 April under your policy
    # but on 19 April under the Code."
    saturday = date(2024, 4, 6)
    assert due_date(saturday, parse_duration("2 weeks")) == date(2024, 4, 20)
    assert due_date(saturday, parse_duration("10 working days")) == date(2024, 4, 19)
    result = compare(parse_duration("2 weeks"), parse_duration("10 working days"), Bound.AT_MOST, FIRST, LAST)
    assert result.dues(result.first_fail) == (date(2024, 4, 20), date(2024, 4, 19))


def test_365_days_against_12_months_fails_in_a_window_holding_29_february():
    result = compare(
        parse_duration("365 days"),
        parse_duration("12 months"),
        Bound.AT_LEAST,
        date(2023, 4, 1),
        date(2024, 3, 31),
    )
    assert result.days == 366
    assert result.sometimes_fails
    # A clock starting on 1 April 2023 runs 365 days to 31 March 2024, a day short of 1 April.
    assert result.first_fail == date(2023, 4, 1)
    assert due_date(date(2023, 4, 1), parse_duration("365 days")) == date(2024, 3, 31)
    # From 29 February 2024 on, 365 days reach the same day as 12 months (28 February 2025 is the
    # clamped 29th) or later, so the first start day where it holds is 29 February itself.
    assert result.first_hold == date(2024, 2, 29)
    # It fails from 1 March 2023 to 28 February 2024, of which this window holds 1 April 2023 on.
    assert result.failing == (date(2024, 2, 28) - date(2023, 4, 1)).days + 1
