"""The PDFs on paper: every page numbered "Page N of M", no heading or table caption left alone at
the foot of a page, and the PDF tagged for screen readers (its structure and its language)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from selfassess.cli import main
from tests.publish.both_codes import COUNCIL, HOUSING, seed_council
from tests.publish.conftest import edit

pytestmark = pytest.mark.slow
pdfplumber = pytest.importorskip("pdfplumber")
pypdf = pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")

EXAMPLE = "assessments/example-homes-2025.yaml"
LOG = "assessments/evidence/fenbrook-complaints-2024-25.csv"


def _words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def _headings(html: Path) -> set[str]:
    """The words of every heading and table caption of the HTML the PDF was made from."""
    page = html.read_text(encoding="utf-8")
    found = re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", page, re.S) + re.findall(
        r"<caption>(.*?)</caption>", page, re.S
    )
    return {_words(text) for text in found}


def _assert_on_paper(pdf: Path, headings: set[str]) -> int:
    with pdfplumber.open(str(pdf)) as document:
        pages = len(document.pages)
        for number, page in enumerate(document.pages, start=1):
            # the letters of a draft's DRAFT across the page (150pt) are not lines of the page
            words = page.filter(lambda item: item.get("object_type") != "char" or item.get("size", 0) < 60)
            lines = [
                " ".join(line.split()) for line in (words.extract_text() or "").splitlines() if line.strip()
            ]
            assert f"Page {number} of {pages}" in lines, f"page {number}: {lines[-3:]}"
            body = [line for line in lines if not re.fullmatch(r"Page \d+ of \d+", line)]
            assert body and body[-1] not in headings, f"page {number} ends with the heading {body[-1]!r}"
    catalog = pypdf.PdfReader(str(pdf)).trailer["/Root"]
    assert "/StructTreeRoot" in catalog and bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "en-GB"
    return pages


@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["render", "assessments/westminster-2024.yaml", "--draft"], "westminster-2024"),
        (["render", "assessments/wcc-policy-scrutiny-2023.yaml"], "wcc-policy-scrutiny-2023"),
        (["report", "assessments/westminster-2024.yaml"], "westminster-2024-board-report"),
        (["report", EXAMPLE, "--log", LOG, "--homes", "4200"], "example-homes-2025-board-report"),
    ],
)
def test_every_page_is_numbered_no_heading_is_left_at_a_foot_and_the_pdf_is_tagged(
    workspace, capsys, command, name
):
    assert main([*command, "--format", "html", "-o", f"{name}.html"]) == 0
    assert main([*command, "--format", "pdf", "-o", f"{name}.pdf"]) == 0
    assert _assert_on_paper(workspace / f"{name}.pdf", _headings(workspace / f"{name}.html")) > 1


def test_the_report_with_last_year_keeps_its_tables_under_their_headings(workspace, capsys):
    last_year = workspace / "assessments" / "last-year.yaml"
    last_year.write_text((workspace / EXAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    edit(
        last_year,
        ("assessed_on: 2025-05-20", "assessed_on: 2024-05-20"),
        ('  "9.8":\n    answer: "No"', '  "9.8":\n    answer: "Partial"'),
        ('  "6.3":\n    answer: "Partial"', '  "6.3":\n    answer: "Yes"'),
    )
    command = ["report", EXAMPLE, "--previous", "assessments/last-year.yaml"]
    assert main([*command, "-o", "r.html"]) == 0
    assert main([*command, "--format", "pdf", "-o", "r.pdf"]) == 0
    _assert_on_paper(workspace / "r.pdf", _headings(workspace / "r.html"))


def test_a_form_answered_a_section_at_a_time_runs_each_section_on_under_its_heading(workspace, capsys):
    """The LGSCO's own form: one row a section, most longer than a page."""
    lines = [
        "code: lgsco-chc",
        "organisation: Fenbrook District Council",
        "assessed_on: 2026-05-20",
        "responses:",
    ]
    lines += [f"  '{n}':\n    answer: 'Yes'\n    evidence: [Complaints policy]" for n in range(1, 10)]
    (workspace / "council.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["render", "council.yaml", "--draft", "-o", "council.html"]) == 0
    assert main(["render", "council.yaml", "--draft", "--format", "pdf", "-o", "council.pdf"]) == 0
    pages = _assert_on_paper(workspace / "council.pdf", _headings(workspace / "council.html"))
    with pdfplumber.open(str(workspace / "council.pdf")) as document:
        first = document.pages[0].extract_text() or ""
    assert "1.1 Effective complaint handling enables" in first  # section 1 starts under its heading
    assert pages < 20


def test_the_report_with_both_codes_side_by_side(workspace, capsys):
    seed_council(workspace)
    command = ["report", COUNCIL, "--alongside", HOUSING]
    assert main([*command, "-o", "r.html"]) == 0
    assert main([*command, "--format", "pdf", "-o", "r.pdf"]) == 0
    _assert_on_paper(workspace / "r.pdf", _headings(workspace / "r.html"))
