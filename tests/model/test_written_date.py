from __future__ import annotations

from datetime import date

import pytest

from selfassess.timelimits.written_date import read_written_date


@pytest.mark.parametrize(
    ("text", "meant"),
    [
        ("17/06/09", date(2009, 6, 17)),
        ("1/10/09", date(2009, 10, 1)),
        ("15-Nov-24", date(2024, 11, 15)),
        ("12.12.23", date(2023, 12, 12)),
        ("22 October 2024", date(2024, 10, 22)),
        ("Tuesday 22nd October 2024", date(2024, 10, 22)),
        ("2024-10-22", date(2024, 10, 22)),
        ("2024-4-1", date(2024, 4, 1)),
        ("1/10/2009", date(2009, 10, 1)),
        ("3 Sept 2024", date(2024, 9, 3)),
        ("2024-10-22T18:30", date(2024, 10, 22)),
    ],
)
def test_dates_are_read_day_first(text, meant):
    written = read_written_date(text)
    assert (written.text, written.value, written.problem) == (text, meant, None)


@pytest.mark.parametrize("text", ["31/11/09", "2025-02-30", "29/02/23", "32/1/09", "12/13/24"])
def test_dates_that_do_not_exist_are_kept_as_written(text):
    written = read_written_date(text)
    assert (written.text, written.value, written.problem) == (text, None, "does not exist")


@pytest.mark.parametrize("text", ["tomorrow", "Q3", "autumn 2024", "15 Smarch 24", "2024", ""])
def test_text_that_is_no_date_cannot_be_read(text):
    assert read_written_date(text).problem == "cannot be read"


@pytest.mark.parametrize("text", ["0001-05-20", "9999-12-31", "31/12/1899", "1 January 2200"])
def test_years_outside_1900_to_2199_are_refused_as_written(text):
    written = read_written_date(text)
    assert (written.text, written.value) == (text, None)
    assert written.problem == "is outside the years selfassess works with (1900 to 2199)"


def test_the_first_and_last_years_are_accepted():
    assert read_written_date("1900-01-01").value == date(1900, 1, 1)
    assert read_written_date("31/12/2199").value == date(2199, 12, 31)
