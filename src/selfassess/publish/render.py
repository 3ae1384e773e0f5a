"""`render`: the publish gate, then the form in the format asked for.

Publishing runs the publication checks first. With any error (no approval, a gap, an unreadable
value) it refuses and returns the findings; with `draft` it renders anyway and marks every page
DRAFT. Nothing here prints or exits: the command line does that.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from selfassess.check.findings import Finding, Severity
from selfassess.load.codes import CodeLibrary
from selfassess.publish.form.cell_limit import CellTooLong as CellTooLong
from selfassess.publish.form.docx import render_docx
from selfassess.publish.form.pages import render_html, render_markdown
from selfassess.publish.form.view import FormView, form_view
from selfassess.publish.gate import check_for_publication
from selfassess.publish.pdf import render_pdf
from selfassess.publish.tracker.docx import render_tracker_docx
from selfassess.publish.tracker.pages import render_tracker_html, render_tracker_markdown
from selfassess.publish.tracker.view import TrackerView, tracker_view

FORMATS = ("html", "md", "docx", "pdf", "xlsx")


class NoWorkbook(ValueError):
    """A tracker asked for as a workbook: only a self-assessment's form is made as one."""


@dataclass(frozen=True)
class Rendered:
    """What rendering produced: the bytes (None when publishing was refused) and the findings."""

    content: bytes | None
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR and f.waived is None]


def render(
    path: Path,
    form: str,
    *,
    draft: bool = False,
    library: CodeLibrary | None = None,
    template_dir: Path | None = None,
    shown: str | None = None,
    since: date | None = None,
) -> Rendered:
    """The published form (or, for a tracker's code, the tracker) of the file at `path` in format
    `form`, unless the gate refuses. `since`: a tracker's last edition, whose completed items are
    left out.

    Raises ConfigError for an unusable configuration, PdfUnavailable without the pdf extra, and
    NoWorkbook for a tracker asked for as xlsx, CellTooLong for a text too long for its cell.
    """
    checked = check_for_publication(path, library or CodeLibrary(), shown)
    findings = checked.findings
    if checked.answered is None or (checked.errors and not draft):
        return Rendered(None, findings)
    assessment, code = checked.answered
    if code.is_tracker:
        tracker = tracker_view(assessment, code, findings, since, draft)
        return Rendered(_laid_out(form, tracker, template_dir), findings)
    return Rendered(
        _laid_out(form, form_view(assessment, code, findings, draft=draft), template_dir), findings
    )


def _laid_out(form: str, view: FormView | TrackerView, template_dir: Path | None) -> bytes:
    """The view in one format."""
    if isinstance(view, TrackerView):
        if form == "xlsx":
            raise NoWorkbook(
                "A tracker is published as html, md, docx or pdf; the Excel workbook (xlsx) is made "
                "for a self-assessment's form only."
            )
        if form == "md":
            return render_tracker_markdown(view, template_dir).encode("utf-8")
        if form == "docx":
            return render_tracker_docx(view)
        page = render_tracker_html(view, template_dir)
    else:
        if form == "md":
            return render_markdown(view, template_dir).encode("utf-8")
        if form == "docx":
            return render_docx(view)
        if form == "xlsx":
            # Imported here, not above: openpyxl's import (a tenth of a second or more) is paid
            # only when a workbook is made, not by every render and the workspace at start.
            from selfassess.publish.form.workbook import render_workbook

            return render_workbook(view)
        page = render_html(view, template_dir)
    return render_pdf(page) if form == "pdf" else page.encode("utf-8")
