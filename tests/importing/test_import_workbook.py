"""A landlord keeps and shares the form as a spreadsheet: `render --format xlsx` writes it, one
sheet for each section, and `import` reads the workbook back to the assessment it was rendered
from, field for field, with the commentary exactly as written (line breaks, quotes, Markdown, and
text a spreadsheet would take for a formula) and the details (whose, when, the period) read back
from its first sheet.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from selfassess.cli import main
from selfassess.load.codes import CodeLibrary
from selfassess.load.documents import read_document
from selfassess.model.assessment import Assessment
from tests.importing.builders import REPO
from tests.importing.helpers import saved_by_office
from tests.importing.test_import_roundtrip import differences, round_trip


def _is_form(path: Path) -> bool:
    """Whether the file answers a self-assessment's code (not a tracker's, which is published as
    Word, PDF, HTML or Markdown only)."""
    found = CodeLibrary().find(yaml.safe_load(path.read_text(encoding="utf-8"))["code"], REPO)
    return found is not None and found.code is not None and not found.code.is_tracker


#: The bundled assessments that are self-assessments.
FORMS = sorted(path.stem for path in (REPO / "assessments").glob("*.yaml") if _is_form(path))


def as_written(original: Assessment, imported: Assessment) -> list[str]:
    """Each answer, commentary and action's words, and the organisation's own time limits, dates
    and complaints log, that do not come back exactly as the file has them."""
    found = [
        f"{name}: {getattr(original, name)!r} → {getattr(imported, name)!r}"
        for name in ("policy", "deadlines", "complaints_log")
        if getattr(original, name) != getattr(imported, name)
    ]
    for number, before in original.responses.items():
        after = imported.responses.get(number)
        if after is None:
            if before.answer or before.commentary or before.evidence or before.actions:
                found.append(f"{number}: missing")
            continue
        if before.answer != after.answer:
            found.append(f"{number}: answer {before.answer!r} → {after.answer!r}")
        if before.commentary != after.commentary:
            found.append(f"{number}: commentary {before.commentary!r} → {after.commentary!r}")
        words = ([a.action.strip() for a in before.actions], [a.action for a in after.actions])
        if words[0] != words[1]:
            found.append(f"{number}: actions {words[0]!r} → {words[1]!r}")
    return found


def _imported(folder: Path, name: str) -> Assessment:
    read = read_document(folder / f"{name}.imported.yaml")
    assert read.assessment is not None
    return read.assessment


@pytest.mark.parametrize("name", FORMS)
def test_a_rendered_workbook_imports_back_field_for_field(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert FORMS == ["example-homes-2025", "westminster-2024"]
    assert round_trip(name, tmp_path, capsys, "xlsx") == []
    original = read_document(REPO / "assessments" / f"{name}.yaml").assessment
    assert original is not None
    assert as_written(original, _imported(tmp_path, name)) == []


def test_the_workbook_has_the_details_then_a_sheet_for_each_section(tmp_path: Path) -> None:
    out = tmp_path / "form.xlsx"
    source = REPO / "assessments" / "example-homes-2025.yaml"
    assert main(["render", str(source), "--format", "xlsx", "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == [
        "Details",
        "1 Definition of a complaint",
        "2 Exclusions",
        "3 Accessibility and awareness",
        "4 Complaint handling staff",
        "5 The complaint handling…",
        "6 Complaint stages",
        "7 Putting things right",
        "8 Self-assessment, reporting…",
        "9 Scrutiny & oversight…",
        "Action plan",
        "Evidence register",
    ]
    details = {row[0]: row[1] for row in book["Details"].iter_rows(values_only=True) if row[0]}
    assert details["Organisation"] == "Fenbrook Homes"
    assert details["Approved by"] == "Board, 12 June 2025"
    assert details["Status"] == "Approved: Board, 12 June 2025"
    label = "Our time limit: Acknowledge, define and log a stage 1 complaint, counted from receipt"
    assert details[f"{label} (stage1-acknowledge)"] == "5 working days"
    assert not any("DRAFT" in str(value) for value in details.values())
    section = book["6 Complaint stages"]
    assert [cell.value for cell in section[1]] == [
        "Code provision",
        "Code requirement",
        "Comply?",
        "Evidence",
        "Commentary / explanation",
        "Actions",
    ]
    assert section.freeze_panes == "A2"
    assert section.auto_filter.ref == f"A1:F{section.max_row}"
    assert section["A1"].font.bold and section["A1"].fill.fgColor.rgb.endswith("D9E2F3")
    assert section["A2"].value == "Stage 1"  # the sub-heading the provisions stand under
    assert section.column_dimensions["E"].width > section.column_dimensions["A"].width
    row = next(r for r in section.iter_rows(min_row=2) if r[0].value == "6.3")
    assert row[4].alignment.wrap_text
    original = yaml.safe_load(source.read_text(encoding="utf-8"))["responses"]["6.3"]
    assert row[2].value == original["answer"] == "Partial"
    assert row[4].value == original["commentary"]
    assert row[5].value.startswith("- Daily report of stage 1 complaints")
    plan = book["Action plan"]
    dated = next(row for row in plan.iter_rows(min_row=2) if row[0].value == "6.3")
    assert dated[4].is_date and dated[4].number_format.startswith("d mmmm yyyy")
    assert not section.oddHeader.center.text  # approved and clean: no DRAFT anywhere
    assert section.oddHeader.left.text == "Section 6: Complaint stages"  # on each printed page
    # '&' starts a code in a page's header: the section's own is written '&&', and printed as one.
    nine = book["9 Scrutiny & oversight…"].oddHeader.left.text
    assert nine == "Section 9: Scrutiny && oversight: continuous learning and improvement"


def test_a_draft_says_draft_on_the_details_and_at_the_top_of_every_printed_page(tmp_path: Path) -> None:
    out = tmp_path / "draft.xlsx"
    source = REPO / "assessments" / "westminster-2024.yaml"  # three errors stop it being published
    assert main(["render", str(source), "--format", "xlsx", "-o", str(out)]) == 1
    assert not out.exists()
    assert main(["render", str(source), "--format", "xlsx", "--draft", "-o", str(out)]) == 0
    book = openpyxl.load_workbook(out)
    details = [row for row in book["Details"].iter_rows(values_only=True)]
    assert details[1][0] == "DRAFT: not approved by the governing body for publication"
    assert ("Status", "DRAFT: not approved by the governing body for publication") in details
    assert ("Approval", "Not yet approved") in details
    assert not any(row[0] == "Approved by" for row in details)
    for sheet in book.worksheets:
        assert sheet.oddHeader.center.text.startswith("DRAFT: ")
        # '&' starts a code in a page's header or footer: the organisation's own is doubled.
        assert "Westminster City Council" in sheet.oddFooter.left.text


def test_an_ampersand_in_the_header_and_footer_is_printed_as_one(tmp_path: Path) -> None:
    data = yaml.safe_load((REPO / "assessments" / "example-homes-2025.yaml").read_text(encoding="utf-8"))
    data["organisation"] = "Homes & Places"
    data.pop("approved")
    source = tmp_path / "amp.yaml"
    source.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "amp.xlsx"
    assert main(["render", str(source), "--format", "xlsx", "--draft", "-o", str(out)]) == 0
    sheet = openpyxl.load_workbook(out)["Details"]
    assert sheet.oddFooter.left.text.startswith("Homes && Places: ")
    assert sheet.oddHeader.center.text == "DRAFT: not approved by the governing body for publication"


#: Text people type that a spreadsheet would take for a formula, or that a cell changes.
TRICKY = {
    "1.2": '=HYPERLINK("https://evil.example","Click")',
    "1.3": '+44 20 7946 0000 is the complaints line.\n\nIt is open "9 to 5", Monday to Friday.',
    "1.4": "- phone\n- email\n- letter",
    "1.5": "@mention the team; 'quoted' and “curly” words\nand a line break inside a paragraph.",
    "1.6": "=1+1",
}


def _tricky(folder: Path) -> Path:
    """Example Homes' form with TRICKY commentary, an action and an evidence title like formulas."""
    data = yaml.safe_load((REPO / "assessments" / "example-homes-2025.yaml").read_text(encoding="utf-8"))
    for number, commentary in TRICKY.items():
        data["responses"][number]["commentary"] = commentary
    data["responses"]["2.1"]["actions"] = [
        {"action": "=SUM(A1:A9) checks, done weekly", "owner": "+Head of Complaints", "due": "2025-09-30"}
    ]
    data["evidence"]["complaints-policy"]["title"] = "=Complaints Policy (version 5)"
    data["responses"]["1.2"]["answer"] = "yes"  # as typed: the code takes it, and it stays so
    data["responses"]["1.3"]["answer"] = "Yes."
    data["deadlines"] = {"annual-submission": "10-31"}  # its own date, as a smaller landlord sets one
    data["policy"]["stage1-response"] = "2 weeks"
    # A document both published and kept beside the assessment: its address and its file.
    data["evidence"]["training-records"]["url"] = "https://www.fenbrookhomes.example/training.csv"
    kept = folder / data["evidence"]["training-records"]["file"]
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_text("date,name\n", encoding="utf-8")
    source = folder / "tricky.yaml"
    source.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return source


