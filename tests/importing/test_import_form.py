"""`selfassess import` of the five-column form: Westminster's published self-assessment, built as
Word, Excel, CSV and TSV from the repository's transcription, comes back as that transcription."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.importing import builders
from tests.importing.helpers import (
    OFFICE_KINDS,
    SAVED_BY_OFFICE,
    assert_nothing_lost,
    responses,
    run_import,
    saved_by_office,
)

KINDS = ["docx", "xlsx", "csv", "tsv", *OFFICE_KINDS]

ORGANISATION = ["--organisation", "Westminster City Council", "--assessed-on", "2024-10-22"]


def _build(kind: str, folder: Path) -> Path:
    tables = builders.westminster_form()
    if kind in SAVED_BY_OFFICE:
        return saved_by_office(_build(kind.split("-")[0], folder), kind)
    if kind == "docx":
        return builders.write_docx(tables, folder / "westminster.docx")
    if kind == "xlsx":
        return builders.write_xlsx(tables, folder / "westminster.xlsx")
    return builders.write_delimited(tables, folder / f"westminster.{kind}", "\t" if kind == "tsv" else ",")


@pytest.mark.parametrize("kind", KINDS)
def test_the_form_comes_back_as_the_transcription(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _build(kind, tmp_path)
    status, out, err = run_import(capsys, source, "hos-chc-2024", *ORGANISATION)
    assert status == 1  # 2.5 is answered 'YAC', as Westminster published it: an error for the check
    written = source.with_suffix(".yaml").read_text(encoding="utf-8")
    expected = responses((builders.REPO / "assessments/westminster-2024.yaml").read_text(encoding="utf-8"))
    got = responses(written)
    assert list(got) == list(expected)
    for number, response in expected.items():
        assert got[number]["answer"] == response["answer"], number
        assert got[number]["evidence"] == response["evidence"], number
        assert got[number]["commentary"] == response["commentary"], number
    assert "SA103 error [2.5] Answer 'YAC' is not one of Yes, No, Partial, N/A — did you mean 'Yes'?" in out
    assert "Wrote " in err and "72 of 72 provisions answered." in err
    assert "could not place" not in written


@pytest.mark.parametrize("kind", KINDS)
def test_nothing_in_the_tables_is_lost(kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _build(kind, tmp_path)
    run_import(capsys, source, "hos-chc-2024", *ORGANISATION)
    assert_nothing_lost(builders.westminster_form(), source.with_suffix(".yaml").read_text(encoding="utf-8"))


def test_the_file_reads_like_one_written_by_hand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _build("docx", tmp_path)
    _, _, err = run_import(capsys, source, "hos-chc-2024", *ORGANISATION)
    text = source.with_suffix(".yaml").read_text(encoding="utf-8")
    assert "imported from westminster.docx by 'selfassess import'" in " ".join(text.replace("#", "").split())
    assert "organisation: Westminster City Council\nassessed_on: 2024-10-22\n" in text
    # the register: one short key for each title, the organisation's name left out of it
    assert (
        "  corporate-complaints-policy:\n    title: Corporate complaints policy Westminster City Council\n"
        in text
    )
    assert "    url: https://www.westminster.gov.uk/housing/claiming-compensation\n" in text
    # the Code's requirement above each response, the section as a heading
    assert "  # Section 6: Complaint stages\n" in text
    assert "  # 6.3 [Stage 1] Landlords must issue a full response to stage 1 complaints within 10" in text
    # a list and paragraphs kept as Markdown
    assert (
        "      This information is provided in our complaints policy is available in a range of formats including:\n\n      - A full PDF version on the website\n      - A summary"
        in text
    )
    assert "specific elements of this.\n\n      They have also completed" in text
    # the cover table, which holds no answers, is named on stderr and left out
    assert (
        "westminster.docx: table 1 has none of the columns selfassess looks for, so it was left out.\n" in err
    )


def test_a_form_with_its_action_plan_beside_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "plan.csv"
    source.write_text(
        "Ref,Requirement,Comply?,Evidence,Commentary,Action,Owner,Target date\n"
        "6.3,,Partial,Performance report,Late in Q1.,Automated reminders,Head of Complaints,30/09/2025\n",
        encoding="utf-8",
    )
    run_import(
        capsys, source, "hos-chc-2024", "--organisation", "Fenbrook Homes", "--assessed-on", "2025-05-01"
    )
    data = yaml.safe_load(source.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert data["responses"]["6.3"]["actions"] == [
        {"action": "Automated reminders", "owner": "Head of Complaints", "due": "30/09/2025"}
    ]


def test_a_csv_saved_by_excel_in_the_windows_code_page_with_semicolons(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "form.csv"
    source.write_bytes(
        "Code provision;Comply?;Commentary\n1.2;Yes;The Code’s wording, word for word.\n".encode("cp1252")
    )
    run_import(capsys, source, "hos-chc-2024")
    data = yaml.safe_load(source.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert data["responses"]["1.2"]["commentary"] == "The Code’s wording, word for word."


def test_excels_unicode_text_saved_as_tsv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Excel's "Unicode Text" is UTF-16 with a byte-order mark, one tab between cells."""
    source = tmp_path / "form.tsv"
    source.write_bytes(
        "Code provision\tComply?\tCommentary\r\n1.2\tYes\tThe Code’s wording.\r\n".encode("utf-16")
    )
    run_import(capsys, source, "hos-chc-2024")
    data = yaml.safe_load(source.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert data["responses"]["1.2"] == {"answer": "Yes", "evidence": [], "commentary": "The Code’s wording."}


def test_a_formula_no_program_computed_is_kept_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A workbook written by a program other than Excel may store a formula with no value: the
    formula is then the only text the cell has, and it is kept rather than dropped."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Code provision", "Comply?", "Commentary"])
    sheet.append(["1.2", "Yes", '="Our definition is the Code\'s, "&"word for word."'])
    source = tmp_path / "form.xlsx"
    book.save(source)
    run_import(capsys, source, "hos-chc-2024")
    data = yaml.safe_load(source.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert data["responses"]["1.2"]["commentary"] == '="Our definition is the Code\'s, "&"word for word."'
