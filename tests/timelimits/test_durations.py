from __future__ import annotations

import pytest

from selfassess.timelimits.durations import Duration, Unit, find_durations, parse_duration

WD, D, W, M, Y = Unit.WORKING_DAYS, Unit.DAYS, Unit.WEEKS, Unit.MONTHS, Unit.YEARS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 working days", Duration(10, WD)),
        ("1 working day", Duration(1, WD)),
        ("5 business days", Duration(5, WD)),
        ("10 Working Days", Duration(10, WD)),
        ("  10 working days  ", Duration(10, WD)),
        ("10 working-days", Duration(10, WD)),
        ("10-working-day", Duration(10, WD)),
        ("14 days", Duration(14, D)),
        ("14 calendar days", Duration(14, D)),
        ("1 day", Duration(1, D)),
        ("2 weeks", Duration(2, W)),
        ("two weeks", Duration(2, W)),
        ("a week", Duration(1, W)),
        ("a fortnight", Duration(2, W)),
        ("one fortnight", Duration(2, W)),
        ("2 fortnights", Duration(4, W)),
        ("twelve months", Duration(12, M)),
        ("a month", Duration(1, M)),
        ("3 calendar months", Duration(3, M)),
        ("an year", Duration(1, Y)),
        ("1 year", Duration(1, Y)),
        ("twenty-one days", Duration(21, D)),
        ("thirty working days", Duration(30, WD)),
        ("ninety days", Duration(90, D)),
        ("ten (10) working days", Duration(10, WD)),
        ("(10) working days", Duration(10, WD)),
        ("12-month", Duration(12, M)),
    ],
)
def test_parse_duration(text, expected):
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "soon",
        "10",
        "working days",
        "10 working days or less",
        "within 10 working days",
        "10 working days.",
        "0 days",
        "0 working days",
        "24 hours",
        "10 workingdays",
        "ten (11) working days",
        "-5 days",
        "1.5 days",
        "a few days",
        "one hundred days",
        "2 stage",
    ],
)
def test_parse_duration_refuses_anything_but_one_duration(text):
    assert parse_duration(text) is None


@pytest.mark.parametrize(
    ("duration", "text"),
    [
        (Duration(10, WD), "10 working days"),
        (Duration(1, WD), "1 working day"),
        (Duration(1, W), "1 week"),
        (Duration(2, W), "2 weeks"),
        (Duration(1, M), "1 month"),
        (Duration(12, M), "12 months"),
        (Duration(1, Y), "1 year"),
        (Duration(365, D), "365 days"),
    ],
)
def test_canonical_form(duration, text):
    assert str(duration) == text
    assert parse_duration(text) == duration


def test_durations_compare_by_value():
    assert parse_duration("two weeks") == parse_duration("2 weeks") == parse_duration("a fortnight")
    assert hash(parse_duration("two weeks")) == hash(Duration(2, W))
    # Different units are different statements, even when they often agree.
    assert parse_duration("14 days") != parse_duration("2 weeks")
    assert parse_duration("10 business days") == parse_duration("10 working days")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "We acknowledge within five working days of the complaint being received.",
            [("five working days", Duration(5, WD))],
        ),
        ("Stage 1 responses are sent within 10 working days.", [("10 working days", Duration(10, WD))]),
        ("complaints that are due a response within two days", [("two days", Duration(2, D))]),
        ("We aim to respond within a fortnight.", [("a fortnight", Duration(2, W))]),
        ("An extension of up to 20 working days", [("20 working days", Duration(20, WD))]),
        ("We have a 10-working-day target.", [("10-working-day", Duration(10, WD))]),
        ("Residents have 12 months to complain.", [("12 months", Duration(12, M))]),
        ("within the 12-month window", [("12-month", Duration(12, M))]),
        ("within (10) working days", [("(10) working days", Duration(10, WD))]),
        ("within ten (10) working days", [("ten (10) working days", Duration(10, WD))]),
        ("within twenty-one days", [("twenty-one days", Duration(21, D))]),
        ("within 14 days' notice", [("14 days", Duration(14, D))]),
        ("within a month of the response", [("a month", Duration(1, M))]),
        (
            "Stage 1 – 10 working days, Stage 2 – 20 working days.",
            [("10 working days", Duration(10, WD)), ("20 working days", Duration(20, WD))],
        ),
        (
            "Acknowledge within 5 Working Days and respond within 10 working days",
            [("5 Working Days", Duration(5, WD)), ("10 working days", Duration(10, WD))],
        ),
    ],
)
def test_find_durations(sentence, expected):
    found = find_durations(sentence)
    assert [(f.text, f.duration) for f in found] == expected
    for f in found:
        assert sentence[f.start : f.end] == f.text


@pytest.mark.parametrize(
    "sentence",
    [
        "We operate a 2 stage process.",
        "Performance improved considerably in Q1 compared to the end of 23/24.",
        "The report was approved on 30 June 2024.",
        "There is month on month improvement in this area.",
        "Performance is reported to the Cabinet Member each month.",
        "The forum meets once a month.",
        "The line is open 24 hours a day, 7 days a week.",
        "Complaints are logged within 24 hours.",
        "It took 1.5 days on average.",
        "Our 2023-24 report",
        "handled on a day-to-day basis",
        "a month-long campaign",
        "residents aged over 65 years",
        "tenants who are 18 years old",
        "we update residents every two weeks",
        "It took 0 days.",
        "within ten (11) working days",
        "someone days",
        "a few days",
        "The stage 2 panel meets in 2 stages.",
    ],
)
def test_find_durations_ignores_what_is_not_a_duration(sentence):
    assert find_durations(sentence) == []
