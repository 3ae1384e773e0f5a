"""`selfassess complaints` and the log options of `check` and `report`, as a user meets them."""

from __future__ import annotations

import shutil

import openpyxl

from selfassess.cli import main

from .helpers import EXAMPLE_LOG, REPO

EXAMPLE = REPO / "assessments" / "example-homes-2025.yaml"


def test_the_done_when_command_prints_ch01_ch02_and_the_late_cases(capsys):
    assert main(["complaints", str(EXAMPLE_LOG), "--homes", "4200"]) == 0
    out = capsys.readouterr().out
    for said in ("CH01", "CH02", "Late cases", "By quarter", "By month", "Late responses, by how late"):
        assert said in out
    # a late case by its reference: due on Christmas Eve, answered 20 working days later (Christmas out)
    assert (
        "FH-2412-0301     received 6 December 2024, due 24 December 2024, responded 24 January 2025: 20"
        in out
    )


def test_a_year_chosen_and_the_tenures_apart(capsys):
    assert main(["complaints", str(EXAMPLE_LOG), "--from", "2024-04-01", "--to", "2024-06-30",
                 "--homes-lcra", "3900", "--homes-lcho", "300", "--today", "2025-05-20"]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "1 April 2024 to 30 June 2024" in out and "LCRA" in out and "LCHO" in out
    assert main(["complaints", str(EXAMPLE_LOG), "--from", "2024-04-01"]) == 2
    assert "give both --from and --to" in capsys.readouterr().err


def test_the_workbook(tmp_path, capsys):
    out = tmp_path / "figures.xlsx"
    assert main(["complaints", str(EXAMPLE_LOG), "--homes", "4200", "--format", "xlsx", "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Summary", "By month", "Late cases", "Rows to correct"]
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["CH02 stage 1 % within the Code's timescales"] == 86.9
    assert summary["CH01 stage 1 per 1,000 homes"] == 102.4
    assert book["Late cases"].max_row > 50


def test_check_with_the_log_finds_the_contradicted_yes(capsys):
    assert main(["check", str(EXAMPLE), "--log", str(EXAMPLE_LOG), "--no-config"]) == 0
    out = capsys.readouterr().out
    assert "SA406 warning [6.2] Provision 6.2 is answered 'Yes', but 6 of 429 stage 1 acknowledgements" in out
    assert main(["check", str(EXAMPLE), "--log", "no-such.csv"]) == 2


def test_an_assessment_names_its_log_inside_its_folder(tmp_path, capsys):
    folder = tmp_path / "assessments"
    (folder / "evidence").mkdir(parents=True)
    text = EXAMPLE.read_text(encoding="utf-8")
    shutil.copy(EXAMPLE_LOG, folder / "evidence" / "complaints.csv")
    shutil.copy(
        REPO / "assessments" / "evidence" / "complaint-handling-training-2024-25.csv", folder / "evidence"
    )
    (folder / "ours.yaml").write_text(text + "complaints_log: evidence/complaints.csv\n", encoding="utf-8")
    assert main(["check", str(folder / "ours.yaml"), "--no-config"]) == 0
    assert "SA406" in capsys.readouterr().out
    (folder / "ours.yaml").write_text(text + "complaints_log: ../elsewhere.csv\n", encoding="utf-8")
    assert main(["check", str(folder / "ours.yaml"), "--no-config"]) == 1
    assert "SA701 error The complaints log '../elsewhere.csv' lies outside" in capsys.readouterr().out
    # publishing the form does not read it
    assert main(["render", str(folder / "ours.yaml"), "-o", str(tmp_path / "form.html")]) == 0


def test_the_workbook_holds_what_the_code_and_the_log_are_called_as_text(tmp_path, capsys, monkeypatch):
    """A control character in the code's title once stopped the workbook ("cannot be used in
    worksheets"); a log whose name starts with '=' was written as a formula for Excel to run."""
    (tmp_path / "codes").mkdir()
    code = (REPO / "codes" / "hos-chc-2024.yaml").read_text(encoding="utf-8")
    assert "title: Complaint Handling Code\n" in code
    code = code.replace("title: Complaint Handling Code\n", 'title: "Complaint Handling\\x0cCode"\n', 1)
    (tmp_path / "codes" / "hos-chc-2024.yaml").write_text(code, encoding="utf-8")
    shutil.copy(EXAMPLE_LOG, tmp_path / "=1+1.csv")
    monkeypatch.chdir(tmp_path)
    status = main(["complaints", "=1+1.csv", "--codes", "codes", "--homes", "4200", "--format", "xlsx",
                   "-o", "figures.xlsx"])  # fmt: skip
    assert status == 0, capsys.readouterr()
    book = openpyxl.load_workbook(tmp_path / "figures.xlsx")
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Code"] == "Complaint Handling\ufffdCode (hos-chc-2024)"
    assert summary["Log"] == "=1+1.csv"
    formulas = [
        cell.coordinate
        for sheet in book
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []
