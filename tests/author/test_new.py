"""`selfassess new`: every provision listed with its requirement above it, every answer empty."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from selfassess.cli import main
from selfassess.load.codes import CodeLibrary

REPO = Path(__file__).resolve().parents[2]


def _check(path: Path) -> list[dict]:
    done = subprocess.run(
        [sys.executable, "-m", "selfassess", "check", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(done.stdout)["findings"]


def test_every_provision_is_a_gap_at_its_empty_answer(tmp_path: Path) -> None:
    out = tmp_path / "assessments" / "fenbrook-2026.yaml"
    code = CodeLibrary().find("hos-chc-2024", REPO).code
    assert (
        main(
            [
                "new",
                "hos-chc-2024",
                "-o",
                str(out),
                "--organisation",
                "Fenbrook Homes",
                "--assessed-on",
                "2026-05-01",
            ]
        )
        == 0
    )
    findings = _check(out)
    assert {f["rule"] for f in findings} == {"SA101"}
    assert [f["provision"] for f in findings] == list(code.provisions)
    lines = out.read_text(encoding="utf-8").splitlines()
    for finding in findings:  # each gap points at its own `answer:`, under its requirement
        assert lines[finding["line"] - 1].strip() == "answer:"
        assert lines[finding["line"] - 2].strip().startswith(f"'{finding['provision']}':")
    text = out.read_text(encoding="utf-8")
    assert (
        "# 6.3 [Stage 1] Landlords must issue a full response to stage 1 complaints within 10 working days"
        in text
    )
    assert "  #   g) " in text  # 6.9's lettered items, each on a line of its own
    assert "organisation: Fenbrook Homes\nassessed_on: 2026-05-01\n" in text


def test_without_organisation_and_date_the_check_asks_for_them(tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    assert main(["new", "wcc-policy-scrutiny-2023", "-o", str(out)]) == 0
    findings = _check(out)
    lines = out.read_text(encoding="utf-8").splitlines()
    at = lines.index("organisation:") + 1
    assert [(f["rule"], f["line"], f["column"]) for f in findings if f["rule"] == "SA001"] == [
        ("SA001", at, 14),
        ("SA001", at + 1, 13),
    ]
    # ... and everything that does not need them is still checked: every item still to answer
    assert {f["rule"] for f in findings} == {"SA001", "SA507"}
    assert "    lead:" in lines  # a tracker's response has a lead, not evidence


def test_never_overwrites_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mine.yaml"
    out.write_text("code: hos-chc-2024\n# my answers\n", encoding="utf-8")
    assert main(["new", "hos-chc-2024", "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "code: hos-chc-2024\n# my answers\n"
    assert main(["new", "hos-chc-2024", "-o", str(out), "--force"]) == 0
    assert "responses:" in out.read_text(encoding="utf-8")


def test_schema_line_when_the_repository_has_the_schema(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "hos-chc-2024-assessment.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "assessments" / "a.yaml"
    assert main(["new", "hos-chc-2024", "-o", str(out)]) == 0
    first = out.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/hos-chc-2024-assessment.json"


def test_no_schema_line_and_no_advice_in_a_plain_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "a.yaml"
    assert main(["new", "hos-chc-2024", "-o", str(out)]) == 0
    assert "yaml-language-server" not in out.read_text(encoding="utf-8")
    assert capsys.readouterr().err == "Wrote " + str(out) + ": 72 provisions to answer.\n"


def test_advice_where_the_repository_is_set_up_for_an_editor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".vscode").mkdir()
    out = tmp_path / "assessments" / "a.yaml"
    assert main(["new", "hos-chc-2024", "-o", str(out)]) == 0
    assert "selfassess schema assessment --code hos-chc-2024" in capsys.readouterr().err


def test_unknown_code_names_those_known(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "hos-chc-2023", "-o", str(tmp_path / "a.yaml")]) == 2
    err = capsys.readouterr().err
    assert "no readable code 'hos-chc-2023'" in err and "hos-chc-2024" in err
    assert not (tmp_path / "a.yaml").exists()
