"""The folder seen whole, for an auditor: the page `selfassess summary` writes for the folder (the
share of each answer per provision, the findings seen most often, each assessment's errors and
warnings, year on year), shown in the workspace's own look, and its Excel workbook to download."""

from __future__ import annotations

import re
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from selfassess.check.runner import CheckOptions
from selfassess.load.config import ConfigError
from selfassess.model.standing import BANDS
from selfassess.publish.templates import environment
from selfassess.summary.build import Summary, summarise
from selfassess.summary.view import BAND_WORDS
from selfassess.summary.workbook import render_summary_workbook
from selfassess.workspace.pages import Workspace, page, workspace_of
from selfassess.workspace.security import Refused

_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _summarised(workspace: Workspace) -> Summary:
    """Every file of the folder checked as `check` checks it, in this process (the workspace serves
    one person; it does not start workers)."""
    folder = workspace.folder
    files = [(path, folder.relative(path)) for path in folder.yaml_files()]
    try:
        return summarise(files, workspace.codes.library(folder.root), CheckOptions(), jobs=1)
    except ConfigError as error:
        raise Refused(422, str(error)) from None


async def summary_page(request: Request) -> Response:
    workspace = workspace_of(request)
    made = await run_in_threadpool(_summarised, workspace)
    return page(
        request,
        "workspace/summary.html.j2",
        summary=made.view,
        bands=BANDS,
        words=BAND_WORDS,
        folder=str(workspace.folder.root),
    )


async def summary_style(request: Request) -> Response:
    """The summary's own style (its charts, their legends), as the page it writes carries it."""
    return Response(environment().get_template("summary.css").render(), media_type="text/css")


async def summary_workbook(request: Request) -> Response:
    workspace = workspace_of(request)
    made = await run_in_threadpool(_summarised, workspace)
    content = await run_in_threadpool(render_summary_workbook, made.view)
    name = f"{workspace.folder.root.name or 'folder'}-summary.xlsx"
    plain = re.sub(r"[^A-Za-z0-9._-]", "_", name)
    return Response(
        content,
        media_type=_WORKBOOK,
        headers={"content-disposition": f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name)}"},
    )
