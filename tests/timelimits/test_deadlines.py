from __future__ import annotations

from datetime import date, datetime

import pytest

from selfassess.timelimits.deadlines import (
    DeadlineDue,
    find_stated_dates,
    occurrence,
    parse_deadline_due,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("09-30", DeadlineDue(9, 30)),
        (" 06-30 ", DeadlineDue(6, 30)),
        ("02-28", DeadlineDue(2, 28)),
        ("2024-06-30", DeadlineDue(6, 30, 2024)),
        ("2024-02-29", DeadlineDue(2, 29, 2024)),
        (date(2024, 6, 30), DeadlineDue(6, 30, 2024)),
        (datetime(2024, 6, 30, 12, 0), DeadlineDue(6, 30, 2024)),
    ],
)
def test_parse_deadline_due(value, expected):
    assert parse_deadline_due(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "02-29",
        "13-01",
        "00-10",
        "04-31",
        "09-00",
        "9-30",
        "30-09",
        "2024-02-30",
        "2023-02-29",
        "2024-6-30",
        "30/09/2024",
        "",
        "September",
    ],
)
def test_parse_deadline_due_refuses_what_is_not_a_deadline(value):
    assert parse_deadline_due(value) is None


def test_deadline_due_reads_in_words():
    assert parse_deadline_due("09-30").yearly
    assert not parse_deadline_due("2024-06-30").yearly
    assert str(parse_deadline_due("09-30")) == "30 September each year"
    assert str(parse_deadline_due("2024-06-30")) == "30 June 2024"


YEARLY = DeadlineDue(9, 30)
ONCE = DeadlineDue(6, 30, 2024)


@pytest.mark.parametrize(
    ("due", "period_to", "assessed_on", "expected"),
    [
        # Yearly: the first occurrence on or after the end of the period...
        (YEARLY, date(2024, 3, 31), date(2024, 10, 22), date(2024, 9, 30)),
        (YEARLY, date(2024, 9, 30), date(2024, 10, 22), date(2024, 9, 30)),
        (YEARLY, date(2024, 10, 1), date(2024, 10, 22), date(2025, 9, 30)),
        (YEARLY, date(2024, 12, 31), date(2025, 1, 5), date(2025, 9, 30)),
        # ...or, without one, on or after assessed_on.
        (YEARLY, None, date(2024, 10, 22), date(2025, 9, 30)),
        (YEARLY, None, date(2024, 9, 30), date(2024, 9, 30)),
        (YEARLY, None, date(2024, 5, 1), date(2024, 9, 30)),
        # Once: only while the period ends (or assessed_on falls) on or before it.
        (ONCE, date(2024, 3, 31), date(2024, 10, 22), date(2024, 6, 30)),
        (ONCE, date(2024, 6, 30), date(2024, 10, 22), date(2024, 6, 30)),
        (ONCE, date(2024, 7, 1), date(2024, 10, 22), None),
        (ONCE, date(2025, 3, 31), date(2025, 5, 20), None),
        (ONCE, None, date(2024, 6, 30), date(2024, 6, 30)),
        (ONCE, None, date(2024, 10, 22), None),
    ],
)
def test_occurrence(due, period_to, assessed_on, expected):
    assert occurrence(due, period_to, assessed_on) == expected


