"""`selfassess summary`: every assessment of a folder at once, as HTML, a workbook and JSON."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from selfassess.cli import main
from selfassess.load.codes import CodeLibrary
from selfassess.load.reading import load_file
from selfassess.model.standing import BANDS, band
from selfassess.publish.report.view import report_view
from tests.golden import assert_golden

REPO = Path(__file__).parents[2]
GOLDEN = Path(__file__).parent / "golden"
FENBROOK = REPO / "tests" / "compare" / "fixtures"


def summary(capsys, *arguments: str) -> tuple[int, str, str]:
    status = main(["summary", "--no-config", *arguments])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def as_json(capsys, *arguments: str) -> dict:
    status, out, _ = summary(capsys, "--format", "json", *arguments)
    assert status == 0
    return json.loads(out)


@pytest.fixture
def fenbrook(tmp_path: Path, monkeypatch) -> Path:
    """Fenbrook's assessments of 2024 and 2025, against two versions of its standards; in 2025 the
    name is written as a different hand would write it."""
    shutil.copytree(FENBROOK, tmp_path, dirs_exist_ok=True)
    later = tmp_path / "assessments" / "fenbrook-2025.yaml"
    later.write_text(
        later.read_text(encoding="utf-8").replace(
            "organisation: Fenbrook Homes", "organisation: FENBROOK  HOMES."
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_shares_per_provision_stand_as_the_board_report_says(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    shown = as_json(capsys, "assessments")
    assert shown["files"] == shown["assessments"] == 6 and shown["unreadable"] == []
    assert [(c["code"], c["assessments"]) for c in shown["codes"]] == [
        ("hos-chc-2024", 2),
        ("future-of-westminster-2023", 1),
        ("norwich-housing-improvement-2009", 1),
        ("oxfordshire-pcs-scrutiny-2024", 1),
        ("wcc-policy-scrutiny-2023", 1),
    ]
    chc = shown["codes"][0]
    library = CodeLibrary()
    expected: dict[str, Counter[str]] = {}
    met_by_file = {}
    for name in ("example-homes-2025.yaml", "westminster-2024.yaml"):
        loaded = load_file(REPO / "assessments" / name, library, f"assessments/{name}")
        assessment, code = loaded.document.assessment, loaded.code
        assert assessment is not None and code is not None
        for number in code.provisions:
            response = assessment.responses.get(number)
            expected.setdefault(number, Counter())[band(code, response.answer if response else None)] += 1
        met_by_file[f"assessments/{name}"] = report_view(assessment, code).totals["met"]
    assert [p["provision"] for p in chc["provisions"]] == list(expected)
    for provision in chc["provisions"]:
        counted = expected[provision["provision"]]
        assert provision["counts"] == {b: counted[b] for b in BANDS}
        assert provision["percent"] == {b: round(100 * counted[b] / 2, 1) for b in BANDS}
    partly = {p["provision"]: p["percent"] for p in chc["provisions"]}["5.9"]
    assert partly["met"] == 50.0 and partly["partly"] == 50.0
    lines = {line["path"]: line for line in shown["assessments_checked"]}
    for path, met in met_by_file.items():
        assert lines[path]["met"] == met and lines[path]["provisions"] == 72
    assert lines["assessments/westminster-2024.yaml"]["organisation"] == "Westminster City Council"
    # Westminster's trackers answer other codes: never compared with its self-assessment.
    assert shown["year_on_year"] == []


def test_findings_counted_by_rule_and_pattern(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    shown = as_json(capsys, "assessments")
    _, checked, _ = (main(["check", "--no-config", "--format", "json", "assessments"]), *capsys.readouterr())
    findings = [f for f in json.loads(checked)["findings"] if "waived" not in f]
    assert sum(p["count"] for p in shown["findings"]) == len(findings)
    top = shown["findings"][0]
    assert top == {
        "rule": "SA507",
        "severity": "warning",
        "count": sum(1 for f in findings if f["rule"] == "SA507"),
        "files": 2,
        "pattern": "Recommendation N has no response yet; record the response when it is known.",
        "example": "Recommendation 1 has no response yet; record the response when it is known.",
    }
    counts = [p["count"] for p in shown["findings"]]
    assert counts == sorted(counts, reverse=True)
    sa503 = next(p for p in shown["findings"] if p["rule"] == "SA503")
    assert sa503["pattern"].startswith("The date '…' does not exist")
    by_file = Counter((f["path"], f["severity"]) for f in findings)
    for line in shown["assessments_checked"]:
        assert line["errors"] == by_file[(line["path"], "error")]
        assert line["warnings"] == by_file[(line["path"], "warning")]


def test_year_on_year_by_name_across_versions_of_a_code(capsys, fenbrook):
    shown = as_json(capsys, "assessments")
    (change,) = shown["year_on_year"]
    # What `diff` says of the same two files: 2 gaps closed, 3 opened, 3 better, 1 worse.
    assert change == {
        "organisation": "FENBROOK  HOMES.",
        "earlier": {"path": "assessments/fenbrook-2024.yaml", "assessed_on": "2024-05-20", "met": 7},
        "later": {"path": "assessments/fenbrook-2025.yaml", "assessed_on": "2025-05-19", "met": 6},
        "gaps_opened": ["2.1", "3.3", "4.1"],
        "gaps_closed": ["1.3", "2.3"],
        "better": ["1.3", "2.3", "2.4"],
        "worse": ["2.1"],
        "codes": "fenbrook-standards-2024 to fenbrook-standards-2025",
    }


def test_an_unreadable_file_is_listed_and_the_rest_summarised(capsys, fenbrook):
    (fenbrook / "assessments" / "fenbrook-2026.yaml").write_text(
        "code: fenbrook-standards-2026\norganisation: [Fenbrook Homes\n", encoding="utf-8"
    )
    status, out, err = summary(capsys, "assessments", "--format", "json")
    assert status == 1
    shown = json.loads(out)
    assert shown["files"] == 3 and shown["assessments"] == 2 and len(shown["year_on_year"]) == 1
    assert shown["unreadable"] == [
        {
            "path": "assessments/fenbrook-2026.yaml",
            "line": 3,
            "column": 1,
            "rule": "SA001",
            "message": "A list written in square brackets is not closed with ']'.",
        }
    ]
    assert err == (
        "assessments/fenbrook-2026.yaml:3:1: SA001 error A list written in square brackets is not closed with ']'.\n"
        "1 file could not be read and is left out of the summary, which lists them.\n"
    )
    status, _, err = summary(capsys, "assessments")
    assert status == 1 and err.endswith("Wrote summary.html: 2 assessments summarised.\n")
    page = (fenbrook / "summary.html").read_text(encoding="utf-8")
    assert "Files that could not be read" in page and "assessments/fenbrook-2026.yaml" in page


def test_workbook_one_sheet_per_view(capsys, fenbrook):
    status, out, err = summary(capsys, "assessments", "--format", "xlsx", "-o", "audit/summary.xlsx")
    assert status == 0 and out == ""
    assert err == "Wrote audit/summary.xlsx: 2 assessments summarised.\n"
    book = load_workbook(fenbrook / "audit" / "summary.xlsx")
    assert book.sheetnames == ["Provisions", "Findings", "Assessments", "Year on year", "Unreadable files"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref is not None and sheet.auto_filter.ref.startswith("A1:")
        assert sheet.column_dimensions["A"].width > 5
    years = [[cell.value for cell in row] for row in book["Year on year"].iter_rows()]
    assert years[1][:9] == [
        "FENBROOK  HOMES.",
        "assessments/fenbrook-2024.yaml",
        "2024-05-20",
        "assessments/fenbrook-2025.yaml",
        "2025-05-19",
        7,
        6,
        "1.3, 2.3",
        "2.1, 3.3, 4.1",
    ]
    provisions = [[cell.value for cell in row] for row in book["Provisions"].iter_rows()]
    assert provisions[0][:4] == ["Code", "Provision", "Assessments", "Met"]
    assert len(provisions) == 1 + 10 + 11


def test_output_never_over_a_file_read_and_workbook_never_to_a_terminal(capsys, fenbrook, monkeypatch):
    status, _, err = summary(capsys, "assessments", "-o", "assessments/fenbrook-2024.yaml")
    assert status == 2 and "is the file being read" in err
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    status, _, err = summary(capsys, "assessments", "--format", "xlsx", "-o", "-")
    assert status == 2 and "a workbook cannot be shown on the screen" in err


def test_many_files_in_workers_give_what_one_process_gives(capsys, tmp_path, monkeypatch):
    """Enough files for worker processes: each file's digest comes back from a worker."""
    example = (REPO / "assessments" / "example-homes-2025.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "many"
    folder.mkdir()
    shutil.copytree(REPO / "assessments" / "evidence", folder / "evidence")
    for n in range(50):
        text = example.replace("organisation: Fenbrook Homes", f"organisation: Landlord {n % 25}")
        if n >= 25:  # each landlord's next year, with one provision less met
            text = text.replace("assessed_on: 2025-05-20", "assessed_on: 2026-05-20").replace(
                'answer: "Yes"', 'answer: "No"', n - 24
            )
        (folder / f"landlord-{n:02}.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    parallel = as_json(capsys, "many", "--jobs", "2")
    alone = as_json(capsys, "many", "--jobs", "1")
    assert parallel == alone
    assert parallel["assessments"] == 50 and len(parallel["year_on_year"]) == 25
    assert [len(change["worse"]) for change in parallel["year_on_year"]] == [
        n - 24 for n in sorted(range(25, 50), key=lambda n: f"landlord {n % 25}")
    ]


def test_golden_html_and_json(capsys, fenbrook):
    """Regenerate with SELFASSESS_UPDATE_GOLDEN=1 after a deliberate change, and read the diff."""
    _, out, _ = summary(capsys, "assessments", "--format", "json")
    assert_golden(GOLDEN / "fenbrook.json", out)
    _, page, _ = summary(capsys, "assessments", "-o", "-")
    # From <body> on: the shared style sheet above it is the published form's, golden elsewhere.
    assert_golden(GOLDEN / "fenbrook.html", page[page.index("<body>") :])


def test_assessments_without_an_organisation_are_never_one_organisations_years(capsys, fenbrook):
    for name in ("fenbrook-2024.yaml", "fenbrook-2025.yaml"):
        path = fenbrook / "assessments" / name
        text = path.read_text(encoding="utf-8")
        path.write_text("\n".join(line for line in text.splitlines() if not line.startswith("organisation:")))
    status, out, _ = summary(capsys, "assessments", "--format", "json")
    shown = json.loads(out)
    assert status == 0 and shown["assessments"] == 2
    assert {line["organisation"] for line in shown["assessments_checked"]} == {"(organisation not given)"}
    assert shown["year_on_year"] == []


def test_a_name_that_looks_like_markup_or_a_formula_is_shown_as_written(capsys, fenbrook):
    later = fenbrook / "assessments" / "fenbrook-2025.yaml"
    later.write_text(
        later.read_text(encoding="utf-8").replace(
            "organisation: FENBROOK  HOMES.", "organisation: '=1+1 <script>alert(1)</script>'"
        ),
        encoding="utf-8",
    )
    assert summary(capsys, "assessments", "-o", "page.html")[0] == 0
    page = (fenbrook / "page.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "=1+1 &lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert summary(capsys, "assessments", "--format", "xlsx", "-o", "book.xlsx")[0] == 0
    sheet = load_workbook(fenbrook / "book.xlsx")["Assessments"]
    (cell,) = [row[0] for row in sheet.iter_rows(min_row=2) if str(row[0].value).startswith("=")]
    assert cell.value == "=1+1 <script>alert(1)</script>" and cell.data_type == "s"


def test_the_workbook_shows_every_value_whole_and_prints_every_column_on_the_page(
    capsys, monkeypatch, tmp_path
):
    monkeypatch.chdir(REPO)
    status, _, _ = summary(capsys, "assessments", "--format", "xlsx", "-o", str(tmp_path / "summary.xlsx"))
    assert status == 0
    sheet = load_workbook(tmp_path / "summary.xlsx")["Provisions"]
    numbers = [row[1].value for row in sheet.iter_rows(min_row=2)]
    codes = [row[0].value for row in sheet.iter_rows(min_row=2)]
    # a column cut short would show "overarching.10" as "overarching.1", a figure of another item
    assert "overarching.10" in numbers
    assert sheet.column_dimensions["B"].width >= len("overarching.10")
    assert sheet.column_dimensions["A"].width >= max(len(code) for code in codes)
    for book_sheet in load_workbook(tmp_path / "summary.xlsx").worksheets:
        assert book_sheet.page_setup.orientation == "landscape"
        assert book_sheet.sheet_properties.pageSetUpPr.fitToPage and book_sheet.page_setup.fitToWidth == 1
        assert book_sheet.print_title_rows == "$1:$1"


def test_a_trackers_shares_are_named_in_its_own_answers_not_as_met(capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(REPO)
    status, _, _ = summary(capsys, "assessments", "-o", str(tmp_path / "summary.html"))
    assert status == 0
    page = (tmp_path / "summary.html").read_text(encoding="utf-8")
    part = page[page.index("(oxfordshire-pcs-scrutiny-2024): how each provision is answered") :]
    part = part[: part.index("</section>")]
    headings = re.findall(r'<th scope="col" class="number">([^<]*)</th>', part)
    assert headings == ["Accepted", "Partially Accepted", "Rejected", "No status yet", "Assessments"]
    assert "Met" not in headings and "Not met" not in part
    assert "100% accepted" in part  # the figure beside a bar, in the tracker's word
    # a self-assessment's shares keep their words
    hos = page[page.index("(hos-chc-2024): how each provision is answered") :]
    assert re.findall(r'<th scope="col" class="number">([^<]*)</th>', hos[: hos.index("</section>")])[:2] == [
        "Met",
        "Partly met",
    ]
