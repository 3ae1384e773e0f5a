"""A board pack must never read as approved while the publication checks would stop it."""

from __future__ import annotations

import docx

from selfassess.check.runner import CheckOptions, check_files
from selfassess.cli import main
from selfassess.load.codes import CodeLibrary
from tests.publish.conftest import edit
from tests.publish.test_report import EXAMPLE, words

APPROVAL = "approved: {by: Board, on: 2025-06-12}"


def _report(workspace, *options: str) -> str:
    assert main(["report", EXAMPLE, "-o", "r.html", *options]) == 0
    return words((workspace / "r.html").read_text(encoding="utf-8"))


def _watermarked(document: docx.document.Document) -> bool:
    return all(
        header._element.xpath(".//*[local-name()='textpath'][@string='DRAFT']")
        for section in document.sections
        for header in (section.header, section.first_page_header)
    )


def test_an_approved_assessment_with_no_errors_reads_as_approved(workspace, capsys):
    text = _report(workspace)
    assert "Approved: Board, 12 June 2025" in text
    assert "Draft" not in text


def test_an_approval_beside_errors_is_not_shown_as_approval(workspace, capsys):
    # an answer that is not one of the code's: one error
    edit(workspace / EXAMPLE, ('  "6.3":\n    answer: "Partial"', '  "6.3":\n    answer: "Partly"'))
    text = _report(workspace)
    assert "Approved by" not in text
    assert "Draft: 1 error must be fixed before it can be published" in text
    assert (
        "Not approved: 1 error must be fixed before it can be published (approval recorded: Board, "
        "12 June 2025)" in text
    )
    assert text.count("Board, 12 June 2025") == 1

    assert main(["report", EXAMPLE, "--format", "docx", "-o", "r.docx"]) == 0
    document = docx.Document(str(workspace / "r.docx"))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Draft: 1 error must be fixed before it can be published" in paragraphs
    assert not any(p.startswith("Approved by") for p in paragraphs)
    assert _watermarked(document)


def test_a_report_before_the_board_has_approved_is_a_draft(workspace, capsys):
    edit(workspace / EXAMPLE, (APPROVAL + "\n", ""))
    text = _report(workspace)
    assert "Draft: not approved by the governing body for publication" in text
    assert "Not approved" in text and "Not yet approved" not in text  # said once, at the top
    assert main(["report", EXAMPLE, "--format", "docx", "-o", "r.docx"]) == 0
    assert _watermarked(docx.Document(str(workspace / "r.docx")))


def test_last_years_approval_stops_publication(workspace, capsys):
    edit(workspace / EXAMPLE, (APPROVAL, "approved: {by: Board, on: 2024-06-12}"))
    result = check_files([(workspace / EXAMPLE, EXAMPLE)], CodeLibrary(), CheckOptions(for_publication=True))
    [finding] = [f for f in result.findings if f.rule == "SA602"]
    assert (finding.line, finding.message) == (
        15,
        "The approval is dated 12 June 2024, before this assessment was made on 20 May 2025, so it "
        "cannot be this assessment's; record the approval the governing body gives to this one.",
    )
    assert main(["render", EXAMPLE, "-o", "form.html"]) == 1
    assert not (workspace / "form.html").exists()
    text = _report(workspace)
    assert "Approved by" not in text and "Draft: 1 error must be fixed" in text


def test_an_approval_before_the_period_ends(workspace, capsys):
    edit(workspace / EXAMPLE, (APPROVAL, "approved: {by: Board, on: 2025-03-12}"))
    edit(workspace / EXAMPLE, ("assessed_on: 2025-05-20", "assessed_on: 2025-03-01"))
    result = check_files([(workspace / EXAMPLE, EXAMPLE)], CodeLibrary(), CheckOptions())
    messages = [f.message for f in result.findings if f.rule == "SA602"]
    assert messages == [
        "The approval is dated 12 March 2025, before the end of the period it covers, 31 March 2025, so "
        "it cannot be this assessment's; record the approval the governing body gives to this one."
    ]
