"""Reading logs as systems export them, and as people damage them: every bad row reported at its
row and column, never dropped, never a traceback; the headings found, or named in selfassess.toml."""

from __future__ import annotations

import json
from datetime import datetime

import openpyxl
import pytest

from selfassess.cli import main
from selfassess.complaints.problems import Kind
from selfassess.complaints.reading import read_log
from selfassess.load.config import ConfigError, parse_config

from .helpers import EXAMPLE_LOG, judged, write_log

HEADINGS = ["Reference", "Stage", "Date received", "Date acknowledged", "Date responded", "Extension"]


def test_a_hostile_log_has_every_bad_row_reported_with_its_row_and_column(tmp_path):
    rows = [
        ["H-1", "1", "02/04/2024", "04/04/2024", "18/04/2024", ""],  # fine
        ["H-2", "1", "31/02/2024", "04/03/2024", "14/03/2024", ""],  # 31 February
        ["H-3", "1", "not a date", "04/04/2024", "18/04/2024", ""],  # unreadable
        ["H-4", "1", "12/04/2024", "15/04/2024", "02/04/2024", ""],  # answered before received
        ["H-5", "3", "02/04/2024", "04/04/2024", "18/04/2024", ""],  # no stage 3
        ["H-1", "1", "02/04/2024", "04/04/2024", "18/04/2024", ""],  # H-1 again at stage 1
        ["H-7", "2", "02/05/2024", "03/05/2024", "20/05/2024", ""],  # stage 2, no stage 1
        ["H-8", "1", "02/04/2024", "04/04/2024", "", "forever"],  # an extension that is not one
        ["H-9", "1", "02/04/2024", "04/04/2024", "", "25"],  # beyond the Code
        ["", "1", "02/04/2024", "04/04/2024", "18/04/2024", ""],  # no reference
        ["H-11", "", "02/04/2024", "04/04/2024", "18/04/2024", ""],  # no stage
        ["H-12", "1", "", "04/04/2024", "18/04/2024", ""],  # no date received
        ["H-13", "1", "02/04/2051", "04/04/2051", "", ""],  # past the known bank holidays
        ["H-14", "1", "02/04/2024", "04/04/2024", "18/04/2024"],  # a short row: still read
    ]
    log = judged(write_log(tmp_path / "log.csv", HEADINGS, rows))
    found = sorted((p.row, p.column, p.kind) for p in log.problems)
    assert found == [
        (3, 3, Kind.UNREADABLE_VALUE),
        (4, 3, Kind.UNREADABLE_VALUE),
        (5, 5, Kind.IMPOSSIBLE_SEQUENCE),
        (6, 2, Kind.UNREADABLE_VALUE),
        (7, 1, Kind.DUPLICATE_REFERENCE),
        (8, 1, Kind.IMPOSSIBLE_SEQUENCE),
        (9, 6, Kind.UNREADABLE_VALUE),
        (10, 6, Kind.EXTENSION_BEYOND_CODE),
        (11, 1, Kind.UNREADABLE_VALUE),
        (12, 2, Kind.UNREADABLE_VALUE),
        (13, 3, Kind.UNREADABLE_VALUE),
        (14, 3, Kind.UNREADABLE_VALUE),
        (14, 4, Kind.UNREADABLE_VALUE),
    ]
    assert log.raw.size == len(rows)  # none dropped
    # not judged: H-2, H-3 and H-12 (no usable date received), H-4 (impossible order), H-5 and H-11
    # (no stage), H-8 (an unreadable extension), H-13 (2051); H-7 is judged, and reported
    assert log.unjudged_rows == 8


def test_the_command_reports_them_as_check_does_and_exits_1(tmp_path, capsys):
    rows = [
        ["H-1", "1", "31/02/2024", "", "", ""],
        ["H-2", "1", "02/04/2024", "04/04/2024", "18/04/2024", ""],
    ]
    log = write_log(tmp_path / "log.csv", HEADINGS, rows)
    assert main(["complaints", str(log), "--format", "json", "--today", "2025-05-20"]) == 1
    shown = json.loads(capsys.readouterr().out)
    assert shown["findings"][0] == {
        "rule": "SA702", "severity": "error", "provision": None,
        "message": "The date received '31/02/2024' does not exist.",
        "path": log.as_posix(), "line": 2, "column": 3,
    }  # fmt: skip
    assert shown["complaints"]["rows_not_judged"] == 1


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "The log is empty"),
        (b"Name,Address\nAnn,1 Mill Lane\n", "No column of the log is headed as the complaint's reference"),
        (b"Reference,Date Recieved\nC-1,02/04/2024\n", "did you mean 'Date Recieved'?"),
        (b"Reference,Received,Date received\nC-1,02/04/2024,02/04/2024\n", "Two columns are headed"),
        (b"\x00\x01\x02\xff\xfe\x00garbage", "No column"),
    ],
)
def test_a_log_that_cannot_be_read_says_why_in_one_finding(tmp_path, capsys, content, said):
    (tmp_path / "log.csv").write_bytes(content)
    assert main(["complaints", str(tmp_path / "log.csv"), "--today", "2025-05-20"]) == 1
    out = capsys.readouterr().out
    assert "SA701 error" in out and said in out and "Traceback" not in out


