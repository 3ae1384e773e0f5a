"""Starting an assessment from another in the folder: next year's from this year's (what `migrate`
does, carried to the latest version of the code, or the same code where none is later) and one of
another code from this one (what `new --from` does, carrying the answers to equal requirements).
A new file is written beside the others, never over one, and opened in the editor, which says
what was carried and what is left to answer."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from selfassess.author.migrate import listed, migrate
from selfassess.author.new import Seed, code_named, new_assessment, seeding
from selfassess.author.yaml_text import schema_line
from selfassess.compare.reading import ReadAssessment, read_assessment
from selfassess.files import write_atomically
from selfassess.load.config import ConfigError
from selfassess.load.yaml_source import load_yaml_bytes
from selfassess.model.code import Code
from selfassess.model.versions import counterparts, newest_version
from selfassess.timelimits.written_date import read_written_date
from selfassess.workspace.folder import OutsideFolder, version_of
from selfassess.workspace.opened import opened, read
from selfassess.workspace.pages import Workspace, link, located, multi, page, workspace_of
from selfassess.workspace.parts_view import DETAILS
from selfassess.workspace.security import Refused, posted
from selfassess.workspace.start_view import all_codes
from selfassess.workspace.started import Place, Started, counted, places, unanswered


@dataclass(frozen=True)
class _Source:
    workspace: Workspace
    path: Path
    relative: str
    read: ReadAssessment
    code: Code  # the code it answers


def _source(request: Request) -> _Source:
    """The assessment the address names, read whole (a part-read file is never carried)."""
    workspace, path, relative, _ = located(request)
    try:
        found = read_assessment(path, workspace.codes.library(path.parent), relative)
    except ConfigError as error:
        raise Refused(422, str(error)) from None
    if found.kind == "code":
        raise Refused(422, f"{relative} is a code, not an assessment; start from an assessment of it.")
    if not found.usable or found.code is None:
        raise Refused(
            422,
            f"{relative} cannot be read whole, so nothing is carried from it; open it in the editor to see "
            "what to fix first.",
        )
    return _Source(workspace, path, relative, found, found.code)


def _next_year(name: str) -> str:
    """westminster-2024.yaml -> westminster-2025.yaml (the last year in the name moved on one)."""
    stem, suffix = os.path.splitext(name)
    years = list(re.finditer(r"(?<!\d)(19|20)\d\d(?!\d)", stem))
    if not years:
        return f"{stem}-next{suffix}"
    last = years[-1]
    return f"{stem[: last.start()]}{int(last.group()) + 1}{stem[last.end() :]}{suffix}"


def _free(workspace: Workspace, name: str) -> str:
    """`name`, or `name` with -2, -3… where a file of that name exists: a suggestion that works."""
    stem, suffix = os.path.splitext(name)
    candidate, number = name, 1
    while (workspace.folder.root / candidate).exists():
        number += 1
        candidate = f"{stem}-{number}{suffix}"
    return candidate


def _a_year_on(day: date | None) -> str:
    if day is None:
        return ""
    try:
        return day.replace(year=day.year + 1).isoformat()
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28).isoformat()


@dataclass(frozen=True)
class _Plan:
    """What one of the two starts does, as its page says it."""

    heading: str
    explains: tuple[str, ...]
    action: str
    code: Code  # the code the new file answers
    save_as: str
    assessed_on: str
    other: str = ""  # the counterpart code's id, sent back with the form


def _next_plan(source: _Source) -> tuple[_Plan, Code, bool]:
    library = source.workspace.codes.library(source.path.parent)

    def find(code_id: str) -> Code | None:
        found = library.find(code_id, source.path.parent)
        return found.code if found is not None else None

    newer, _ = newest_version(source.code, all_codes(library, source.path.parent), find)
    assessment = source.read.assessment
    assert assessment is not None
    moved = newer.id != source.code.id
    explains = (
        (
            f"Every answer, with its evidence, commentary and actions, is carried to {code_named(newer)}, "
            f"the version that replaces {source.code.id}; provisions it renumbered keep their answers."
            if moved
            else f"Every answer, with its evidence, commentary and actions, is carried to a new assessment "
            f"against the same code, {code_named(newer)}."
        ),
        "Last time's approval is not carried: the governing body approves each year's assessment itself.",
        f"{source.relative} is not changed.",
    )
    plan = _Plan(
        heading=f"Start next year's assessment from {source.relative}",
        explains=explains,
        action=link("next", source.relative),
        code=newer,
        save_as=_free(source.workspace, _next_year(source.relative)),
        assessed_on=_a_year_on(assessment.assessed_on.value),
    )
    return plan, newer, moved


def _counterpart_plan(source: _Source, code_id: str) -> _Plan:
    library = source.workspace.codes.library(source.path.parent)
    others = counterparts(source.code, all_codes(library, source.path.parent))
    code = next((other for other in others if other.id == code_id), None)
    if code is None:
        raise Refused(
            404,
            f"No code here names the provisions of {source.code.id} as its own, so nothing can be carried "
            f"from {source.relative} to '{code_id}'.",
        )
    assessment = source.read.assessment
    assert assessment is not None
    stem, suffix = os.path.splitext(source.relative)
    return _Plan(
        heading=f"Start the {code_named(code)} assessment from {source.relative}",
        explains=(
            f"Where {code.id} asks the same as {source.code.id}, the answer, evidence, commentary and "
            f"actions in {source.relative} are carried; every other provision is left to answer, with a "
            "related answer shown to weigh where there is one.",
            f"{source.relative} is not changed.",
        ),
        action=link("counterpart", source.relative),
        code=code,
        save_as=_free(source.workspace, f"{stem}-{code.id}{suffix}"),
        assessed_on=assessment.assessed_on.value.isoformat() if assessment.assessed_on.value else "",
        other=code.id,
    )


def _show(
    request: Request,
    source: _Source,
    plan: _Plan,
    *,
    problems: list[str] | None = None,
    typed: Mapping[str, list[str]] | None = None,
    status: int = 200,
) -> Response:
    kept = {name: values[-1] for name, values in (typed or {}).items()}
    return page(
        request,
        "workspace/carry.html.j2",
        status,
        plan=plan,
        relative=source.relative,
        problems=problems or [],
        save_as=kept.get("save_as", plan.save_as),
        assessed_on=kept.get("assessed_on", plan.assessed_on),
    )


async def next_form(request: Request) -> Response:
    source = _source(request)
    return _show(request, source, _next_plan(source)[0])


async def counterpart_form(request: Request) -> Response:
    source = _source(request)
    return _show(request, source, _counterpart_plan(source, request.query_params.get("code", "")))


def _asked(source: _Source, form: Mapping[str, list[str]]) -> tuple[date | None, Path | None, list[str]]:
    """The date and the new file the form gives, or what is wrong with them, a sentence each."""
    problems: list[str] = []
    written = (form.get("assessed_on") or [""])[-1].strip()
    reading = read_written_date(written)
    if not written:
        problems.append("Give the date the new assessment speaks for (assessed on).")
    elif reading.value is None:
        problems.append(f"'{written}' is not a date selfassess can read; give one like 2026-05-20.")
    name = (form.get("save_as") or [""])[-1].strip()
    if name and not name.endswith((".yaml", ".yml")):
        name += ".yaml"
    target = None
    if not name:
        problems.append("Give the name of the new file, such as assessments/our-2026.yaml.")
    else:
        try:
            target = source.workspace.folder.new(name)
        except OutsideFolder as error:
            problems.append(str(error))
    return reading.value, target, problems


def _written(workspace: Workspace, target: Path, text: str) -> tuple[str, str]:
    """The new file written (atomically); its name in the folder and its version."""
    target.parent.mkdir(parents=True, exist_ok=True)
    raw = text.encode("utf-8")
    write_atomically(target, raw)
    return workspace.folder.relative(target), version_of(raw)


def _tell(
    workspace: Workspace,
    relative: str,
    version: str,
    source: _Source,
    said: list[str],
    code: Code,
    left: list[str],
    suggestions: tuple[tuple[Place, str], ...] = (),
) -> None:
    """Keep what the editor says of the file just started: what was carried, and what is left to
    answer in the code as the editor shows it (a provision or a section at a time)."""
    workspace.started.tell(
        relative,
        Started(
            version,
            f"Started from {source.relative}",
            tuple(said),
            places(relative, code, left),
            suggestions,
            unit=code.answered_per,
        ),
    )


def _opened_code(workspace: Workspace, target: Path, relative: str) -> tuple[Code, object]:
    """The code the editor opens the new file with, and its data: where each provision is shown."""
    file = opened(target, relative, read(target), workspace.codes)
    if file.code is None:
        raise Refused(422, f"{relative} was written but its code cannot be found; open it in a text editor.")
    return file.code, file.data


async def start_next(request: Request) -> Response:
    """What `selfassess migrate` does, to the latest version of the code (or the same code)."""
    form = multi(await posted(request, workspace_of(request).keys))
    source = _source(request)
    workspace = source.workspace
    plan, newer, moved = _next_plan(source)
    assessed_on, target, problems = _asked(source, form)
    if problems or target is None:
        return _show(request, source, plan, problems=problems, typed=form, status=422)
    library = workspace.codes.library(source.path.parent)

    def find(code_id: str) -> Code | None:
        found = library.find(code_id, source.path.parent)
        return found.code if found is not None else None

    _, correspondence = newest_version(source.code, [newer], find)
    data = load_yaml_bytes(read(source.path)).data
    made = migrate(
        data,
        source.code,
        newer,
        correspondence,
        os.path.relpath(source.path, target.parent),
        schema_line(target, newer.id),
        assessed_on,
    )
    relative, version = _written(workspace, target, made.text)
    code, written = _opened_code(workspace, target, relative)
    said = [
        f"Carried {counted(len(made.carried), 'response')} from {source.relative}"
        + (f" to {newer.id}, the version that replaces {source.code.id}" if moved else "")
        + ": each is last time's, so read it again before this assessment is approved."
        if made.carried
        else f"Nothing is carried from {source.relative}: it has no answer yet."
    ]
    if made.approval_dropped:
        said.append(
            f"Last time's approval ({made.approval_dropped}) is not carried: record this assessment's own "
            "when it is given."
        )
    if isinstance(data, dict) and "period" in data:
        said.append("The period is still last time's: change it under the details below.")
    if made.new:
        said.append(f"New in {newer.id}, so to be answered: {listed(list(made.new))}.")
    for disagreement in made.disagreements:
        olds = listed([number for number, _ in disagreement.answers])
        said.append(
            f"{disagreement.provision} is made from {olds}, which were answered differently last time, "
            "so its answer is left for you to choose."
        )
    if made.kept_as_comments:
        said.append(
            f"Last time's answers to {listed(list(made.kept_as_comments))} are kept in the file as comments: "
            f"{newer.id} no longer has those provisions."
        )
    _tell(workspace, relative, version, source, said, code, unanswered(code, written))
    return RedirectResponse(link("edit", relative, part=DETAILS), status_code=303)


async def start_counterpart(request: Request) -> Response:
    """What `selfassess new CODE --from FILE` does."""
    form = multi(await posted(request, workspace_of(request).keys))
    source = _source(request)
    workspace = source.workspace
    plan = _counterpart_plan(source, (form.get("code") or [""])[-1])
    assessed_on, target, problems = _asked(source, form)
    if problems or target is None:
        return _show(request, source, plan, problems=problems, typed=form, status=422)
    assessment = source.read.assessment
    assert assessment is not None
    code = plan.code.with_sections(plan.code.sections, "provision")  # carried a provision at a time
    seed = Seed(assessment, source.code, Path(os.path.relpath(source.path, target.parent)).as_posix())
    text = new_assessment(
        code,
        organisation=assessment.organisation,
        assessed_on=assessed_on,
        schema=schema_line(target, code.id),
        seed=seed,
    )
    relative, version = _written(workspace, target, text)
    opened_code, written = _opened_code(workspace, target, relative)
    seeded = seeding(code, seed)
    said = [
        f"Carried {counted(len(seeded.carried), 'answer')} from {source.relative}, where {code.id} asks the "
        f"same as {source.code.id}: check that each holds for every service this assessment covers.",
    ]
    if seeded.suggested:
        said.append(
            f"For {counted(len({number for number, _ in seeded.suggested}), 'provision')} "
            f"{source.relative} answers a related requirement, listed below to weigh."
        )
    left = unanswered(opened_code, written)
    suggestions = tuple(
        (place, note.removeprefix("Suggestion: "))
        for (number, note) in seeded.suggested
        for place in places(relative, opened_code, [number])
    )
    _tell(workspace, relative, version, source, said, opened_code, left, suggestions)
    return RedirectResponse(link("edit", relative, part=DETAILS), status_code=303)