def test_text_a_spreadsheet_would_take_for_a_formula_stays_text_and_comes_back_exactly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _tricky(tmp_path)
    assert round_trip(source, tmp_path, capsys, "xlsx") == []
    original = read_document(source).assessment
    assert original is not None
    imported = _imported(tmp_path, "tricky")
    assert as_written(original, imported) == []
    assert {number: imported.responses[number].commentary for number in TRICKY} == TRICKY
    with zipfile.ZipFile(tmp_path / "tricky.xlsx") as archive:
        sheets = [archive.read(name) for name in archive.namelist() if name.startswith("xl/worksheets/")]
    assert not any(b"<f>" in sheet or b"<f " in sheet for sheet in sheets)  # no formula anywhere
    book = openpyxl.load_workbook(tmp_path / "tricky.xlsx")
    cell = next(r[4] for r in book["1 Definition of a complaint"].iter_rows() if r[0].value == "1.2")
    assert cell.data_type == "s" and cell.quotePrefix  # text even when a person edits the cell


def test_a_workbook_edited_in_a_spreadsheet_brings_in_the_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Last year's workbook, edited as a person would: an answer changed, a commentary rewritten
    over two lines, a document cited, the date changed on the details sheet."""
    rendered = tmp_path / "form.xlsx"
    source = REPO / "assessments" / "example-homes-2025.yaml"
    assert main(["render", str(source), "--format", "xlsx", "-o", str(rendered)]) == 0
    book = openpyxl.load_workbook(rendered)
    row = next(r for r in book["6 Complaint stages"].iter_rows() if r[0].value == "6.3")
    row[2].value = "Yes"
    row[3].value = f"{row[3].value}\nStage 1 performance report"
    row[4].value = "We now meet the 10 working days.\nThe daily report keeps us on track."
    details = book["Details"]
    next(r for r in details.iter_rows() if r[0].value == "Assessed on")[1].value = "2026-05-19"
    book.save(rendered)
    out = tmp_path / "edited.yaml"
    main(["import", str(rendered), "--code", "hos-chc-2024", "-o", str(out)])
    capsys.readouterr()
    edited = read_document(out).assessment
    assert edited is not None
    assert edited.assessed_on.value is not None and edited.assessed_on.value.isoformat() == "2026-05-19"
    response = edited.responses["6.3"]
    assert response.answer == "Yes"
    assert response.commentary == "We now meet the 10 working days.\nThe daily report keeps us on track."
    titles = [edited.evidence[key].title if key in edited.evidence else key for key in response.evidence]
    assert titles[-1] == "Stage 1 performance report"
    assert [action.action for action in response.actions][:1] == [
        "Daily report of stage 1 complaints nearing their response date, reviewed at the Complaints "
        "Team huddle and escalated to the responsible Head of Service"
    ]


def _filled_in(folder: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """An assessment against the LGSCO's code as `new` starts it, filled in as a council would."""
    source = folder / "council.yaml"
    assert main(["new", "lgsco-chc", "--organisation", "Example District Council", "-o", str(source)]) == 0
    capsys.readouterr()
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["assessed_on"] = "2025-05-01"
    data["complaints_log"] = "evidence/complaints-2024-25.csv"
    data["period"] = {"from": "2024-04-01", "to": "2025-03-31"}
    data["evidence"] = {
        "policy": {
            "title": "Corporate complaints policy",
            "url": "https://www.example.gov.uk/complaints-policy.pdf",
            "dated": "2025-01-15",
        }
    }
    answers = ["Yes", "Partially", "Yes, with further development", "No", "N/A"]
    for at, number in enumerate(data["responses"]):
        answer = answers[at % len(answers)]
        response: dict[str, Any] = {
            "answer": answer,
            "evidence": ["policy", "Staff intranet page"] if answer == "Yes" else [],
            "commentary": f"Provision {number}: our policy says so.\n\n- trained staff\n- **quarterly** checks",
        }
        if answer not in ("Yes", "N/A"):
            response["actions"] = [
                {
                    "action": f"Review how we meet {number}",
                    "owner": "Complaints Manager",
                    "start": "2025-04-01",
                    "due": "2025-10-31",
                    "status": "in-progress",
                    "rag": "amber",
                }
            ]
        data["responses"][number] = response
    source.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return source


