"""What every handler shares: the workspace's state, finding the file a request names, and laying
out a page with its template."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.requests import Request
from starlette.responses import HTMLResponse

from selfassess.load.config import ConfigError
from selfassess.publish.templates import environment
from selfassess.workspace.folder import Folder, OutsideFolder
from selfassess.workspace.live import Codes, Versions
from selfassess.workspace.opened import Opened, opened, read
from selfassess.workspace.security import CSRF_FIELD, Keys, Refused
from selfassess.workspace.started import StartedFiles


@dataclass
class Workspace:
    folder: Folder
    codes: Codes
    keys: Keys
    versions: Versions
    pdf: bool  # whether WeasyPrint is installed, so PDF can be offered
    started: StartedFiles = field(default_factory=StartedFiles)  # what to say of files just started


def workspace_of(request: Request) -> Workspace:
    found = request.app.state.workspace
    assert isinstance(found, Workspace)
    return found


def located(request: Request) -> tuple[Workspace, Path, str, bytes]:
    """The file the request's path names: the workspace, the file resolved, its name in the folder
    and its bytes (Refused with 404 if it is not a file of the folder)."""
    workspace = workspace_of(request)
    relative = str(request.path_params["path"])
    try:
        path = workspace.folder.existing(relative)
        raw = read(path)
    except OutsideFolder as error:
        raise Refused(404, str(error)) from None
    except OSError:
        raise Refused(404, f"The file '{relative}' cannot be read.") from None
    return workspace, path, workspace.folder.relative(path), raw


def file_of(request: Request) -> tuple[Workspace, Opened]:
    """The file the request's path names, read and checked."""
    workspace, path, relative, raw = located(request)
    workspace.versions.keep(raw)
    try:
        return workspace, opened(path, relative, raw, workspace.codes)
    except ConfigError as error:
        raise Refused(422, str(error)) from None


def link(kind: str, relative: str, **query: str) -> str:
    """/edit/assessments/x.yaml?part=3: a page of the workspace about one file."""
    address = f"/{kind}/{quote(relative)}"
    if query:
        address += "?" + "&".join(f"{key}={quote(value, safe='')}" for key, value in query.items())
    return address


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    keys = workspace_of(request).keys
    html = environment().get_template(template).render(csrf_field=CSRF_FIELD, csrf=keys.csrf, **context)
    return HTMLResponse(html, status_code=status)


def multi(form: Mapping[str, Any]) -> dict[str, list[str]]:
    """A posted form as lists of text (a file field is left out)."""
    items = form.multi_items() if hasattr(form, "multi_items") else list(form.items())
    found: dict[str, list[str]] = {}
    for name, value in items:
        if isinstance(value, str):
            found.setdefault(name, []).append(value)
    return found


def keys_of(request: Request) -> Keys:
    return workspace_of(request).keys
