"""Calibration on real text: Westminster City Council's published self-assessment (2024).

Every provision is answered "Yes". Seven commentaries admit a shortfall in so many words; the rest,
including improvements under way (6.6, 6.17), procedures that mention missed targets (3.7) and
plans that admit nothing (9.1, 9.7), must not be reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from selfassess.text.admissions import find_admissions

COMMENTARY: dict[str, str] = yaml.safe_load(
    (Path(__file__).parent / "westminster_commentary.yaml").read_text(encoding="utf-8")
)

# 5.14's second clause ("housing procedures will be updated") and 6.2's and 6.11's "did not have
# a separate target" for acknowledgements are admissions too: the reader learnt them from real text.
ADMITTED = {
    "5.9": ["not consistently"],
    "5.14": ["will be developed", "will be updated"],
    "6.2": ["did not have", "inconsistent"],
    "6.3": ["below target"],
    "6.11": ["did not have", "did not consistently achieve"],
    "6.14": ["below target"],
    "8.1": ["cannot currently"],
}


def test_the_fixture_holds_every_provision() -> None:
    sections = {1: 6, 2: 5, 3: 7, 4: 3, 5: 15, 6: 20, 7: 4, 8: 5, 9: 8}
    first = {1: 2}
    expected = {
        f"{section}.{number}"
        for section, last in sections.items()
        for number in range(first.get(section, 1), last + 1)
    }
    assert set(COMMENTARY) == expected
    assert all(isinstance(text, str) and text.strip() for text in COMMENTARY.values())


def test_exactly_these_provisions_admit_a_shortfall() -> None:
    found = {
        provision: [admission.phrase for admission in find_admissions(text)]
        for provision, text in COMMENTARY.items()
    }
    assert {provision: phrases for provision, phrases in found.items() if phrases} == ADMITTED


@pytest.mark.parametrize(("provision", "phrases"), sorted(ADMITTED.items()))
def test_the_admitting_sentence(provision: str, phrases: list[str]) -> None:
    found = find_admissions(COMMENTARY[provision])
    text = COMMENTARY[provision]
    assert [admission.phrase for admission in found] == phrases
    for admission in found:
        assert admission.phrase in text[admission.sentence.start : admission.sentence.end]


@pytest.mark.parametrize("provision", ["6.6", "6.17", "3.7", "5.10", "9.1", "9.7", "5.4", "6.10"])
def test_no_false_alarm(provision: str) -> None:
    assert find_admissions(COMMENTARY[provision]) == []
