"""The board's words for what the checks find: one pair for every rule, folded by rule."""

from __future__ import annotations

from pathlib import Path

from selfassess.check.findings import Finding, Severity
from selfassess.check.registry import RULES
from selfassess.load.codes import CodeLibrary
from selfassess.publish.report.board_words import (
    BOARD_WORDS,
    SECTION_WORDS,
    board_groups,
    named_provision,
    provision_reference,
    provision_title,
)

REPO = Path(__file__).parents[2]


def _code():
    found = CodeLibrary().find("hos-chc-2024", REPO / "assessments")
    assert found is not None and found.code is not None
    return found.code


def test_every_rule_that_can_find_something_in_an_assessment_has_words_for_a_board():
    can_find = {rule.id for rule in RULES if rule.applies_to in ("assessment", "any")}
    assert sorted(can_find - set(BOARD_WORDS)) == []
    for said in (*BOARD_WORDS.values(), *SECTION_WORDS.values()):  # no editor's instructions
        for words in (said.one, said.many):
            assert not any(
                hint in words for hint in ("YAML", "under evidence", "{by", "(line ", "'Yes'", "selfassess")
            )


def test_findings_of_one_rule_are_one_line_with_their_provisions():
    code = _code()
    unanswered = [
        Finding(
            "a.yaml",
            line,
            5,
            "SA101",
            Severity.ERROR,
            number,
            f"Provision {number} has no answer; answer it with one of Yes, No, Partial, N/A.",
        )
        for line, number in enumerate(
            ("2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "3.1", "3.2", "3.3"), start=10
        )
    ]
    approval = Finding(
        "a.yaml",
        3,
        1,
        "SA601",
        Severity.ERROR,
        None,
        "This assessment has not been approved by the governing body; record the approval, as approved: {by: Board, on: DATE}, before publishing it.",
    )
    groups = board_groups([approval, *unanswered], code)
    assert [group.line for group in groups] == [
        "The governing body has not yet approved this assessment.",
        "10 provisions have no answer yet: 2.1, 2.2, 2.3, 2.4, 2.5, 2.6, 2.7, 3.1, …",
    ]
    assert (
        groups[1].provisions[4].named
        == "2.5 Landlords must not take a blanket approach to excluding complaints"
    )


def test_a_provision_is_named_by_its_first_words():
    code = _code()
    assert (
        provision_title(code, "6.3")
        == "Landlords must issue a full response to stage 1 complaints within 10…"
    )
    assert (
        provision_title(code, "2.5") == "Landlords must not take a blanket approach to excluding complaints"
    )
    assert provision_title(code, "99.9") == ""


def _tracker(name: str):
    found = CodeLibrary().find(name, REPO / "assessments")
    assert found is not None and found.code is not None
    return found.code


def test_a_provision_is_referred_to_as_its_source_prints_it_never_by_a_key_of_the_file():
    oxfordshire = _tracker("oxfordshire-pcs-scrutiny-2024")
    assert provision_reference(oxfordshire, "2024-03-19.social-value.2") == "Social Value, recommendation 2"
    norwich = _tracker("norwich-housing-improvement-2009")
    assert provision_reference(norwich, "R6") == "R6"
    assert provision_reference(norwich, "other") == ""  # a word of the file, not a reference
    assert provision_reference(_code(), "6.3") == "6.3"
    named = named_provision(oxfordshire, "2024-03-19.social-value.2")
    assert named.words_first and named.named == (
        "That the Council investigates how it might develop a more bespoke model… (Social Value, recommendation 2)"
    )
    # a regulator's code is read by its numbers, first
    assert named_provision(_code(), "6.3").named.startswith("6.3 Landlords must issue a full response")


def test_a_disagreement_is_worded_for_a_provision_and_for_a_section_answered_whole():
    from selfassess.load.reading import by_section

    found = CodeLibrary().find("lgsco-chc", REPO / "assessments")
    assert found is not None and found.code is not None

    def disagreeing(*numbers: str) -> list[Finding]:
        return [
            Finding("a.yaml", 10 + i, 5, "SA304", Severity.WARNING, n, "…") for i, n in enumerate(numbers)
        ]

    [one] = board_groups(disagreeing("6.3"), _code())
    assert one.line == (
        "6.3 (Landlords must issue a full response to stage 1 complaints within 10…): The answer differs "
        "from the answer to the same requirement in the linked assessment."
    )
    sections = by_section(found.code)
    [one] = board_groups(disagreeing("6"), sections)
    assert one.line.endswith(
        "The section is answered as met, but the linked assessment does not answer one of its "
        "requirements as met."
    )
    [two] = board_groups(disagreeing("3", "6"), sections)
    assert two.line == (
        "2 sections are answered as met, but the linked assessment does not answer one of their "
        "requirements as met: 3, 6."
    )
    assert "same requirement" not in one.line + two.line