def test_a_council_form_against_the_lgsco_code_comes_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _filled_in(tmp_path, capsys)
    assert round_trip(source, tmp_path, capsys, "xlsx") == []
    original = read_document(source).assessment
    assert original is not None
    assert as_written(original, _imported(tmp_path, "council")) == []
    header = [cell.value for cell in openpyxl.load_workbook(tmp_path / "council.xlsx").worksheets[1][1]]
    assert header[2] == "Do we follow the Code"


def test_a_tracker_is_not_made_as_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "tracker.xlsx"
    source = REPO / "assessments" / "wcc-policy-scrutiny-2023.yaml"
    assert main(["render", str(source), "--format", "xlsx", "--draft", "-o", str(out)]) == 2
    said = capsys.readouterr().err.strip().splitlines()
    assert said[-1].endswith("the Excel workbook (xlsx) is made for a self-assessment's form only.")
    assert not out.exists()


@pytest.mark.slow
def test_the_workbook_opens_in_libreoffice_calc_and_comes_back_from_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opened in LibreOffice Calc and saved again, as a person who edits the form would: it
    still holds every sheet's text, formulas' look-alikes as text, and imports back to the same
    assessment."""
    source = _tricky(tmp_path)
    rendered = tmp_path / "tricky.xlsx"
    assert main(["render", str(source), "--format", "xlsx", "--draft", "-o", str(rendered)]) == 0
    saved = saved_by_office(rendered, "xlsx-saved-by-libreoffice")
    before, after = openpyxl.load_workbook(rendered), openpyxl.load_workbook(saved)
    assert after.sheetnames == before.sheetnames
    for sheet in before.worksheets:
        assert list(after[sheet.title].iter_rows(values_only=True)) == list(
            sheet.iter_rows(values_only=True)
        ), sheet.title
    back = tmp_path / "back.yaml"
    assert main(["import", str(saved), "--code", "hos-chc-2024", "-o", str(back)]) == 0
    capsys.readouterr()
    original, imported = read_document(source).assessment, read_document(back).assessment
    assert original is not None and imported is not None
    assert differences(original, imported) == []
    assert as_written(original, imported) == []
