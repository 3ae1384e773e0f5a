"""Publishing from the page: the form (HTML, Word, PDF, an Excel workbook) and the board report,
through the same publish gate as `render` and `report`. A refusal lists the gate's reasons, each
linked to where it is fixed; DRAFT publishes anyway, marked on every page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from selfassess.author.new import code_named
from selfassess.load.config import ConfigError
from selfassess.publish.pdf import PdfTooLarge, PdfUnavailable
from selfassess.publish.render import CellTooLong, NoWorkbook, Rendered, render
from selfassess.publish.report.build import NotComparable, report
from selfassess.publish.report.side_by_side import NotAlongside
from selfassess.workspace.folder import OutsideFolder
from selfassess.workspace.opened import Opened
from selfassess.workspace.pages import Workspace, file_of, link, multi, page, workspace_of
from selfassess.workspace.parts_view import DETAILS, Placement
from selfassess.workspace.security import posted
from selfassess.workspace.start_view import start_view
from selfassess.workspace.summary import FindingView, finding_view

_MEDIA = {
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class FormatChoice:
    value: str
    label: str
    available: bool
    note: str = ""


def _formats(pdf: bool, tracker: bool) -> tuple[FormatChoice, ...]:
    return (
        FormatChoice("html", "Web page (HTML)", True),
        FormatChoice("docx", "Word document", True),
        FormatChoice("pdf", "PDF", pdf, "" if pdf else "needs the PDF extra: pip install 'selfassess[pdf]'"),
        FormatChoice(
            "xlsx",
            "Excel workbook, a sheet for each section",
            not tracker,
            "for a self-assessment's form; a tracker is published in the others" if tracker else "",
        ),
    )


def _report_formats(pdf: bool) -> tuple[FormatChoice, ...]:
    """The board report's formats: what goes into a board pack (Word or PDF), or a web page."""
    return tuple(choice for choice in _formats(pdf, tracker=True) if choice.value in _REPORT_FORMATS)


#: The formats a board report is made in.
_REPORT_FORMATS = ("html", "docx", "pdf")


def _reasons(file: Opened, rendered: Rendered) -> tuple[FindingView, ...]:
    """The errors that stopped publication, each linked to the part of the editor it is fixed in."""
    if file.code is None:
        return ()
    placement = Placement(file.code, file.data, file.checked.loaded.document.positions)
    return tuple(finding_view(file.relative, finding, placement.part(finding)) for finding in rendered.errors)


@dataclass(frozen=True)
class _Counterpart:
    path: Path
    shown_as: str  # as the assessment names it
    offer: str  # the words that offer it beside the board report


def _counterpart(file: Opened) -> _Counterpart | None:
    """The assessment this one names as its `counterpart` (checked, when it was read, to lie
    inside its folder)."""
    counterpart = file.checked.loaded.counterpart
    if counterpart is None:
        return None
    offer = f"{counterpart.shown_as}, the assessment against the {code_named(counterpart.code)}"
    return _Counterpart(file.path.parent / counterpart.shown_as, counterpart.shown_as, offer)


def _earlier(workspace: Workspace, file: Opened) -> tuple[str, ...]:
    """The folder's other assessments of the same organisation, any of which the board report may
    say what changed since (as `report --previous` does); a tracker has none."""
    if file.code is None or file.code.is_tracker:
        return ()
    organisation = str(file.data.get("organisation") or "") if isinstance(file.data, dict) else ""
    rows = start_view(workspace.folder, workspace.codes).rows
    return tuple(
        row.relative
        for row in rows
        if row.relative != file.relative and row.kind == "Assessment" and row.organisation == organisation
    )


async def _show(
    request: Request,
    file: Opened,
    *,
    status: int = 200,
    refused: str | None = None,
    reasons: tuple[FindingView, ...] = (),
    draft: bool = False,
) -> Response:
    workspace = workspace_of(request)
    earlier = await run_in_threadpool(_earlier, workspace, file)
    return page(
        request,
        "workspace/publish.html.j2",
        status,
        relative=file.relative,
        editable=file.editable,
        is_tracker=file.code is not None and file.code.is_tracker,
        formats=_formats(workspace.pdf, file.code is not None and file.code.is_tracker),
        report_formats=_report_formats(workspace.pdf),
        earlier=earlier,
        alongside=counterpart.offer if (counterpart := _counterpart(file)) is not None else None,
        refused=refused,
        reasons=reasons,
        draft=draft,
        edit=link("edit", file.relative, part=DETAILS),
        action=link("publish", file.relative),
    )


async def show(request: Request) -> Response:
    _, file = file_of(request)
    return await _show(request, file)


def _download(content: bytes, form: str, name: str) -> Response:
    """The file itself, for the browser to save (its name kept, in plain letters where need be)."""
    plain = re.sub(r"[^A-Za-z0-9._-]", "_", name)
    return Response(
        content,
        media_type=_MEDIA[form],
        headers={"content-disposition": f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"},
    )


async def publish(request: Request) -> Response:
    workspace, file = file_of(request)
    form = multi(await posted(request, workspace.keys))
    what = (form.get("what") or ["form"])[-1]
    chosen = (form.get("format") or ["html"])[-1]
    draft = bool(form.get("draft"))
    library = workspace.codes.library(file.path.parent)
    stem = file.path.stem
    try:
        if what == "report":
            chosen = chosen if chosen in _REPORT_FORMATS else "html"
            counterpart = _counterpart(file) if form.get("alongside") else None
            beside = counterpart.path if counterpart is not None else None
            since = (form.get("previous") or [""])[-1]
            previous = workspace.folder.existing(since) if since else None
            made = await run_in_threadpool(
                lambda: report(file.path, chosen, library=library, alongside=beside, previous=previous)
            )
            if made.content is None:
                unread = counterpart.shown_as if counterpart is not None else "the assessment"
                return await _show(request, file, status=422, refused=f"No report: {unread} cannot be read.")
            return _download(made.content, chosen, f"{stem}-board-report.{chosen}")
        chosen = chosen if chosen in _MEDIA else "html"
        rendered = await run_in_threadpool(
            lambda: render(file.path, chosen, draft=draft, library=library, shown=file.relative)
        )
    except (
        ConfigError,
        NotAlongside,
        NotComparable,
        OutsideFolder,
        PdfUnavailable,
        PdfTooLarge,
        CellTooLong,
        NoWorkbook,
    ) as error:
        return await _show(request, file, status=422, refused=str(error), draft=draft)
    if rendered.content is None:
        count = len(rendered.errors)
        said = (
            f"Not published: the {count} error{'s' if count != 1 else ''} below must be fixed first, "
            "or tick DRAFT for a copy marked DRAFT on every page."
            if not draft
            else f"Not even a draft can be made until the {count} error{'s' if count != 1 else ''} below "
            f"{'is' if count == 1 else 'are'} fixed."
        )
        return await _show(
            request, file, status=422, refused=said, reasons=_reasons(file, rendered), draft=draft
        )
    return _download(rendered.content, chosen, f"{stem}{'-draft' if draft else ''}.{chosen}")
