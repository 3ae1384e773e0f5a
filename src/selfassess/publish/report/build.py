"""`report`: the board report of an assessment, as HTML (with an inline chart), Word or PDF."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from selfassess.author.new import code_named
from selfassess.check.complaints_log import log_for
from selfassess.check.findings import Finding
from selfassess.check.runner import CheckOptions
from selfassess.complaints.measures import NO_HOMES, Homes, measures, period_of
from selfassess.load.codes import CodeLibrary
from selfassess.model.assessment import Assessment
from selfassess.model.code import Code
from selfassess.model.versions import NotSuperseding, between, chain_to
from selfassess.publish.gate import Checked, check_for_publication
from selfassess.publish.pdf import render_pdf
from selfassess.publish.report.complaints import ComplaintsView, complaints_view
from selfassess.publish.report.pages import render_report_html
from selfassess.publish.report.side_by_side import alongside as side_by_side
from selfassess.publish.report.view import report_view

REPORT_FORMATS = ("html", "docx", "pdf")


class NotComparable(ValueError):
    """The previous assessment is another organisation's, or answers another code: a board shown
    what "changed" between the two would be misled."""


@dataclass(frozen=True)
class Report:
    content: bytes | None  # None when an assessment cannot be read at all
    findings: list[Finding]
    previous_findings: list[Finding]
    alongside_findings: list[Finding] = field(default_factory=list)


def report(
    path: Path,
    form: str,
    *,
    previous: Path | None = None,
    library: CodeLibrary | None = None,
    template_dir: Path | None = None,
    log: Path | None = None,
    homes: Homes = NO_HOMES,
    force: bool = False,
    alongside: Path | None = None,
) -> Report:
    """The board report of the assessment at `path` (and what changed since `previous`).

    It is written for the governing body before it approves, so nothing stops it: the checks'
    findings are part of what it reports. It is empty only when an assessment cannot be read.
    Raises NotComparable when `previous` is another organisation's or another code's, unless
    `force`; NotAlongside when `alongside` is another organisation's or answers a code with no
    links to this one's, unless `force`; PdfUnavailable for PDF without the pdf extra.
    """
    library = library or CodeLibrary()
    options = CheckOptions(for_publication=True, log=log)
    checked = check_for_publication(path, library, options=options)
    # The log's own rows are for the complaints team ('selfassess complaints' lists them); the
    # report says how many could not be judged, in its complaints section.
    findings = [f for f in checked.findings if f.path == checked.loaded.document.shown_as]
    before = None
    previous_findings: list[Finding] = []
    if previous is not None:
        old = check_for_publication(previous, library)
        previous_findings = old.findings
        if old.answered is None:
            return Report(None, findings, previous_findings)
        before = old.answered
    if checked.answered is None:
        return Report(None, findings, previous_findings)
    assessment, code = checked.answered
    link = None
    if before is not None and previous is not None:
        near = path.parent

        def find(code_id: str) -> Code | None:
            found = library.find(code_id, near)
            return found.code if found is not None else None

        if not force:
            _refuse_unlike((assessment, code), before, previous, find)
        link = between(code, before[1], find)  # last year's code may be two versions back
    complaints = _complaints(checked, code, log, homes)
    view = report_view(assessment, code, findings, before, correspondence=link, complaints=complaints)
    if alongside is not None:
        both = side_by_side(alongside, (assessment, code), library, path.parent, force=force)
        if both.view is None:
            return Report(None, findings, previous_findings, both.findings)
        view = replace(view, alongside=both.view)
    if form == "docx":
        # Imported here, not above: its charts are drawn by matplotlib, whose import (half a
        # second) every HTML or PDF report and the workspace would otherwise pay at start.
        from selfassess.publish.report.docx import render_report_docx

        return Report(render_report_docx(view), findings, previous_findings)
    page = render_report_html(view, template_dir)
    content = render_pdf(page) if form == "pdf" else page.encode("utf-8")
    return Report(content, findings, previous_findings)


def _same_name(one: str, other: str) -> bool:
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()


def _versions_of_one_code(new: Code, old: Code, find: Callable[[str], Code | None]) -> bool:
    if new.id == old.id:
        return True
    for newer, older in ((new, old), (old, new)):  # last time's may be the newer, given in error
        try:
            chain_to(newer, older.id, find)
        except NotSuperseding:
            continue
        return True
    return False


def _refuse_unlike(
    now: tuple[Assessment, Code],
    before: tuple[Assessment, Code],
    previous: Path,
    find: Callable[[str], Code | None],
) -> None:
    (assessment, code), (old, old_code) = now, before
    if not _same_name(assessment.organisation, old.organisation):
        raise NotComparable(
            f"{previous.as_posix()} is the assessment of {old.organisation}, "
            f"not of {assessment.organisation}; give last time's assessment of the same organisation, "
            "or add --force to compare them anyway."
        )
    if not _versions_of_one_code(code, old_code, find):
        raise NotComparable(
            f"{previous.as_posix()} answers the {code_named(old_code)}, which is not a version of the "
            f"{code_named(code)} this assessment answers; give last time's assessment against the same "
            "code, or add --force to compare them anyway."
        )


def _complaints(checked: Checked, code: Code, log: Path | None, homes: Homes) -> ComplaintsView | None:
    """The complaints section, from the log the checks read (judged once: the same object)."""
    document = checked.loaded.document
    assessment = document.assessment
    if assessment is None:
        return None
    judged, _ = log_for(document, code, log, checked.complaint_columns, None)
    period = period_of(assessment)
    if judged is None or not judged.readable or period is None:
        return None
    return complaints_view(measures(judged, period, homes, assessment.assessed_on.value))
