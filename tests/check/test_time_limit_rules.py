"""SA401-SA404 end to end, on the example assessment with one value changed, as a user would."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from selfassess.cli import main

REPO = Path(__file__).parents[2]
EXAMPLE = REPO / "assessments" / "example-homes-2025.yaml"


@pytest.fixture
def assessment(tmp_path, monkeypatch):
    shutil.copytree(REPO / "assessments" / "evidence", tmp_path / "evidence")
    monkeypatch.chdir(tmp_path)

    def write(**replacements: str) -> Path:
        text = EXAMPLE.read_text(encoding="utf-8")
        for pattern, replacement in replacements.items():
            text, count = re.subn(pattern.replace("__", " "), replacement, text, count=1)
            assert count == 1, pattern
        path = tmp_path / "assessment.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def findings(capsys, *args: str) -> list[dict]:
    main(["check", "--format", "json", "--select", "SA4", *args, "assessment.yaml"])
    return json.loads(capsys.readouterr().out)["findings"]


def test_the_example_states_its_limits_as_the_code_does(assessment, capsys):
    assessment()
    assert findings(capsys) == []


def test_two_weeks_for_a_stage_1_response_is_sa402_naming_saturday_6_april_2024(assessment, capsys):
    assessment(**{r"stage1-response: 10 working days": "stage1-response: 2 weeks"})
    found = [f for f in findings(capsys) if f["rule"] == "SA402"]
    assert [(f["provision"], f["line"]) for f in found] == [("6.3", 22)]
    assert found[0]["message"] == (
        "Your policy gives 2 weeks to issue a full response to a stage 1 complaint, longer than the Code's 10 "
        "working days on 86 of 365 days: one received Saturday 6 April 2024 would be due 20 April, not 19 April; "
        "one received Monday 1 April 2024, 15 April under both."
    )


def test_thirty_working_days_at_stage_2_is_sa401(assessment, capsys):
    assessment(**{r"stage2-response: 20 working days": "stage2-response: 30 working days"})
    [finding] = [f for f in findings(capsys) if f["rule"] == "SA401"]
    assert (finding["provision"], finding["severity"]) == ("6.14", "error")
    assert "longer than the Code's 20 working days whatever the day" in finding["message"]
    assert "would be due 14 May, not 29 April" in finding["message"]


def test_six_months_to_complain_is_sa401(assessment, capsys):
    assessment(**{r"complaint-window: 12 months": "complaint-window: 6 months"})
    [finding] = [f for f in findings(capsys) if f["rule"] == "SA401"]
    assert finding["provision"] == "2.3"
    assert finding["message"] == (
        "Your policy gives 6 months to accept a complaint, shorter than the 12 months the Code requires whatever "
        "the day: from Monday 1 April 2024, yours ends 1 October, not 1 April 2025."
    )


def test_a_limit_stated_two_ways_names_both_places(assessment, capsys):
    assessment(**{r"stage1-response: 10 working days": "stage1-response: 15 working days"})
    [finding] = [f for f in findings(capsys) if f["rule"] == "SA403"]
    assert finding["provision"] == "6.3"
    assert finding["message"].endswith("but your policy (line 22) gives 15 working days; state it one way.")


def test_a_window_outside_the_known_bank_holidays_is_an_error_not_a_guess(assessment, capsys):
    assessment(
        **{
            r"assessed_on: 2025-05-20": "assessed_on: 2045-05-20",
            r"period: .*": "period: {from: 2044-04-01, to: 2045-03-31}",
        }
    )
    found = [f for f in findings(capsys) if f["rule"] == "SA401"]
    assert found and all("cannot be compared" in f["message"] and "2036" in f["message"] for f in found)


def test_an_organisation_set_deadline_replaces_the_codes(assessment, capsys):
    assessment(**{r"\npolicy:": '\ndeadlines:\n  annual-submission: "08-31"\npolicy:'})
    found = findings(capsys)
    assert [(f["rule"], f["provision"]) for f in found] == [("SA404", "8.1"), ("SA404", "8.2")]
    assert found[1]["message"] == (
        "Your commentary on 8.2 gives '30 September 2025' (on 30 September 2025 at the earliest), after the "
        "deadline of 31 August 2025 (submit the annual complaints performance and service improvement report "
        "to the Ombudsman)."
    )


def test_a_one_off_deadline_applies_only_to_an_assessment_made_before_it(assessment, capsys):
    # 8.1 of the example promises September 2025; the first self-assessment (30 June 2024) is long past.
    assessment()
    assert not [f for f in findings(capsys) if f["rule"] == "SA404"]


def test_a_limit_that_is_not_about_complaints_is_not_described_as_one(tmp_path, capsys, monkeypatch):
    (tmp_path / "codes").mkdir()
    (tmp_path / "codes" / "damp-plan.yaml").write_text(
        "id: damp-plan\ntitle: Damp and mould improvement plan\n"
        "answers: {values: {Done: done, In progress: in-progress}}\n"
        "time_limits:\n  inspection:\n    limit: 10 working days\n"
        "    describes: Inspect a home after damp or mould is reported\n    keywords: [inspect]\n"
        "sections:\n  - number: '1'\n    title: Inspections\n    provisions:\n"
        "      - {number: '1.1', text: Inspect every reported case quickly., time_limits: [inspection]}\n"
    )
    (tmp_path / "plan.yaml").write_text(
        "code: damp-plan\norganisation: Fenbrook Homes\nassessed_on: 2025-05-20\n"
        "period: {from: 2024-04-01, to: 2025-03-31}\npolicy: {inspection: 2 weeks}\n"
        "responses: {'1.1': {answer: In progress}}\n"
    )
    monkeypatch.chdir(tmp_path)
    main(["check", "--format", "json", "--select", "SA402", "plan.yaml"])
    [finding] = json.loads(capsys.readouterr().out)["findings"]
    assert finding["message"] == (
        "Your policy gives 2 weeks to inspect a home after damp or mould is reported, longer than the Damp and "
        "mould improvement plan's 10 working days on 86 of 365 days: from Saturday 6 April 2024, it would be due "
        "20 April, not 19 April; from Monday 1 April 2024, 15 April under both."
    )