# (sentence, default year, [(text, earliest)]) — every row of the spec's SA404 table and more.
STATED_DATES = [
    ("It will be published on 30 September 2024.", 2024, [("30 September 2024", date(2024, 9, 30))]),
    ("It will be published on 30th September 2024.", 2024, [("30th September 2024", date(2024, 9, 30))]),
    ("It will be published on 30/09/2024.", 2024, [("30/09/2024", date(2024, 9, 30))]),
    ("It will be published on 2024-09-30.", 2024, [("2024-09-30", date(2024, 9, 30))]),
    ("It will be published in September 2024.", 2023, [("September 2024", date(2024, 9, 1))]),
    ("It will be submitted by September.", 2024, [("September", date(2024, 9, 1))]),
    ("It will be submitted by September.", 2025, [("September", date(2025, 9, 1))]),
    ("It will be approved in spring.", 2024, [("spring", date(2024, 3, 1))]),
    ("It will be approved in summer.", 2024, [("summer", date(2024, 6, 1))]),
    ("It will be published in autumn.", 2024, [("autumn", date(2024, 9, 1))]),
    ("It will be published in winter.", 2024, [("winter", date(2024, 12, 1))]),
    ("It will be published in winter 2024.", 2025, [("winter 2024", date(2024, 12, 1))]),
    ("Our 2023-24 report will be published in autumn 2024", 2024, [("autumn 2024", date(2024, 9, 1))]),
    ("It will be reported in Q1.", 2024, [("Q1", date(2024, 4, 1))]),
    ("It will be reported in Q2.", 2024, [("Q2", date(2024, 7, 1))]),
    ("It will be reported in Q3.", 2024, [("Q3", date(2024, 10, 1))]),
    ("It will be reported in Q4.", 2024, [("Q4", date(2024, 1, 1))]),
    ("It will be reported in Q1 2024/25.", 2023, [("Q1 2024/25", date(2024, 4, 1))]),
    ("It will be reported in Q3 2024-25.", 2023, [("Q3 2024-25", date(2024, 10, 1))]),
    ("It will be reported in Q4 2024/25.", 2023, [("Q4 2024/25", date(2025, 1, 1))]),
    ("It will be reported in Q1 of 2024/2025.", 2023, [("Q1 of 2024/2025", date(2024, 4, 1))]),
    ("It will be reported in Q2 2025.", 2023, [("Q2 2025", date(2025, 7, 1))]),
    # A quarter with a plain year: the quarter that begins in that year (for Q4, January).
    ("It will be reported in Q4 2025.", 2023, [("Q4 2025", date(2025, 1, 1))]),
    (
        "Performance has improved considerably in Q1 compared to the end of 23/24",
        2024,
        [("Q1", date(2024, 4, 1))],
    ),
    # As the Westminster form writes them.
    (
        "We cannot currently approve and publish this by 30\nJune 2024, as required by the Code.",
        2024,
        [("30\nJune 2024", date(2024, 6, 30))],
    ),
    (
        "Agenda for Audit and Performance Committee on Tuesday 24th October, 2023, 6.30 pm",
        2024,
        [("24th October, 2023", date(2023, 10, 24))],
    ),
    ("Printed minutes 24th-Oct-2023 18.30", 2024, [("24th-Oct-2023", date(2023, 10, 24))]),
    ("Minutes, 22/10/2024 18:30", 2024, [("22/10/2024", date(2024, 10, 22))]),
    (
        "from Autumn 2023 to Spring 24.",
        2024,
        [("Autumn 2023", date(2023, 9, 1)), ("Spring 24", date(2024, 3, 1))],
    ),
    ("The Forum received an overview in May 2024.", 2024, [("May 2024", date(2024, 5, 1))]),
    ("published by 30 June", 2025, [("30 June", date(2025, 6, 30))]),
    ("submitted by mid-May", 2025, [("May", date(2025, 5, 1))]),
    ("published in winter 2024/25", 2024, [("winter 2024/25", date(2024, 12, 1))]),
    ("due 15-Nov-24", 2024, [("15-Nov-24", date(2024, 11, 15))]),
    ("due 1/10/09", 2024, [("1/10/09", date(2009, 10, 1))]),
]


@pytest.mark.parametrize(("sentence", "default_year", "expected"), STATED_DATES)
def test_find_stated_dates(sentence, default_year, expected):
    found = find_stated_dates(sentence, default_year)
    assert [(f.text, f.earliest) for f in found] == expected
    for f in found:
        assert sentence[f.start : f.end] == f.text


@pytest.mark.parametrize(
    "sentence",
    [
        "Our 2023-24 report covers 2023/24.",
        "the end of 23/24",
        "We may publish more often.",
        "May we add that the report was thorough.",
        "See provisions 6.3 and 5.14.",
        "A date that does not exist: 31/11/09.",
        "It was published in September 2024/25.",  # which September?
        "It will be published September 24.",  # the 24th, or 2024?
        "In summer 12 complaints were received.",  # a count, not 2012
        "It will be published in spring 2024/25.",  # March 2024 or spring 2025?
        "Q5 and Q0 are not quarters.",
        "The September meeting agreed it.",  # a month with no word making it a date
        "We handled 30 June 24 complaints",
        "2 stage process within 10 working days",
    ],
)
def test_find_stated_dates_ignores_what_is_not_a_date(sentence):
    assert find_stated_dates(sentence, 2024) == []


def test_autumn_2024_is_after_a_30_june_2024_deadline():
    deadline = occurrence(parse_deadline_due("2024-06-30"), date(2024, 3, 31), date(2024, 10, 22))
    (stated,) = find_stated_dates("Our 2023-24 report will be published in autumn 2024", deadline.year)
    assert stated.earliest == date(2024, 9, 1) > deadline


def test_autumn_is_not_after_a_30_september_deadline():
    deadline = occurrence(parse_deadline_due("09-30"), date(2024, 3, 31), date(2024, 10, 22))
    assert deadline == date(2024, 9, 30)
    (stated,) = find_stated_dates("It will be published in autumn.", deadline.year)
    assert stated.earliest == date(2024, 9, 1)
    assert not stated.earliest > deadline
