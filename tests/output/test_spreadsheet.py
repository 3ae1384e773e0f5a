"""Findings as a spreadsheet (`check --format csv|xlsx`) and the JSON's totals."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from selfassess.cli import main

REPO = Path(__file__).parents[2]
FILES = ("tests/check/fixtures/acceptance/fenbrook-2025.yaml", "tests/check/fixtures/SA003/passing.yaml")
HEADING = ["File", "Line", "Column", "Organisation", "Provision", "Rule", "Severity", "Message", "Waived"]


def check(capsys, *arguments: str) -> tuple[int, str, str]:
    status = main(["check", "--no-config", *arguments])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def hostile(tmp_path: Path) -> Path:
    """The SA003 fixture as a landlord whose name and waiver reason a spreadsheet would take for
    formulas: opening the findings must never run them."""
    folder = tmp_path / "hostile" / "SA003"
    shutil.copytree(REPO / "tests/check/fixtures/SA003", folder)
    shutil.copytree(REPO / "tests/check/fixtures/codes", folder.parent / "codes")
    text = (folder / "passing.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "organisation: Fenbrook Homes", 'organisation: \'=HYPERLINK("http://evil.example","Fenbrook")\''
    )
    text = text.replace('"Case files sampled', '"-2+3 Case files sampled')
    (folder / "passing.yaml").write_text(text, encoding="utf-8")
    return folder / "passing.yaml"


def test_csv_one_row_a_finding_with_bom_and_organisation(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    status, out, _ = check(capsys, "--format", "csv", *FILES)
    assert status == 1
    assert out.startswith("\ufeff")  # Excel reads UTF-8 only with it
    rows = list(csv.reader(io.StringIO(out[1:])))
    assert rows[0] == HEADING
    _, shown, _ = check(capsys, "--format", "json", *FILES)
    findings = json.loads(shown)["findings"]
    assert len(rows) - 1 == len(findings) == 74
    yac = next(row for row in rows if row[5] == "SA103")
    assert yac == [
        FILES[0], "14", "13", "Fenbrook Homes", "2.5", "SA103", "error", yac[7], "",
    ]  # fmt: skip
    assert "'YAC'" in yac[7]
    waived = next(row for row in rows[1:] if row[8])
    assert waived[:6] == [FILES[1], waived[1], waived[2], "Fenbrook Homes", "2.5", "SA201"]
    assert waived[8] == "Case files sampled by the internal auditor in March 2025; not published"


def test_csv_keeps_formulas_as_text(capsys, tmp_path):
    status, out, _ = check(capsys, "--format", "csv", str(hostile(tmp_path)))
    rows = list(csv.reader(io.StringIO(out[1:])))
    assert status == 0
    (row,) = rows[1:]
    assert row[3] == '\'=HYPERLINK("http://evil.example","Fenbrook")'
    assert row[8] == "'-2+3 Case files sampled by the internal auditor in March 2025; not published"


def test_xlsx_written_with_o_filtered_frozen_and_formulas_kept_as_text(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    out = tmp_path / "findings.xlsx"
    status, printed, said = check(capsys, "--format", "xlsx", "-o", str(out), *FILES, str(hostile(tmp_path)))
    assert status == 1 and printed == ""
    assert said == f"Wrote {out.as_posix()}.\n"
    sheet = load_workbook(out)["Findings"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == HEADING and len(rows) == 1 + 74 + 1
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:I76"
    assert sheet.column_dimensions["H"].width == 90
    (evil,) = [row for row in rows if row[0].endswith("hostile/SA003/passing.yaml")]
    assert evil[3] == '=HYPERLINK("http://evil.example","Fenbrook")'
    where = rows.index(evil) + 1
    assert sheet.cell(row=where, column=4).data_type == "s"  # text, not a formula


def test_xlsx_refused_on_a_terminal(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    status, out, err = check(capsys, "--format", "xlsx", *FILES)
    assert status == 2 and out == ""
    assert err == (
        "selfassess check: error: a workbook cannot be shown on the screen; give the file to write it "
        "to, e.g. -o findings.xlsx\n"
    )


def test_output_never_over_a_file_checked(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    status, _, err = check(capsys, "--format", "csv", "-o", FILES[1], *FILES)
    assert status == 2 and "is the file being read" in err


def test_json_gains_totals_per_file_and_per_rule_keeping_every_field(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    _, out, _ = check(capsys, "--format", "json", *FILES)
    shown = json.loads(out)
    assert list(shown)[:3] == ["version", "checked", "findings"]
    assert shown["totals"]["files"][FILES[1]] == {"error": 0, "warning": 0, "info": 0, "waived": 1}
    assert shown["totals"]["files"][FILES[0]] == {"error": 72, "warning": 1, "info": 0, "waived": 0}
    assert shown["totals"]["rules"]["SA101"] == {"error": 68, "warning": 0, "info": 0, "waived": 0}
    assert sum(sum(counts.values()) for counts in shown["totals"]["rules"].values()) == len(shown["findings"])
    assert shown["organisations"] == {FILES[0]: "Fenbrook Homes", FILES[1]: "Fenbrook Homes"}


def office_csv(source: Path, tmp_path: Path) -> list[list[str]]:
    """`source` opened by LibreOffice Calc and saved as CSV (UTF-8), read back. A CSV file is opened
    as its text import dialog would be filled in: comma-separated, double quotes, UTF-8 (headless,
    Calc cannot ask, and would otherwise take the system's character set), quoted fields as text."""
    office = shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = tmp_path / "office"
    profile = (tmp_path / "office-profile").as_uri()
    subprocess.run(
        [office, f"-env:UserInstallation={profile}", "--headless", "--infilter=CSV:44,34,76,1,,2057,true,false", "--convert-to",
         "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    saved = out / f"{source.stem}.csv"
    return list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))


@pytest.mark.slow
def test_calc_opens_the_csv_and_the_workbook_cleanly(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    _, out, _ = check(capsys, "--format", "csv", *FILES)
    written = tmp_path / "findings.csv"
    written.write_text(out, encoding="utf-8", newline="")
    expected = list(csv.reader(io.StringIO(out[1:])))
    from_csv = office_csv(written, tmp_path / "a")
    assert from_csv[0] == HEADING
    assert len(from_csv) == len(expected) == 75
    assert [row[3] for row in from_csv[1:]] == ["Fenbrook Homes"] * 74  # UTF-8 read as UTF-8, no mojibake
    assert [row[7] for row in from_csv] == [row[7] for row in expected]
    workbook = tmp_path / "findings.xlsx"
    check(capsys, "--format", "xlsx", "-o", str(workbook), *FILES)
    from_xlsx = office_csv(workbook, tmp_path / "b")
    assert from_xlsx == from_csv


def test_text_written_with_o_has_no_colour(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    out = tmp_path / "findings.txt"
    status, printed, said = check(capsys, "--colour", "always", "-o", str(out), FILES[0])
    assert status == 1 and printed == "" and said == f"Wrote {out.as_posix()}.\n"
    written = out.read_text(encoding="utf-8")
    assert "\x1b[" not in written and "SA103" in written
