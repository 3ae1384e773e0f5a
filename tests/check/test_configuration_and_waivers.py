"""Configuration beside the assessments, --select/--ignore, and waivers that stay visible."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from selfassess.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A folder holding the mini code and one assessment with an SA201 (2.5) and an SA202."""
    shutil.copytree(FIXTURES / "codes", tmp_path / "codes")
    (tmp_path / "assessments").mkdir()
    text = (FIXTURES / "clean" / "assessment.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    evidence: [complaints-policy]\n    commentary: Each complaint",
        "    commentary: Each complaint",
        1,
    )
    text = text.replace("dated: 2025-01-15", "dated: 2023-01-15")
    (tmp_path / "assessments" / "a.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def rules_found(capsys, *args: str) -> tuple[int, list[tuple[str, str]]]:
    status = main(["check", "--format", "json", *args, "assessments"])
    out = json.loads(capsys.readouterr().out)
    return status, [(f["rule"], f["severity"]) for f in out["findings"]]


def test_without_configuration_the_catalogue_defaults_apply(project, capsys):
    assert rules_found(capsys) == (0, [("SA202", "warning"), ("SA201", "warning")])


def test_selfassess_toml_changes_severity_and_ignores(project, capsys):
    (project / "selfassess.toml").write_text('ignore = ["SA202"]\n[severity]\nSA201 = "error"\n')
    assert rules_found(capsys) == (1, [("SA201", "error")])


def test_pyproject_tool_table_is_read(project, capsys):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.selfassess]\nselect = ["SA2"]\nignore = ["SA201"]\n'
    )
    assert rules_found(capsys) == (0, [("SA202", "warning")])


def test_a_pyproject_without_the_table_is_passed_over(project, capsys):
    (project / "assessments" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (project / "selfassess.toml").write_text('ignore = ["SA202"]\n')
    assert rules_found(capsys) == (0, [("SA201", "warning")])


def test_command_line_select_and_ignore_override(project, capsys):
    (project / "selfassess.toml").write_text('ignore = ["SA202"]\n')
    assert rules_found(capsys, "--select", "SA202") == (0, [])  # ignore in the file still applies
    assert rules_found(capsys, "--ignore", "SA201") == (0, [])
    assert rules_found(capsys, "--no-config") == (0, [("SA202", "warning"), ("SA201", "warning")])


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ('ignore = ["SA999"]\n', "'SA999' is not a rule"),
        ('ignor = ["SA202"]\n', "'ignor' is not a setting selfassess knows — did you mean 'ignore'?"),
        ('[severity]\nSA201 = "fatal"\n', "use error, warning or info"),
        ("ignore = [\n", "cannot be read as TOML"),
        ("[limits]\nmax-depth = 0\n", "whole number above 0"),
    ],
)
def test_a_configuration_that_cannot_be_used_stops_with_status_2(project, capsys, config, words):
    (project / "selfassess.toml").write_text(config)
    status = main(["check", "assessments"])
    _, err = capsys.readouterr()
    assert status == 2
    assert "selfassess.toml" in err and words in err


def test_a_waived_finding_is_listed_with_its_reason_and_does_not_count(project, capsys):
    path = project / "assessments" / "a.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    commentary: Each complaint is considered on its own merits.\n",
        "    commentary: Each complaint is considered on its own merits.\n"
        '    waive: {SA201: "Case files sampled by the internal auditor"}\n',
    )
    path.write_text(text.replace("dated: 2023-01-15", "dated: 2025-01-15"), encoding="utf-8")
    (project / "selfassess.toml").write_text('[severity]\nSA201 = "error"\n')
    status = main(["check", "assessments"])
    out = capsys.readouterr().out
    assert status == 0  # the only error is waived
    assert "SA201 error [2.5] Provision 2.5 is answered 'Yes' but cites no evidence" in out
    assert out.rstrip().endswith(
        "(waived: Case files sampled by the internal auditor)\nChecked 1 file: 1 waived."
    )
    main(["check", "--format", "json", "assessments"])
    [finding] = json.loads(capsys.readouterr().out)["findings"]
    assert finding["waived"] == "Case files sampled by the internal auditor"
    assert finding["rule"] == "SA201"


def test_evidence_file_behind_a_symlink_pointing_outside_is_reported_and_never_read(
    project, capsys, tmp_path_factory
):
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    outside.write_text("not for publication")
    (project / "assessments" / "evidence").mkdir()
    (project / "assessments" / "evidence" / "link.txt").symlink_to(outside)
    (project / "assessments" / "evidence" / "real.txt").write_text("training log")
    path = project / "assessments" / "a.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "    dated: 2023-01-15\n",
        "    dated: 2025-01-15\n  linked:\n    title: Linked\n    file: evidence/link.txt\n"
        "  real:\n    title: Training log\n    file: evidence/real.txt\n",
    )
    path.write_text(text, encoding="utf-8")
    main(["check", "--select", "SA203", "assessments"])
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "assessments/a.yaml:13:11: SA203 error The evidence file 'evidence/link.txt' lies outside the assessment's folder; copy it in, for example into evidence/.",
        "Checked 1 file: 1 error.",
    ]


