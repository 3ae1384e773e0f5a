"""`diff` reports a change to any field of an assessment: an auditor reads "nothing changed" as a
promise. Each field is changed in turn, in a copy of a real-shaped assessment, and the change must
be reported by the kind that names it; the list of fields is checked against the model itself, so
a field added later without a comparison fails here."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from selfassess.model.assessment import Action, Approval, Assessment, EvidenceItem, Period, Response
from tests.compare.fenbrook import selfassess

NEW = "assessments/fenbrook-2025.yaml"

#: (model, field) -> (where in the file, the new value, the kind of change expected)
CHANGES: dict[tuple[str, str], tuple[tuple[str, ...], Any, str]] = {
    ("Assessment", "organisation"): (("organisation",), "Fenbrook Housing Trust", "organisation-changed"),
    ("Assessment", "assessed_on"): (("assessed_on",), "2025-05-20", "assessed-on-changed"),
    ("Assessment", "period"): (("period",), None, "period-changed"),
    ("Assessment", "approved"): (("approved",), {"by": "Board", "on": "2025-06-12"}, "approval-changed"),
    ("Assessment", "governing_body_response"): (
        ("governing_body_response",),
        "https://www.fenbrookhomes.example/board-response",
        "detail-changed",
    ),
    ("Assessment", "member_responsible"): (
        ("member_responsible",),
        "Sam Okafor",
        "member-responsible-changed",
    ),
    ("Assessment", "policy"): (("policy", "repair-urgent"), "4 working days", "policy-changed"),
    ("Assessment", "deadlines"): (("deadlines", "damp-survey"), "07-31", "detail-changed"),
    ("Assessment", "answered_per"): (("answered_per",), "section", "detail-changed"),
    ("Assessment", "counterpart"): (("counterpart",), "fenbrook-2024.yaml", "detail-changed"),
    ("Assessment", "complaints_log"): (("complaints_log",), "complaints-2024-25.csv", "detail-changed"),
    ("Period", "from_"): (("period", "from"), "2024-04-02", "period-changed"),
    ("Period", "to"): (("period", "to"), "2025-03-30", "period-changed"),
    ("Approval", "by"): (("approved", "by"), "Customer Services Committee", "approval-changed"),
    ("Approval", "on"): (("approved", "on"), "2025-06-13", "approval-changed"),
    ("EvidenceItem", "title"): (
        ("evidence", "repairs-policy", "title"),
        "Repairs policy 2025",
        "evidence-entry-changed",
    ),
    ("EvidenceItem", "url"): (
        ("evidence", "repairs-policy", "url"),
        "https://www.fenbrookhomes.example/repairs",
        "evidence-entry-changed",
    ),
    ("EvidenceItem", "file"): (
        ("evidence", "repairs-policy", "file"),
        "evidence/repairs.pdf",
        "evidence-entry-changed",
    ),
    ("EvidenceItem", "dated"): (
        ("evidence", "repairs-policy", "dated"),
        "2024-09-02",
        "evidence-entry-changed",
    ),
    ("Response", "answer"): (("responses", "2.1", "answer"), "No", "answer-changed"),
    ("Response", "evidence"): (("responses", "2.1", "evidence"), ["damp-procedure"], "evidence-added"),
    # one word: the change auditors found missed ("does" became "DOES NOT")
    ("Response", "commentary"): (
        ("responses", "2.1", "commentary"),
        "Inspections DID NOT take longer than 10 working days in the winter, when reports trebled; a "
        "second surveyor is being recruited.",
        "commentary-changed",
    ),
    ("Response", "lead"): (("responses", "2.1", "lead"), "Director of Property", "response-changed"),
    ("Response", "closed_on"): (("responses", "2.1", "closed_on"), "2025-04-30", "response-changed"),
    ("Response", "supporting"): (("responses", "2.1", "supporting"), ["Head of Repairs"], "response-changed"),
    ("Response", "waive"): (
        ("responses", "2.1", "waive"),
        {"SA201": "Evidence is with the survey."},
        "waiver-added",
    ),
    ("Action", "ref"): (("responses", "2.1", "actions", 0, "ref"), "DM.9", "action-added"),
    ("Action", "action"): (
        ("responses", "2.1", "actions", 0, "action"),
        "Recruit two surveyors",
        "action-changed",
    ),
    ("Action", "owner"): (("responses", "2.1", "actions", 0, "owner"), "Head of Repairs", "action-changed"),
    ("Action", "start"): (("responses", "2.1", "actions", 0, "start"), "2025-04-01", "action-changed"),
    ("Action", "due"): (("responses", "2.1", "actions", 0, "due"), "2025-08-31", "action-changed"),
    ("Action", "status"): (("responses", "2.1", "actions", 0, "status"), "blocked", "action-changed"),
    ("Action", "rag"): (("responses", "2.1", "actions", 0, "rag"), "red", "action-changed"),
    ("Action", "serves"): (("responses", "2.1", "actions", 0, "serves"), ["R1"], "action-changed"),
    ("Action", "note"): (("responses", "2.1", "actions", 0, "note"), "Advert out in May.", "action-changed"),
}
#: Fields that hold others (each compared through its own fields above), or that change what is
#: compared with what (another code: tested with the code's versions).
CONTAINERS = {
    ("Assessment", "code"),
    ("Assessment", "responses"),
    ("Assessment", "evidence"),
    ("Response", "actions"),
}
MODELS = (Assessment, Period, Approval, EvidenceItem, Response, Action)


def test_every_field_of_the_model_is_changed_by_a_case_here():
    fields = {(model.__name__, name) for model in MODELS for name in model.model_fields}
    assert fields - CONTAINERS == set(CHANGES)


def _changed(data: dict[str, Any], where: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(data)
    target: Any = data
    for step in where[:-1]:
        target = target[step]
    if value is None:
        del target[where[-1]]
    else:
        target[where[-1]] = value
    return data


@pytest.mark.parametrize("field", sorted(CHANGES), ids=lambda field: ".".join(field))
def test_a_change_to_each_field_is_reported(copied: Path, field: tuple[str, str]) -> None:
    where, value, kind = CHANGES[field]
    data = yaml.safe_load((copied / NEW).read_text(encoding="utf-8"))
    before, after = copied / "assessments" / "before.yaml", copied / "assessments" / "after.yaml"
    if where[:1] == ("approved",) and len(where) == 2:  # a field of an approval: both sides have one
        data = _changed(data, ("approved",), {"by": "Board", "on": "2025-06-12"})
    before.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    after.write_text(yaml.safe_dump(_changed(data, where, value), sort_keys=False), encoding="utf-8")
    done = selfassess(
        "diff", "assessments/before.yaml", "assessments/after.yaml", "--format", "json", cwd=copied
    )
    assert done.returncode == 0, done.stderr
    kinds = [change["kind"] for change in json.loads(done.stdout)["changes"]]
    assert kind in kinds, (field, kinds)
    text = selfassess("diff", "assessments/before.yaml", "assessments/after.yaml", cwd=copied).stdout
    assert "Nothing changed" not in text


def test_the_changed_words_of_a_commentary_are_shown(copied: Path) -> None:
    path = copied / "assessments" / "after.yaml"
    text = (copied / NEW).read_text(encoding="utf-8")
    path.write_text(
        text.replace("Inspections took longer", "Inspections DID NOT take longer", 1), encoding="utf-8"
    )
    done = selfassess("diff", NEW, "assessments/after.yaml", cwd=copied)
    assert "  The commentary changed: 'took' became 'DID NOT take'.\n" in done.stdout
    assert "In all: 1 commentary changed." in done.stdout


def test_a_commentary_only_rewrapped_is_not_a_change(copied: Path) -> None:
    path = copied / "assessments" / "after.yaml"
    text = (copied / NEW).read_text(encoding="utf-8")
    rewrapped = text.replace(
        "winter, when reports trebled; a\n      second", "winter,\n      when reports trebled; a second", 1
    )
    assert rewrapped != text
    path.write_text(rewrapped, encoding="utf-8")
    done = selfassess("diff", NEW, "assessments/after.yaml", cwd=copied)
    assert "Nothing changed" in done.stdout


def test_two_organisations_are_said_to_be_two(copied: Path) -> None:
    path = copied / "assessments" / "other.yaml"
    text = (copied / NEW).read_text(encoding="utf-8")
    path.write_text(
        text.replace("organisation: Fenbrook Homes", "organisation: Westbrook Housing", 1), encoding="utf-8"
    )
    lines = selfassess("diff", NEW, "assessments/other.yaml", cwd=copied).stdout.splitlines()
    assert lines[3] == (
        "These are assessments of two different organisations: the old one of Fenbrook Homes, the new one "
        "of Westbrook Housing."
    )
