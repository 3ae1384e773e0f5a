"""The summary's workbook opened by LibreOffice Calc: every sheet read back as written."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from selfassess.cli import main

pytestmark = pytest.mark.slow

REPO = Path(__file__).parents[2]
#: Comma, double quotes, UTF-8, from the first line; the last token (-1) writes every sheet.
EVERY_SHEET = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def shown(value: object) -> str:
    """A cell as Calc writes it to CSV: whole numbers without a decimal point."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def test_calc_opens_every_sheet_of_the_summary(tmp_path, capsys, monkeypatch):
    office = shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    monkeypatch.chdir(REPO)
    workbook = tmp_path / "summary.xlsx"
    assert main(["summary", "--no-config", "assessments/", "--format", "xlsx", "-o", str(workbook)]) == 0
    capsys.readouterr()
    out = tmp_path / "office"
    subprocess.run(
        [office, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", EVERY_SHEET, "--outdir", str(out), str(workbook)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    book = load_workbook(workbook)
    assert len(book.sheetnames) == 5
    for sheet in book.worksheets:
        saved = out / f"summary-{sheet.title}.csv"
        read_back = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8"))))
        written = [[shown(cell.value) for cell in row] for row in sheet.iter_rows()]
        assert read_back == written, sheet.title
    provisions = list(csv.reader(io.StringIO((out / "summary-Provisions.csv").read_text(encoding="utf-8"))))
    assert ["hos-chc-2024", "5.10", "2", "1", "1", "0", "0", "0", "50", "50", "0", "0", "0"] in provisions
