"""The import's parts on their own: headings recognised, split rows joined, cells shaped into fields."""

from __future__ import annotations

import pytest

from selfassess.importing import fields
from selfassess.importing.layouts import (
    ACTION,
    ANSWER,
    COMMENTARY,
    CONTEXT,
    DUE,
    EVIDENCE,
    KIND,
    LEAD,
    LINK,
    NUMBER,
    REQUIREMENT,
    START,
    SUPPORTING,
    recognise,
)
from selfassess.importing.match import link_references
from selfassess.importing.rows import join_parts
from selfassess.load.codes import CodeLibrary
from tests.importing.builders import NORWICH_HEADER, REPO, WCC_HEADER


def _code(code_id: str):
    return CodeLibrary().find(code_id, REPO).code


@pytest.mark.parametrize(
    ("cells", "roles"),
    [
        (
            ["Code provision", "Code requirement", "Comply?", "Evidence", "Commentary / explanation"],
            (NUMBER, REQUIREMENT, ANSWER, EVIDENCE, COMMENTARY),
        ),
        (
            ["PROVISION", "Requirement", "Comply", "Evidence:", "Commentary/Explanation"],
            (NUMBER, REQUIREMENT, ANSWER, EVIDENCE, COMMENTARY),
        ),
        (["Ref.", "Compliance (Yes/No/Partial)", "Explanation"], (NUMBER, ANSWER, COMMENTARY)),
    ],
)
def test_the_forms_headings_in_their_variants(cells: list[str], roles: tuple[str, ...]) -> None:
    layout = recognise(cells, _code("hos-chc-2024"))
    assert layout is not None and layout.roles == roles


def test_trackers_headings() -> None:
    wcc = recognise(
        list(WCC_HEADER),
        _code("wcc-policy-scrutiny-2023"),
    )
    assert wcc is not None and wcc.roles == (CONTEXT, KIND, REQUIREMENT, LEAD, ANSWER, COMMENTARY)
    future = recognise(
        [
            "",
            "Recommendation",
            "Recommended response (Work in progress/agree/consider in more detail/note/reject)",
            "Comments/outline response",
            "Lead Directorate",
            "Supporting Directorate",
        ],
        _code("future-of-westminster-2023"),
    )
    assert future is not None and future.roles == (NUMBER, REQUIREMENT, ANSWER, COMMENTARY, LEAD, SUPPORTING)
    oxfordshire = _code("oxfordshire-pcs-scrutiny-2024")
    update = recognise(["Cabinet Response Date", "Item", "Recommendation", "Lead", "Update"], oxfordshire)
    assert update is not None and update.roles == (CONTEXT, CONTEXT, REQUIREMENT, LEAD, COMMENTARY)
    actions = recognise(["Meeting date", "Item", "Action", "Lead", "Update/response"], oxfordshire)
    assert actions is not None and actions.roles == (CONTEXT, CONTEXT, REQUIREMENT, LEAD, ANSWER)


def test_a_row_of_answers_is_never_a_header() -> None:
    code = _code("hos-chc-2024")
    assert recognise(["1.2", "Requirement text", "Yes", "Policy", "Commentary"], code) is None
    assert recognise(["Name", "Date", "Notes"], code) is None


def test_a_page_break_inside_a_sentence_joins_with_a_space() -> None:
    assert join_parts(["they also", "must provide details."]) == "they also must provide details."
    assert join_parts(["the end.", "A new paragraph."]) == "the end.\nA new paragraph."
    assert join_parts(["- first", "- second"]) == "- first\n- second"


def test_fields() -> None:
    assert fields.markdown("Intro:\n• one\n• two\nAfter.") == "Intro:\n\n- one\n- two\n\nAfter."
    assert fields.markdown("1. first\n2. second") == "1. first\n2. second"
    assert fields.evidence_titles(["Policy; Procedure", "• Policy\n• Leaflet • Poster"]) == [
        "Policy",
        "Procedure",
        "Leaflet",
        "Poster",
    ]
    oxfordshire = _code("oxfordshire-pcs-scrutiny-2024")
    assert fields.split_answer("Partially Accepted See response in item 9", oxfordshire) == (
        "Partially Accepted",
        "See response in item 9",
    )
    assert fields.split_answer("Update due April", oxfordshire) == (None, "Update due April")
    assert (
        fields.lead("Cabinet Member for Housing\nDirector of Housing")
        == "Cabinet Member for Housing; Director of Housing"
    )
    assert fields.owners("ECM, F&R / I&C") == ["ECM", "F&R", "I&C"]
    assert (
        str(fields.written_date("2024-11-15")) == "2024-11-15"
        and fields.written_date("15-Nov-24") == "15-Nov-24"
    )


def test_an_action_plans_headings() -> None:
    norwich = recognise(NORWICH_HEADER, _code("norwich-housing-improvement-2009"))
    assert norwich is not None and norwich.is_action_plan
    assert norwich.roles == (NUMBER, ACTION, LEAD, START, DUE, ANSWER, LINK, SUPPORTING, CONTEXT)
    # against a self-assessment's code too: the link names its provisions
    plan = recognise(["Ref", "Action", "Owner", "Due date", "Link to provision"], _code("hos-chc-2024"))
    assert plan is not None and plan.roles == (NUMBER, ACTION, LEAD, DUE, LINK)
    # without a link, a tracker's actions are what it answers, as before
    tracker = recognise(["Action", "Lead", "Update"], _code("oxfordshire-pcs-scrutiny-2024"))
    assert tracker is not None and not tracker.is_action_plan


def test_a_links_references() -> None:
    norwich = _code("norwich-housing-improvement-2009")
    assert link_references("HQN Plan Audit Commission R5.1, R 5.4, R6.4. R6.5 & R7", norwich) == [
        ("R5.1", "R5"),
        ("R 5.4", "R5"),
        ("R6.4", "R6"),
        ("R6.5", "R6"),
        ("R7", None),
    ]
    assert link_references("Serious case review March 2009.", norwich) == [("2009", None)]
    wcc = _code("wcc-policy-scrutiny-2023")  # numbered 1, 2, 3
    assert link_references("Rec 3 and Recommendation 12", wcc) == [("Rec 3", "3"), ("12", "12")]


def test_a_plans_dates_and_status() -> None:
    assert fields.date_and_words("31/08/09\nMust be fully implemented by November 2009") == (
        "31/08/09",
        "Must be fully implemented by November 2009",
    )
    assert fields.date_and_words("31/11/09") == ("31/11/09", "")  # kept as written, for SA503
    assert fields.date_and_words("Must be fully implemented by October 20") == (
        None,
        "Must be fully implemented by October 20",
    )
    assert str(fields.date_and_words("2009-06-17")[0]) == "2009-06-17"  # an Excel date: a date
    assert fields.action_status("A") == ("rag", "amber")
    assert fields.action_status("A\nR") == ("rag", "amber")  # the rest is kept in the note
    assert fields.action_status("Completed") == ("status", "done")
    assert fields.action_status("-") is None


@pytest.mark.parametrize(
    ("cell", "lead"),
    [
        ("Andrew\nWilson", "Andrew Wilson"),  # one name broken over two lines
        ("Service leads/\nNigel Andrews", "Service leads/ Nigel Andrews"),
        ("Director of\nHousing Needs", "Director of Housing Needs"),
        ("Head of Housing\nservices", "Head of Housing services"),
        ("Sandra Franklin\nAndrew Wilson", "Sandra Franklin; Andrew Wilson"),  # two people
        (
            "Cabinet Member for Housing\nDirector of Housing",
            "Cabinet Member for Housing; Director of Housing",
        ),
        ("Jerry\nMassey\nJerry", "Jerry; Massey; Jerry"),  # three lines: not read as one name
    ],
)
def test_a_lead_broken_over_two_lines(cell: str, lead: str) -> None:
    assert fields.lead(cell) == lead