def test_a_damaged_workbook_and_a_file_of_another_kind(tmp_path, capsys):
    (tmp_path / "log.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    assert main(["complaints", str(tmp_path / "log.xlsx")]) == 1
    assert "cannot be read as an Excel workbook" in capsys.readouterr().out
    (tmp_path / "log.docx").write_bytes(b"x")
    assert main(["complaints", str(tmp_path / "log.docx")]) == 1
    assert "is not a .csv or .xlsx file" in capsys.readouterr().out
    assert main(["complaints", str(tmp_path / "missing.csv")]) == 2


def test_headings_below_a_title_semicolons_a_byte_order_mark_and_the_windows_code_page(tmp_path):
    text = (
        "Complaints report;;;\n\nRef;Date Received;Date Acknowledged;Stage 1 Response Date;Notes\n"
        'C-1;02/04/2024;04/04/2024;18/04/2024;"Resident said £50, then\nrang again"\n'
        "\n"
        "C-2;02/04/2024;04/04/2024;31/04/2024;\n"
    )
    (tmp_path / "log.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "windows.csv").write_bytes(text.encode("cp1252"))
    for name in ("log.csv", "windows.csv"):
        log = judged(tmp_path / name)
        assert log.raw.columns is not None and log.raw.columns.heading_row == 3
        # the quoted note's line break keeps C-1 one row; the blank row is counted, not read
        assert [(p.row, p.column) for p in log.problems] == [(6, 4)]
        assert log.raw.references == ["C-1", "C-2"]


def test_a_workbook_is_read_like_a_csv_file_with_its_own_row_numbers(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Complaints exported 20/05/2025"])
    sheet.append(
        ["Case Reference", "Resident", "Date Received", "Date Acknowledged", "Response Date", "Extension"]
    )
    sheet.append(["W-1", "Ann", datetime(2024, 4, 2), datetime(2024, 4, 4), datetime(2024, 4, 18), None])
    sheet.append([])
    sheet.append(["W-2", "Bob", "31/02/2024", datetime(2024, 4, 4), datetime(2024, 4, 19), 10.0])
    book.save(tmp_path / "log.xlsx")
    log = judged(tmp_path / "log.xlsx")
    assert [(p.row, p.column, p.kind) for p in log.problems] == [(5, 3, Kind.UNREADABLE_VALUE)]
    assert log.raw.rows.tolist() == [3, 5]
    assert int(log.raw.stages[0].extension_days[1]) == 10


def test_columns_named_in_the_configuration(tmp_path):
    rows = [["C-1", "02/04/2024", "04/04/2024", "18/04/2024"]]
    path = write_log(tmp_path / "log.csv", ["Case", "Logged On", "Acked", "Closed On"], rows)
    named = {"reference": "Case", "received": "Logged On", "acknowledged": "Acked", "responded": "Closed On"}
    raw = read_log(path, "log.csv", named)
    assert raw.columns is not None and set(raw.columns.found) == set(named)
    wrong = read_log(path, "log.csv", {**named, "responded": "Closed"})
    assert "no column of the log is headed so — did you mean 'Closed On'?" in wrong.problems[0].message
    with pytest.raises(ConfigError, match="did you mean 'received'"):
        parse_config(tmp_path / "selfassess.toml", {"complaints": {"columns": {"recieved": "Logged On"}}})
    (tmp_path / "selfassess.toml").write_text(
        '[complaints.columns]\nreference = "Case"\nreceived = "Logged On"\n'
    )
    assert main(["complaints", str(path), "--today", "2025-05-20"]) == 0


def test_the_example_log_agrees_with_what_fenbrooks_assessment_says(capsys):
    """6.3's commentary: 358 of 412 stage 1 responses in time; 6.14's: all 71 at stage 2."""
    assert main(["complaints", str(EXAMPLE_LOG), "--homes", "4200", "--today", "2025-05-20"]) == 0
    out = capsys.readouterr().out
    assert "Stage 1: 358 of 412 responses (86.9%) within 10 working days" in out
    assert "Stage 2: 71 of 71 responses (100.0%) within 20 working days" in out
    assert "Stage 1: 430 received; 102.4 per 1,000 homes (4,200 homes)" in out
    assert "Late cases (57)" in out  # the 54 late responses, and 3 complaints still open past their limit
    assert "Still open past their limit on 20 May 2025: stage 1: 3, stage 2: 0" in out
