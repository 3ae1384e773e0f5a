"""The Housing Ombudsman Complaint Handling Code 2024 as shipped: its provisions and fixed keys."""

from __future__ import annotations

from datetime import date

import pytest

from selfassess.load.codes import CodeLibrary
from selfassess.load.documents import read_document
from selfassess.resources import packaged_dir
from selfassess.timelimits.durations import Duration, Unit

PATH = packaged_dir("codes") / "hos-chc-2024.yaml"


@pytest.fixture(scope="module")
def code():
    document = read_document(PATH)
    assert document.problems == []
    return document.code


def _numbers(section: int, first: int, last: int) -> list[str]:
    return [f"{section}.{n}" for n in range(first, last + 1)]


EXPECTED_PROVISIONS = [
    *_numbers(1, 2, 6),
    *_numbers(2, 1, 5),
    *_numbers(3, 1, 7),
    *_numbers(4, 1, 3),
    *_numbers(5, 1, 15),
    *_numbers(6, 1, 20),
    *_numbers(7, 1, 4),
    *_numbers(8, 1, 5),
    *_numbers(9, 1, 8),
]


def test_every_provision_the_form_asks_about_in_order(code):
    assert list(code.provisions) == EXPECTED_PROVISIONS
    assert len(EXPECTED_PROVISIONS) == 72


def test_sections_and_their_titles(code):
    assert [(s.number, s.title) for s in code.sections] == [
        ("1", "Definition of a complaint"),
        ("2", "Exclusions"),
        ("3", "Accessibility and awareness"),
        ("4", "Complaint handling staff"),
        ("5", "The complaint handling process"),
        ("6", "Complaint stages"),
        ("7", "Putting things right"),
        ("8", "Self-assessment, reporting and compliance"),
        ("9", "Scrutiny & oversight: continuous learning and improvement"),
    ]
    for section in code.sections:
        assert all(p.number.startswith(section.number + ".") for p in section.provisions)


def test_every_provision_has_its_full_text(code):
    for provision in code.provisions.values():
        assert len(provision.text.split()) >= 6, provision.number
        assert "<u>" not in provision.text and "westmins ter" not in provision.text
        for item in provision.items:
            assert item.text.strip(), (provision.number, item.label)


def test_recovered_provisions_have_their_text(code):
    assert code.provisions["4.3"].text.startswith("Landlords are expected to prioritise complaint handling")
    assert code.provisions["6.20"].text.endswith("needed to issue such a response.")
    assert code.provisions["9.8"].text.startswith("Landlords must have a standard objective")


@pytest.mark.parametrize(
    ("number", "labels"),
    [
        ("5.8", "abcd"),
        ("6.9", "abcdefg"),
        ("6.19", "abcdefg"),
        ("8.1", "abcdef"),
        ("9.7", "abcd"),
        ("9.8", "abc"),
    ],
)
def test_lettered_items(code, number, labels):
    assert "".join(item.label for item in code.provisions[number].items) == labels


def test_stage_headings(code):
    assert {code.provisions[n].heading for n in _numbers(6, 1, 9)} == {"Stage 1"}
    assert {code.provisions[n].heading for n in _numbers(6, 10, 20)} == {"Stage 2"}


FIXED_TIME_LIMITS = {
    "complaint-window": (Duration(12, Unit.MONTHS), "at-least", "2.3"),
    "stage1-acknowledge": (Duration(5, Unit.WORKING_DAYS), "at-most", "6.2"),
    "stage1-response": (Duration(10, Unit.WORKING_DAYS), "at-most", "6.3"),
    "stage1-extension": (Duration(10, Unit.WORKING_DAYS), "at-most", "6.4"),
    "stage2-acknowledge": (Duration(5, Unit.WORKING_DAYS), "at-most", "6.11"),
    "stage2-response": (Duration(20, Unit.WORKING_DAYS), "at-most", "6.14"),
    "stage2-extension": (Duration(20, Unit.WORKING_DAYS), "at-most", "6.15"),
}


def test_fixed_time_limit_keys(code):
    assert set(code.time_limits) == set(FIXED_TIME_LIMITS)
    for key, (limit, bound, provision) in FIXED_TIME_LIMITS.items():
        declared = code.time_limits[key]
        assert (declared.limit, declared.bound) == (limit, bound), key
        assert declared.keywords, key
        setters = [p.number for p in code.provisions.values() if key in p.time_limits]
        assert setters == [provision], key


def test_fixed_deadline_keys(code):
    assert code.deadlines["first-self-assessment"].due == "2024-06-30"
    assert not code.deadlines["first-self-assessment"].varies
    assert code.deadlines["annual-submission"].due == "09-30"
    assert code.deadlines["annual-submission"].varies
    assert code.provisions["8.1"].deadlines == ["first-self-assessment", "annual-submission"]
    assert code.provisions["8.2"].deadlines == ["annual-submission"]


def test_header_and_answers(code):
    assert (code.id, code.title, code.publisher, code.version) == (
        "hos-chc-2024",
        "Complaint Handling Code",
        "Housing Ombudsman Service",
        "2024",
    )
    assert code.effective_from.value == date(2024, 4, 1)
    assert code.answers.label == "Comply?"
    assert code.answers.values == {
        "Yes": "met",
        "No": "not-met",
        "Partial": "partly-met",
        "N/A": "not-applicable",
    }


def test_the_code_ships_where_lookups_find_it(tmp_path):
    found = CodeLibrary().find("hos-chc-2024", tmp_path)
    assert found is not None and found.path == PATH
