"""The workspace as a web application: its state, its routes, and how a refusal is shown.

`make_app(folder, keys)` is all the command line (and the tests) need.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from selfassess.workspace import carrying, comparing, editing, folder_summary, publishing, start
from selfassess.workspace.folder import Folder
from selfassess.workspace.live import Codes, Versions
from selfassess.workspace.pages import Workspace
from selfassess.workspace.security import MAX_UPLOAD, Guard, Keys, Refused, refusal

STATIC = Path(__file__).parent / "static"


async def _refused(request: Request, error: Exception) -> Response:
    assert isinstance(error, Refused)
    return refusal(error)


def make_app(folder: Path, keys: Keys, code_dirs: list[Path] | None = None) -> Starlette:
    """The workspace for `folder`, answering to `keys`."""
    workspace = Workspace(
        folder=Folder(folder),
        codes=Codes(code_dirs or []),
        keys=keys,
        versions=Versions(),
        pdf=importlib.util.find_spec("weasyprint") is not None,
    )
    routes = [
        Route("/", start.start_page, methods=["GET"]),
        Route("/new", start.new_assessment, methods=["POST"]),
        Route("/import", start.import_table, methods=["POST"]),
        Route("/next/{path:path}", carrying.next_form, methods=["GET"]),
        Route("/next/{path:path}", carrying.start_next, methods=["POST"]),
        Route("/counterpart/{path:path}", carrying.counterpart_form, methods=["GET"]),
        Route("/counterpart/{path:path}", carrying.start_counterpart, methods=["POST"]),
        Route("/compare", comparing.compare_page, methods=["GET"]),
        Route("/summary", folder_summary.summary_page, methods=["GET"]),
        Route("/summary.css", folder_summary.summary_style, methods=["GET"]),
        Route("/summary.xlsx", folder_summary.summary_workbook, methods=["GET"]),
        Route("/edit/{path:path}", editing.show, methods=["GET"]),
        Route("/edit/{path:path}", editing.save, methods=["POST"]),
        Route("/keep/{path:path}", editing.keep, methods=["POST"]),
        Route("/check/{path:path}", editing.live_check, methods=["POST"]),
        Route("/publish/{path:path}", publishing.show, methods=["GET"]),
        Route("/publish/{path:path}", publishing.publish, methods=["POST"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(Guard, keys=keys)],
        exception_handlers={Refused: _refused},
        max_body_size=MAX_UPLOAD + 1024 * 1024,
    )
    app.state.workspace = workspace
    return app
