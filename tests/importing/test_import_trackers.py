"""`selfassess import` of councils' trackers in their own columns: Westminster's Policy and Scrutiny
tracker as a Word table, Oxfordshire's recommendation trackers as a workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.importing import builders
from tests.importing.helpers import assert_nothing_lost, responses, run_import


def _paragraphs(text: str | None) -> list[str]:
    """Commentary's paragraphs, each on one line: the transcription wraps them by hand."""
    return [" ".join(part.split()) for part in (text or "").split("\n\n")]


def test_the_wcc_tracker_in_its_own_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = builders.write_docx(builders.wcc_tracker(), tmp_path / "tracker.docx", cover=False)
    status, out, err = run_import(
        capsys,
        source,
        "wcc-policy-scrutiny-2023",
        "--organisation",
        "Westminster City Council",
        "--assessed-on",
        "2024-02-01",
    )
    assert status == 0, out + err
    assert out == "Checked 1 file: no findings.\n"
    written = source.with_suffix(".yaml").read_text(encoding="utf-8")
    expected = responses(
        (builders.REPO / "assessments/wcc-policy-scrutiny-2023.yaml").read_text(encoding="utf-8")
    )
    assert responses(written) == expected
    assert_nothing_lost(builders.wcc_tracker(), written)
    # what has no field of its own stays beside the recommendation, headed as the tracker heads it
    assert "  # Item: Housing Compensations Policy 12.12.23\n" in written
    assert "  # Recommendation Information Action: Information\n" in written


def test_oxfordshire_workbook_answer_and_response_in_one_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheets = builders.oxfordshire_tracker()
    source = builders.write_workbook(sheets, tmp_path / "tracker.xlsx")
    status, out, err = run_import(
        capsys,
        source,
        "oxfordshire-pcs-scrutiny-2024",
        "--organisation",
        "Oxfordshire County Council",
        "--assessed-on",
        "2025-02-05",
    )
    assert status == 0, out + err  # the update tracker's rows await a response: warnings only
    written = source.with_suffix(".yaml").read_text(encoding="utf-8")
    expected = responses(
        (builders.REPO / "assessments/oxfordshire-pcs-scrutiny-2024.yaml").read_text(encoding="utf-8")
    )
    got = responses(written)
    assert list(got) == list(expected)
    for number, response in expected.items():
        assert got[number]["answer"] == response["answer"], number
        assert got[number]["lead"] == response["lead"], number
        assert _paragraphs(got[number]["commentary"]) == _paragraphs(response["commentary"]), number
    assert_nothing_lost([table for _, table in sheets], written)
    # an Excel date is written as a date; the recommendation split over two rows is one
    assert "  # Meeting date: 2024-11-15\n" in written
    assert "could not place" not in written


def test_a_closing_date_column_becomes_closed_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = builders.wcc_tracker()[0]
    table.rows[0].append("Date completed")
    for row in table.rows[1:]:
        row.append("")
    table.rows[1][-1] = "01.02.24"
    source = builders.write_docx([table], tmp_path / "tracker.docx", cover=False)
    run_import(capsys, source, "wcc-policy-scrutiny-2023")
    data = yaml.safe_load(source.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert data["responses"]["1"]["closed_on"] == "01.02.24"  # as written, for the loader to read
    assert "closed_on" not in data["responses"]["2"]


def test_future_of_westminster_numbers_that_start_again_in_each_part(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tables = builders.future_of_westminster()
    source = builders.write_docx(tables, tmp_path / "responses.docx", cover=False)
    status, out, err = run_import(
        capsys,
        source,
        "future-of-westminster-2023",
        "--organisation",
        "Westminster City Council",
        "--assessed-on",
        "2023-06-20",
    )
    assert status == 0, out + err  # rows with no response yet: warnings only
    assert "122 of 122 provisions answered." in err
    written = source.with_suffix(".yaml").read_text(encoding="utf-8")
    transcription = yaml.safe_load(
        (builders.REPO / "assessments/future-of-westminster-2023.yaml").read_text(encoding="utf-8")
    )["responses"]
    got = yaml.safe_load(written)["responses"]
    assert list(got) == list(transcription)  # every "1." under the part it is printed in
    for number, response in transcription.items():
        assert got[number].get("answer") == response.get("answer"), number
        assert _paragraphs(got[number].get("commentary")) == _paragraphs(response.get("commentary")), number
        assert got[number].get("lead") == response.get("lead"), number
        assert got[number].get("supporting", []) == response.get("supporting", []), number
    assert_nothing_lost(tables, written)
    assert "could not place" not in written
    # the same findings as on the transcription: the rows still awaiting a response
    assert out.count("SA507") == 64 and out.endswith("Checked 1 file: 64 warnings.\n")
