"""`selfassess import` when the document is not what it should be: rows it cannot place, a table it
does not know, a damaged file, and commands that are wrong."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml

from selfassess.cli import main
from selfassess.importing.archive import MAX_TEXT_BYTES
from selfassess.importing.tables import MAX_ROWS
from tests.importing import builders
from tests.importing.builders import FORM_HEADER, Table
from tests.importing.helpers import UNPLACED_MARK, assert_nothing_lost, responses, run_import


def _awkward() -> list[Table]:
    """A form with a note before its first provision, numbers written loosely, a number the Code
    does not have, an answer outside its vocabulary, and 6.3 answered twice."""
    return [
        Table(
            [
                [
                    "Provision",
                    "Requirement",
                    "Compliance (Yes/No/Partial)",
                    "Evidence / reference",
                    "Explanation",
                ],
                ["", "Our approach", "", "", "This table was updated by the complaints team in May."],
                [
                    "6.2.",
                    "",
                    " Yes ",
                    "Complaints policy; Stage 1 letter template",
                    "We acknowledge within 5 working days.",
                ],
                [
                    " 6.3 ",
                    "",
                    "Partial",
                    "• Performance report\n• Case management system",
                    "Late in Q1.\n• Reminders added\n• Weekly review",
                ],
                ["6.99", "A requirement of our own", "YAC", "", "Kept as written."],
                ["6.4", "", "Yes", "", "Extensions are agreed with the resident."],
                ["6.3", "", "Yes", "", "Answered again by mistake."],
            ]
        )
    ]


def test_rows_it_cannot_place_are_kept_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = builders.write_docx(_awkward(), tmp_path / "ours.docx", cover=False)
    status, out, err = run_import(
        capsys, source, "hos-chc-2024", "--organisation", "Fenbrook Homes", "--assessed-on", "2025-05-01"
    )
    assert status == 1
    assert err.splitlines()[:2] == [
        "ours.docx: table 1, row 2: this row was not placed because its text matches no provision of "
        "hos-chc-2024; it is kept, commented, at the end of the output for you to place.",
        "ours.docx: table 1, row 7: this row was not placed because 6.3 is answered already (table 1, row 4); "
        "it is kept, commented, at the end of the output for you to place.",
    ]
    assert "3 of 72 provisions answered; 2 rows kept at the end for you to place." in err
    text = source.with_suffix(".yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)["responses"]
    assert data["6.2"] == {
        "answer": "Yes",  # trimmed, and otherwise as written
        "evidence": ["complaints-policy", "stage-1-letter-template"],
        "commentary": "We acknowledge within 5 working days.",
    }
    assert data["6.3"]["answer"] == "Partial"
    assert data["6.3"]["commentary"] == "Late in Q1.\n\n- Reminders added\n- Weekly review"
    assert data["6.99"] == {"answer": "YAC", "evidence": [], "commentary": "Kept as written."}
    assert "SA102 error [6.99]" in out and "SA103 error [6.99] Answer 'YAC'" in out
    assert "SA101 error [1.2]" in out  # what the table does not answer is a gap, left to fill in
    assert "  # 6.99 A requirement of our own\n" in text
    kept = text[text.index(UNPLACED_MARK) :]
    assert "# table 1, row 7:\n#   why: 6.3 is answered already (table 1, row 4).\n" in kept
    assert "#   Explanation: Answered again by mistake.\n" in kept
    assert_nothing_lost(_awkward(), text)


def test_a_spreadsheet_number_that_lost_its_final_nought(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        FORM_HEADER,
        [6.9, "", "Yes", "", "Lettered."],
        [6.1, "", "Yes", "", "Typed as 6.10."],
        [6.11, "", "No", "", "."],
    ]:
        sheet.append(row)
    source = tmp_path / "numbers.xlsx"
    book.save(source)
    _, _, err = run_import(capsys, source, "hos-chc-2024")
    assert (
        "numbers.xlsx: Sheet!A3: the number 6.1 is taken to be 6.10, which a spreadsheet shows as 6.1 "
        "unless the cell is text; check that it is.\n"
    ) in err
    data = yaml.safe_load(source.with_suffix(".yaml").read_text(encoding="utf-8"))["responses"]
    assert data["6.10"]["commentary"] == "Typed as 6.10."
    assert data["6.1"]["answer"] is None


def test_an_unknown_layout_says_what_it_looked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = Table([["Name", "Date", "Notes"], ["Annual review", "May 2025", "Board approved"]])
    source = builders.write_docx([table], tmp_path / "minutes.docx", cover=False)
    status, out, err = run_import(capsys, source, "hos-chc-2024")
    assert status == 1 and out == ""
    assert err == (
        "No table in minutes.docx has the columns selfassess looks for: Code provision, Code requirement, "
        "Comply?, Evidence, Commentary / explanation (at least the provision and Comply? columns); "
        "the tables found have: table 1: Name, Date, Notes.\n"
    )
    assert not source.with_suffix(".yaml").exists()


def test_an_unknown_tracker_layout_names_a_trackers_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "plan.csv"
    source.write_text("Name,Date\nAnnual review,May 2025\n", encoding="utf-8")
    status, _, err = run_import(capsys, source, "wcc-policy-scrutiny-2023")
    assert status == 1
    assert err.startswith(
        "No table in plan.csv has the columns selfassess looks for: a recommendation (or number)"
    )
    assert err.endswith("the tables found have: Name, Date.\n")


@pytest.mark.parametrize("name", ["broken.docx", "broken.xlsx"])
def test_a_damaged_file_is_a_message_not_a_traceback(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / name
    source.write_bytes(b"PK\x03\x04 this is not really a zip file")
    status, out, err = run_import(capsys, source, "hos-chc-2024")
    assert status == 1 and out == ""
    kind = "a Word document" if name.endswith("docx") else "an Excel workbook"
    assert err.startswith(f"{name} cannot be read as {kind}: it may be damaged, or not really")
    assert "Traceback" not in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("name", ["bomb.docx", "bomb.xlsx"])
def test_a_file_that_unpacks_to_too_much_is_refused_before_it_is_unpacked(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / name
    with zipfile.ZipFile(source, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (MAX_TEXT_BYTES + 1))  # a few kilobytes packed
    assert source.stat().st_size < 1_000_000
    status, out, err = run_import(capsys, source, "hos-chc-2024")
    assert (status, out) == (1, "")
    assert err == (
        f"{name} holds more than 16 MB of text, more than selfassess reads from one document; save the "
        "tables of the form on their own in a new file and import that.\n"
    )


def test_a_table_of_too_many_rows_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "huge.csv"
    rows = ["Code provision,Comply?,Commentary"] + [f"6.3,Yes,Row {n}" for n in range(MAX_ROWS)]
    source.write_text("\n".join(rows), encoding="utf-8")
    status, out, err = run_import(capsys, source, "hos-chc-2024")
    assert (status, out) == (1, "")
    assert err.startswith("huge.csv has more than 5,000 rows in its tables, more than selfassess imports")


def test_a_cell_longer_than_pythons_csv_limit_is_imported_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python's csv refuses a cell over 128 KB ("field larger than field limit"); a commentary
    pasted whole into one cell is imported whole, up to the limit of the file itself."""
    source = tmp_path / "long.csv"
    sentence = "Complaint handlers record every contact with the resident on the case file. "
    commentary = sentence * (200_000 // len(sentence))
    assert len(commentary) > 131_072
    source.write_text(
        f'Code provision,Comply?,Commentary / explanation\n6.3,Yes,"{commentary}"\n', encoding="utf-8"
    )
    status, _, err = run_import(capsys, source, "hos-chc-2024")
    assert "field limit" not in err
    assert status == 1  # the gaps of every provision not in the table
    assert responses(source.with_suffix(".yaml").read_text(encoding="utf-8"))["6.3"]["commentary"] == (
        commentary.strip()
    )


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "import",
                str(tmp_path / "missing.docx"),
                "--code",
                "hos-chc-2024",
                "-o",
                str(tmp_path / "a.yaml"),
            ]
        )
        == 2
    )
    assert "no such file" in capsys.readouterr().err
    writer = tmp_path / "form.odt"
    writer.write_bytes(b"PK\x03\x04")
    assert main(["import", str(writer), "--code", "hos-chc-2024", "-o", str(tmp_path / "a.yaml")]) == 2
    assert "form.odt: selfassess imports .docx, .xlsx, .csv, .tsv, .pdf files" in capsys.readouterr().err
    source = builders.write_docx(_awkward(), tmp_path / "ours.docx", cover=False)
    assert main(["import", str(source), "--code", "hos-chc-2023", "-o", str(tmp_path / "a.yaml")]) == 2
    assert "no readable code 'hos-chc-2023'" in capsys.readouterr().err
    assert main(["import", str(source), "--code", "hos-chc-2024", "-o", str(source)]) == 2
    assert "is the file being read" in capsys.readouterr().err


