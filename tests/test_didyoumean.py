from __future__ import annotations

import pytest

from selfassess.didyoumean import end_with_hint, normalise, suggest

ANSWERS = ["Yes", "No", "Partial", "N/A"]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("YAC", "Yes"),
        ("Yse", "Yes"),
        ("Np", "No"),
        ("Part", "Partial"),
        ("Partially", "Partial"),
        ("na", "N/A"),
    ],
)
def test_answers(written, meant):
    assert suggest(written, ANSWERS) == meant


@pytest.mark.parametrize("written", ["Maybe", "Complied", "", "!!"])
def test_nothing_close_means_no_suggestion(written):
    assert suggest(written, ANSWERS) is None


def test_field_names():
    fields = ["code", "organisation", "assessed_on", "evidence", "responses", "commentary"]
    assert suggest("evidnce", fields) == "evidence"
    assert suggest("organization", fields) == "organisation"
    assert suggest("comentary", fields) == "commentary"


def test_normal_form_ignores_case_and_punctuation():
    assert normalise("Yes.") == normalise(" yes") == "yes"
    assert normalise("N/A") == normalise("n/a") == "na"


def test_sentence_endings():
    assert end_with_hint("YAC", ANSWERS) == " — did you mean 'Yes'?"
    assert end_with_hint("Maybe", ANSWERS) == "."
