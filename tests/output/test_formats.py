"""Each findings format: a golden output, and for SARIF validation against the published schema."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from tests.golden import assert_golden

from selfassess.check.findings import CheckResult, Finding, Severity
from selfassess.cli import main
from selfassess.output import json as json_output

REPO = Path(__file__).parents[2]
GOLDEN = Path(__file__).parent / "golden"
SCHEMA = json.loads(
    (Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
# A broken assessment (every kind of finding) and one with a waived finding, as a user would check them.
FILES = ("tests/check/fixtures/acceptance/fenbrook-2025.yaml", "tests/check/fixtures/SA003/passing.yaml")


def run(capsys, monkeypatch, form: str) -> str:
    monkeypatch.chdir(REPO)
    main(["check", "--no-config", "--format", form, *FILES])
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("form", "suffix"), [("text", "text"), ("json", "json"), ("sarif", "sarif"), ("github", "github")]
)
def test_golden_output(capsys, monkeypatch, form, suffix):
    """Regenerate with SELFASSESS_UPDATE_GOLDEN=1 after a deliberate change, and read the diff."""
    assert_golden(GOLDEN / f"two-files.{suffix}", run(capsys, monkeypatch, form))


def test_sarif_validates_against_the_published_schema(capsys, monkeypatch):
    log = json.loads(run(capsys, monkeypatch, "sarif"))
    validator = jsonschema.Draft202012Validator(SCHEMA)
    assert list(validator.iter_errors(log)) == []
    broken = copy.deepcopy(log)
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert list(validator.iter_errors(broken)), "the schema must be able to reject a bad log"


def test_sarif_carries_the_catalogue_and_the_waiver(capsys, monkeypatch):
    run_ = json.loads(run(capsys, monkeypatch, "sarif"))["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    sa303 = next(rule for rule in rules if rule["id"] == "SA303")
    assert sa303["defaultConfiguration"]["level"] == "warning"
    assert "Why it matters" in sa303["help"]["text"] and "**Failing example**" in sa303["help"]["markdown"]
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    waived = [r for r in run_["results"] if "suppressions" in r]
    assert [(r["ruleId"], r["suppressions"][0]["justification"]) for r in waived] == [
        ("SA201", "Case files sampled by the internal auditor in March 2025; not published")
    ]
    yac = next(r for r in run_["results"] if r["ruleId"] == "SA103")
    assert yac["locations"][0]["physicalLocation"]["region"] == {"startLine": 14, "startColumn": 13}
    assert yac["level"] == "error" and yac["properties"] == {"provision": "2.5"}


def test_github_annotations_escape_what_github_would_misread():
    from selfassess.check.findings import Finding, Severity
    from selfassess.output.github import annotation

    finding = Finding("a,b:c.yaml", 3, 4, "SA303", Severity.WARNING, "6.3", "100% said: yes\nand no", None)
    assert (
        annotation(finding)
        == "::warning file=a%2Cb%3Ac.yaml,line=3,col=4,title=SA303 [6.3]::100%25 said: yes%0Aand no"
    )
    waived = Finding("a.yaml", 1, 1, "SA201", Severity.ERROR, "1.6", "No evidence.", "held offline")
    assert (
        annotation(waived)
        == "::notice file=a.yaml,line=1,col=1,title=SA201 [1.6]::No evidence. (waived: held offline)"
    )


def _indented_writer(result: CheckResult) -> str:
    """The report as the standard library's indented writer gives it, whole."""
    document = {
        "version": json_output.FORMAT_VERSION,
        "checked": result.checked,
        "findings": [finding.as_json() for finding in result.findings],
        "organisations": result.organisations,
        "totals": json_output.totals(result),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_json_written_a_finding_at_a_time_is_the_indented_writers_text():
    findings = [
        Finding(
            "a/Ümlaut & “quotes”.yaml", 3, 5, "SA303", Severity.WARNING, "6.3", 'It says "below\ttarget".'
        ),
        Finding("a/b.yaml", 9, 1, "SA401", Severity.ERROR, None, "A \\ backslash, a\nline break."),
        Finding("a/b.yaml", 12, 7, "SA502", Severity.INFO, "6.4", "Due.", waived="Agreed with the board"),
    ]
    full = CheckResult(
        ["a/Ümlaut & “quotes”.yaml", "a/b.yaml", "a/clean.yaml"], findings, {"a/b.yaml": "Fen Homes"}
    )
    empty = CheckResult(["a/clean.yaml"], [], {})
    nothing = CheckResult([], [], {})
    for result in (full, empty, nothing):
        assert json_output.render(result) == _indented_writer(result)
        assert "".join(json_output.pieces(result)) == _indented_writer(result)