def test_never_over_an_existing_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = builders.write_docx(builders.wcc_tracker(), tmp_path / "tracker.docx", cover=False)
    out = tmp_path / "tracker.yaml"
    out.write_text("# my own work\n", encoding="utf-8")
    assert main(["import", str(source), "--code", "wcc-policy-scrutiny-2023", "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "# my own work\n"
    main(["import", str(source), "--code", "wcc-policy-scrutiny-2023", "-o", str(out), "--force"])
    assert "responses:" in out.read_text(encoding="utf-8")


def test_dash_prints_the_yaml_and_the_findings_go_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = builders.write_docx(builders.wcc_tracker(), tmp_path / "tracker.docx", cover=False)
    assert main(["import", str(source), "--code", "wcc-policy-scrutiny-2023", "-o", "-"]) == 1
    captured = capsys.readouterr()
    assert yaml.safe_load(captured.out)["responses"]["5"]["answer"] == "Done"
    assert "standard output:9:14: SA001 error" in captured.err  # no organisation was given
    assert list(tmp_path.iterdir()) == [source]


def test_the_schema_line_where_the_repository_has_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "wcc-policy-scrutiny-2023-assessment.json").write_text("{}", encoding="utf-8")
    source = builders.write_docx(builders.wcc_tracker(), tmp_path / "tracker.docx", cover=False)
    (tmp_path / "assessments").mkdir()
    out = tmp_path / "assessments" / "tracker.yaml"
    main(["import", str(source), "--code", "wcc-policy-scrutiny-2023", "-o", str(out)])
    first = out.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/wcc-policy-scrutiny-2023-assessment.json"
    assert "selfassess schema assessment" not in capsys.readouterr().err


@pytest.mark.parametrize(("kind", "place"), [("csv", "line 10"), ("xlsx", "'Self assessment'!A9")])
def test_rows_are_named_where_a_spreadsheet_user_finds_them(
    kind: str, place: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a CSV line counts the line breaks inside quoted cells, as a text editor shows them
    if kind == "csv":
        source = builders.write_delimited(_awkward(), tmp_path / "ours.csv", ",")
    else:
        source = builders.write_xlsx(_awkward(), tmp_path / "ours.xlsx")
    status, _, err = run_import(capsys, source, "hos-chc-2024")
    assert status == 1
    assert f"ours.{kind}: {place}: this row was not placed because 6.3 is answered already" in err
    assert_nothing_lost(_awkward(), source.with_suffix(".yaml").read_text(encoding="utf-8"))


def test_text_taken_from_a_pdf_with_words_where_the_number_stands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Westminster's published form as text taken from its PDF: a header repeated on a new page with
    a word wrapped in its narrow column ('Code provisio n'), and a row a page break split whose
    first column holds the end of the requirement, not a number. The row carries on the one above,
    its words kept with the requirement, and the repeated header is read as a header."""
    source = tmp_path / "westminster.tsv"
    source.write_text(
        "Code provision\tCode requirement\tComply?\tEvidence\tCommentary / explanation\n"
        "6.9\tLandlords must address all points raised in the complaint and provide clear reasons\tYes\t"
        "Complaints policy\tOur response letters cover each point.\n"
        "b) the comp\tlaint definition;\t\t\tWe use a template.\n"
        "Code provisio n\tCode requirement\tComply?\tEvidence\tCommentary / explanation\n"
        "6.10\tLandlords must not unreasonably refuse to escalate a complaint\tYes\t\tWe escalate on request.\n",
        encoding="utf-8",
    )
    _, out, err = run_import(capsys, source, "hos-chc-2024")
    data = yaml.safe_load(source.with_suffix(".yaml").read_text(encoding="utf-8"))
    responses = data["responses"]
    assert responses["6.9"]["commentary"] == "Our response letters cover each point.\n\nWe use a template."
    assert responses["6.10"]["answer"] == "Yes"
    assert not any(key.startswith(("b)", "Code")) for key in responses)  # no row made of them
    assert "SA102" not in out and "could not place" not in err
    written = source.with_suffix(".yaml").read_text(encoding="utf-8")
    assert "b) the comp laint definition;" in written  # the words, kept beside the requirement
