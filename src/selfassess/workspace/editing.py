"""The editor's requests: show a part of an assessment, check it as typed, save it, and after a
refused save show the file as it now is with what the person typed kept."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from selfassess.files import write_atomically
from selfassess.load.config import ConfigError
from selfassess.workspace.editor_view import editor_view
from selfassess.workspace.field_view import field_label
from selfassess.workspace.folder import version_of
from selfassess.workspace.form_fields import changes, name_of
from selfassess.workspace.live import check_raw
from selfassess.workspace.opened import Opened, bytes_of, data_of, edited, read, text_of
from selfassess.workspace.pages import Workspace, file_of, link, located, multi, page
from selfassess.workspace.parts_view import DETAILS, findings_view
from selfassess.workspace.security import Refused, posted
from selfassess.workspace.splice import CannotEdit
from selfassess.workspace.started import Started
from selfassess.workspace.unreadable import unreadable_view


def _part(request: Request, form: Mapping[str, list[str]] | None = None) -> str:
    if form is not None and form.get("_part"):
        return form["_part"][-1]
    return request.query_params.get("part", DETAILS)


def _editor(
    request: Request,
    file: Opened,
    part: str,
    *,
    typed: Mapping[str, list[str]] | None = None,
    problems: list[str] | None = None,
    status: int = 200,
    saved: str | None = None,
    started: Started | None = None,
) -> Response:
    if not file.editable:
        return page(request, "workspace/unreadable.html.j2", status, view=unreadable_view(file))
    assert file.code is not None
    positions = file.checked.loaded.document.positions
    view = editor_view(
        file.relative,
        file.code,
        file.data,
        file.checked.findings,
        part,
        file.checked.version,
        typed,
        positions,
    )
    return page(
        request,
        "workspace/editor.html.j2",
        status,
        view=view,
        problems=problems or [],
        saved=saved,
        started=started,
    )


async def show(request: Request) -> Response:
    workspace, file = file_of(request)
    saved = request.query_params.get("saved")
    started = workspace.started.of(file.relative, file.checked.version)
    return _editor(request, file, _part(request), saved=saved, started=started)


def _typed_changes(form: Mapping[str, list[str]], data: Any, file: Opened) -> dict[str, list[str]]:
    """The fields where what the person typed differs from `data`: what a refused save keeps."""
    kept: dict[str, list[str]] = {}
    for name, values in form.items():
        if name.startswith("_"):
            continue
        alone = {name: values, **({f"{name}/+": form[f"{name}/+"]} if f"{name}/+" in form else {})}
        found = changes(alone, data, file.code)
        if found.edits or found.problems:
            kept[name] = values
    return kept


async def save(request: Request) -> Response:
    workspace, file = file_of(request)
    form = multi(await posted(request, workspace.keys))
    part = _part(request, form)
    if not file.editable:
        return _editor(request, file, part, status=409)
    base_version = (form.get("_version") or [""])[-1]
    if file.checked.version != base_version:
        return _conflict(request, workspace, file, form, base_version, part)
    found = changes(form, file.data, file.code)
    if found.problems:
        return _editor(request, file, part, typed=form, problems=found.problems, status=422)
    if not found.edits:
        return RedirectResponse(link("edit", file.relative, part=part, saved="0"), status_code=303)
    assert file.text is not None
    try:
        text = edited(file.text, found.edits)
    except CannotEdit as error:
        return _editor(request, file, part, typed=form, problems=[str(error)], status=422)
    # Read again just before writing: a change made since this request began is never written over.
    if version_of(read(file.path)) != file.checked.version:
        return _conflict(request, workspace, file, form, base_version, part)
    write_atomically(file.path, bytes_of(text), keep_mode=True)
    return RedirectResponse(
        link("edit", file.relative, part=part, saved=str(len(found.edits))), status_code=303
    )


def _conflict(
    request: Request,
    workspace: Workspace,
    file: Opened,
    form: Mapping[str, list[str]],
    base_version: str,
    part: str,
) -> Response:
    """The save refused: what the person typed, listed, with a way to reload the file keeping it."""
    assert file.code is not None  # only an editable file is saved
    base = workspace.versions.get(base_version)
    compared = data_of(text_of(base)) if base is not None else file.data
    kept = _typed_changes(form, compared, file)
    return page(
        request,
        "workspace/conflict.html.j2",
        409,
        relative=file.relative,
        part=part,
        kept=[(name, field_label(name, file.code), values) for name, values in kept.items()],
        known_base=base is not None,
        reload=link("edit", file.relative, part=part),
        keep_action=link("keep", file.relative),
    )


async def keep(request: Request) -> Response:
    """The file as it is now, with what the person typed in the fields they changed (not saved)."""
    workspace, file = file_of(request)
    form = multi(await posted(request, workspace.keys))
    typed = {name: values for name, values in form.items() if not name.startswith("_")}
    return _editor(request, file, _part(request, form), typed=typed)


async def live_check(request: Request) -> Response:
    """The findings of the file as the page says it will be: the changed fields applied to the
    text the page was read from, checked in memory."""
    workspace, path, relative, now = located(request)
    form = multi(await posted(request, workspace.keys))
    part = _part(request, form)
    base_version = (form.get("_version") or [""])[-1]
    base = workspace.versions.get(base_version)
    if base is None:
        raise Refused(409, "The file changed on disk since this page was read; reload the page.")
    notice = None
    if base_version != version_of(now):
        notice = "The file has changed on disk since this page was read: saving will ask what to keep."
    text = text_of(base)
    data = data_of(text)
    library = workspace.codes.library(path.parent)
    named = data.get("code") if isinstance(data, dict) else None
    document = library.find(named, path.parent) if isinstance(named, str) else None
    code = document.code if document is not None else None
    if text is None or not isinstance(data, dict) or code is None:
        raise Refused(409, "The file cannot be changed from the page; fix it in a text editor.")
    found = changes(form, data, code)
    typing = (form.get("_typing") or [""])[-1]
    # The field being typed in last: the others' edits are remembered from the last check.
    found.edits.sort(key=lambda edit: name_of(edit.loc).startswith(typing) if typing else False)
    raw = base
    if found.edits:
        try:
            raw = bytes_of(edited(text, found.edits))
        except CannotEdit as error:
            found.problems.append(str(error))
    try:
        checked = check_raw(raw, path, relative, library)
    except ConfigError as error:
        raise Refused(422, str(error)) from None
    positions = checked.loaded.document.positions
    view = findings_view(relative, code, data_of(text_of(checked.raw)), checked.findings, part, positions)
    html = page(request, "workspace/findings.html.j2", view=view, problems=found.problems, notice=notice)
    return HTMLResponse(html.body, headers={"cache-control": "no-store"})
