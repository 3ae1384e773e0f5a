"""The start page, and starting an assessment there: a new one from a code (what `new` does), or one
imported from a Word, Excel or CSV table (what `import` does, with its report)."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from selfassess.author.new import new_assessment as new_text
from selfassess.author.yaml_text import schema_line
from selfassess.check.findings import Severity
from selfassess.files import write_atomically
from selfassess.importing import SUPPORTED, ImportFailed
from selfassess.importing.document import check_imported, import_file
from selfassess.load.config import ConfigError
from selfassess.load.reading import by_section
from selfassess.model.code import Code
from selfassess.timelimits.written_date import read_written_date
from selfassess.workspace.folder import OutsideFolder
from selfassess.workspace.pages import Workspace, link, multi, page, workspace_of
from selfassess.workspace.security import MAX_UPLOAD, posted
from selfassess.workspace.start_view import start_view


def _start(
    request: Request,
    problems: list[str] | None = None,
    typed: Mapping[str, list[str]] | None = None,
    status: int = 200,
) -> Response:
    workspace = workspace_of(request)
    view = start_view(workspace.folder, workspace.codes)
    typed = typed or {}
    kept = {name: values[-1] for name, values in typed.items()}
    return page(
        request,
        "workspace/start.html.j2",
        status,
        view=view,
        problems=problems or [],
        kept=kept,
        formats=", ".join(f"{kind} ({suffix})" for suffix, kind in SUPPORTED.items()),
        accept=",".join(SUPPORTED),
    )


async def start_page(request: Request) -> Response:
    return _start(request)


@dataclass
class _About:
    """What both forms ask: the code, the organisation, the date, and the file to write."""

    code: Code | None = None
    organisation: str | None = None
    assessed_on: date | None = None
    target: Path | None = None
    relative: str = ""
    problems: list[str] = field(default_factory=list)


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.casefold()))[:50].strip("-")


def _about(workspace: Workspace, form: Mapping[str, list[str]]) -> _About:
    about = _About()
    code_id = (form.get("code") or [""])[-1]
    library = workspace.codes.library(workspace.folder.root)
    found = library.find(code_id, workspace.folder.root) if code_id else None
    if found is None or found.code is None:
        about.problems.append("Choose the code the assessment answers.")
    else:
        about.code = found.code
    about.organisation = (form.get("organisation") or [""])[-1].strip() or None
    if about.organisation is None:
        about.problems.append("Give the organisation the assessment speaks for.")
    written = (form.get("assessed_on") or [""])[-1].strip()
    reading = read_written_date(written)
    if not written:
        about.problems.append("Give the date the assessment speaks for (assessed on).")
    elif reading.value is None:
        about.problems.append(f"'{written}' is not a date selfassess can read; give one like 2025-03-31.")
    about.assessed_on = reading.value
    name = (form.get("save_as") or [""])[-1].strip()
    if not name and about.code is not None:
        stem = _slug(about.organisation or "") or about.code.id
        year = (about.assessed_on or date.today()).year
        name = (
            f"{'assessments/' if (workspace.folder.root / 'assessments').is_dir() else ''}{stem}-{year}.yaml"
        )
    if name and not name.endswith((".yaml", ".yml")):
        name += ".yaml"
    if not name:
        about.problems.append("Give the name of the file to write, such as assessments/our-2026.yaml.")
        return about
    try:
        about.target = workspace.folder.new(name)
        about.relative = name
    except OutsideFolder as error:
        about.problems.append(str(error))
    return about


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, text.encode("utf-8"))


async def new_assessment(request: Request) -> Response:
    """What `selfassess new` does: every provision listed with its requirement, every answer empty."""
    workspace = workspace_of(request)
    form = multi(await posted(request, workspace.keys))
    about = _about(workspace, form)
    if about.problems or about.code is None or about.target is None:
        return _start(request, about.problems, {f"new-{k}": v for k, v in form.items()}, status=422)
    code = by_section(about.code) if about.code.answered_per == "section" else about.code
    made = new_text(
        code,
        organisation=about.organisation,
        assessed_on=about.assessed_on,
        schema=schema_line(about.target, about.code.id),
    )
    _write(about.target, made)
    return RedirectResponse(
        link("edit", workspace.folder.relative(about.target), part="details"), status_code=303
    )


def _upload_name(filename: str) -> str:
    """The uploaded file's own name (its report names it), made safe to write in a folder of our own."""
    name = Path(filename.replace("\\", "/")).name
    cleaned = re.sub(r"[^\w .()-]", "_", name).strip(" .") or "upload"
    return cleaned[-100:]


async def import_table(request: Request) -> Response:
    """What `selfassess import` does, with its report of what could not be placed."""
    workspace = workspace_of(request)
    received = await posted(request, workspace.keys)
    form = multi(received)
    kept = {f"import-{k}": v for k, v in form.items()}
    upload = received.get("table")
    about = _about(workspace, form)
    if not isinstance(upload, UploadFile) or not upload.filename:
        about.problems.insert(0, "Choose the Word, Excel or CSV file to import.")
    elif Path(upload.filename).suffix.lower() not in SUPPORTED:
        imports = ", ".join(SUPPORTED)
        about.problems.insert(
            0,
            f"{_upload_name(upload.filename)}: selfassess imports {imports} files; "
            "save it as one of those first.",
        )
    if about.problems or about.code is None or about.target is None or not isinstance(upload, UploadFile):
        return _start(request, about.problems, kept, status=422)
    content = await upload.read(MAX_UPLOAD + 1)
    if len(content) > MAX_UPLOAD:
        return _start(
            request, ["The file is larger than 20 MB, the most selfassess reads."], kept, status=422
        )
    code, target = about.code, about.target
    if code.answered_per == "section":
        code = by_section(code)  # a form answered a section at a time, as the code's own is
    with tempfile.TemporaryDirectory(prefix="selfassess-import-") as folder:
        source = Path(folder) / _upload_name(upload.filename or "upload")
        source.write_bytes(content)
        try:
            made = await run_in_threadpool(
                import_file,
                source,
                code,
                organisation=about.organisation,
                assessed_on=about.assessed_on,
                schema=schema_line(target, code.id),
            )
        except ImportFailed as error:
            return _start(request, [str(error)], kept, status=422)
    _write(target, made.text)
    relative = workspace.folder.relative(target)
    try:
        result = check_imported(made.text, target, relative, workspace.codes.library(target.parent))
    except ConfigError as error:
        return _start(request, [str(error)], kept, status=422)
    return page(
        request,
        "workspace/imported.html.j2",
        summary=made.summary(relative, len(code.provisions)),
        notes=made.notes,
        errors=result.count(Severity.ERROR),
        warnings=result.count(Severity.WARNING),
        edit=link("edit", relative, part="details"),
        relative=relative,
    )