def test_an_unreadable_file_can_never_pass(project, capsys):
    (project / "assessments" / "broken.yaml").write_text("code: hos-chc-2024\nresponses: [\n")
    main(["check", "--select", "SA3", "assessments"])
    assert "SA001 error" in capsys.readouterr().out  # selected away, and still run
    assert main(["check", "--ignore", "SA001", "assessments"]) == 2
    assert "SA001 cannot be ignored" in capsys.readouterr().err
    (project / "selfassess.toml").write_text('[severity]\nSA001 = "warning"\n')
    assert main(["check", "assessments"]) == 2
    assert "SA001 is always an error" in capsys.readouterr().err


def test_configuration_cannot_quieten_the_publish_gate(project, capsys):
    path = project / "assessments" / "a.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('  "8.2":', '  "8.9":', 1), encoding="utf-8")
    (project / "selfassess.toml").write_text('ignore = ["SA101", "SA102"]\n')
    assert main(["check", "assessments"]) == 0  # a local choice, for checking
    assert main(["render", "assessments/a.yaml"]) == 1  # but publishing uses the catalogue's own rules
    out = capsys.readouterr().out
    assert "SA101 error [8.2]" in out and "SA102 error [8.9]" in out


@pytest.mark.parametrize("rule", ["SA101", "SA102", "SA103", "SA503"])
def test_an_incomplete_or_unreadable_form_cannot_be_waived(project, capsys, rule):
    path = project / "assessments" / "a.yaml"
    text = path.read_text(encoding="utf-8").replace(
        '  "6.2":\n    answer: "Yes"', f'  "6.2":\n    answer: "Yes"\n    waive: {{{rule}: "We know"}}', 1
    )
    path.write_text(text, encoding="utf-8")
    main(["check", "--format", "json", "assessments"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert any(
        f["rule"] == "SA003" and f["message"] == f"{rule} cannot be waived: fix what it reports instead."
        for f in found
    )


def test_today_is_read_as_dates_in_files_are(project, capsys):
    assert main(["check", "--today", "01/08/2025", "--select", "SA501", "assessments"]) == 0
    assert main(["check", "--today", "2025-08-01", "--select", "SA501", "assessments"]) == 0
    with pytest.raises(SystemExit):
        main(["check", "--today", "31/11/2025", "assessments"])
    assert "'31/11/2025' does not exist" in capsys.readouterr().err


def test_a_rules_own_option_is_set_in_configuration_and_checked_against_the_rule(
    tmp_path, capsys, monkeypatch
):
    shutil.copytree(FIXTURES / "codes", tmp_path / "codes")
    shutil.copy(FIXTURES / "SA505" / "failing.yaml", tmp_path / "tracker.yaml")
    monkeypatch.chdir(tmp_path)
    main(["check", "--format", "json", "tracker.yaml"])
    assert [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]] == ["SA505", "SA505"]
    (tmp_path / "selfassess.toml").write_text("[rules.SA505]\ndays = 200\n")
    main(["check", "--format", "json", "tracker.yaml"])
    assert json.loads(capsys.readouterr().out)["findings"] == []  # 191 days is within 200
    for config, words in (
        ("[rules.SA505]\nweeks = 20\n", "[rules.SA505] has no option 'weeks' (its options: days)"),
        ('[rules.SA505]\ndays = "soon"\n', "[rules.SA505] days should be a whole number of days above 0"),
        ("[rules.SA999]\ndays = 3\n", "there is no rule SA999"),
    ):
        (tmp_path / "selfassess.toml").write_text(config)
        assert main(["check", "tracker.yaml"]) == 2
        assert words in capsys.readouterr().err


def test_a_waiver_of_a_rule_that_did_not_run_is_not_judged(capsys):
    """With SA201 ignored, nobody knows whether 2.5's waiver of it is still needed: no SA004 there."""
    fixture = Path(__file__).parent / "fixtures" / "SA004" / "failing.yaml"
    main(["check", "--format", "json", str(fixture)])
    every = {(f["rule"], f["provision"]) for f in json.loads(capsys.readouterr().out)["findings"]}
    assert {("SA004", "2.5"), ("SA004", "6.2")} <= every
    main(["check", "--format", "json", "--ignore", "SA201", str(fixture)])
    ignoring = {(f["rule"], f["provision"]) for f in json.loads(capsys.readouterr().out)["findings"]}
    assert ("SA004", "2.5") not in ignoring and ("SA004", "6.2") in ignoring
