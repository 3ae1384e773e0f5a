"""Comparing two assessments of the folder, as `selfassess diff` does: every change in the diff's own
words, grouped by provision, each linked to where it stands in the editor."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from selfassess.compare.change import Change, Diff, day
from selfassess.compare.diff import compare
from selfassess.compare.diff_output import provision_groups, summary, whole_changes
from selfassess.compare.matching import NotComparable, correspondence
from selfassess.compare.reading import ReadAssessment, read_assessment
from selfassess.load.config import ConfigError
from selfassess.model.code import Code
from selfassess.model.versions import FindCode
from selfassess.workspace.folder import OutsideFolder
from selfassess.workspace.pages import Workspace, link, page, workspace_of
from selfassess.workspace.parts_view import DETAILS
from selfassess.workspace.start_view import start_view
from selfassess.workspace.started import place


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True)
class Shown:
    """One change, with where it is fixed: the later file's editor (or the earlier's, for a
    provision the later code no longer has)."""

    message: str
    href: str
    direction: str | None  # better, worse or changed, for an answer


@dataclass(frozen=True)
class Group:
    label: str
    href: str
    changes: tuple[Shown, ...]


@dataclass(frozen=True)
class Compared:
    old: str  # each side as a sentence names it
    new: str
    summary: str
    whole: tuple[Shown, ...]
    groups: tuple[Group, ...]


def _side(read: ReadAssessment, relative: str) -> str:
    assessment = read.assessment
    assert assessment is not None
    when = day(assessment.assessed_on)
    return f"{relative} ({assessment.organisation}, {assessment.code}, assessed on {when})"


def _read(workspace: Workspace, relative: str) -> tuple[ReadAssessment | None, str | None]:
    """The assessment `relative` names, read whole, or the sentence that says why not."""
    try:
        path = workspace.folder.existing(relative)
        read = read_assessment(path, workspace.codes.library(path.parent), relative)
    except (OutsideFolder, ConfigError) as error:
        return None, str(error)
    if read.kind == "code":
        return None, f"{relative} is a code, not an assessment; choose an assessment of it."
    if not read.usable:
        return (
            None,
            f"{relative} cannot be read whole, so it cannot be compared; open it in the editor to see what "
            "to fix.",
        )
    return read, None


def _shown(change: Change, old: tuple[str, Code], new: tuple[str, Code]) -> Shown:
    if change.provision is not None:
        href = place(new[0], new[1], change.provision).href
    elif change.previously:
        href = place(old[0], old[1], change.previously[0]).href
    else:
        href = link("edit", new[0], part=DETAILS)
    return Shown(change.message, href, change.direction)


def _compared(diff: Diff, old: tuple[str, Code], new: tuple[str, Code], sides: tuple[str, str]) -> Compared:
    groups = []
    for label, changes in provision_groups(diff):
        shown = tuple(_shown(change, old, new) for change in changes)
        groups.append(Group(label, shown[0].href, shown))
    return Compared(
        sides[0],
        sides[1],
        summary(diff),
        tuple(_shown(change, old, new) for change in whole_changes(diff)),
        tuple(groups),
    )


def _comparison(workspace: Workspace, old_name: str, new_name: str) -> tuple[Compared | None, list[str], str]:
    """What changed from `old_name` to `new_name`, or why they cannot be compared; and, where they
    were given the wrong way round, the address that compares them the right way."""
    if old_name == new_name:
        return None, ["Choose two different assessments: one earlier, one later."], ""
    old, said_old = _read(workspace, old_name)
    new, said_new = _read(workspace, new_name)
    problems = [said for said in (said_old, said_new) if said]
    if old is None or new is None or problems:
        return None, problems, ""
    assert old.code is not None and new.code is not None
    library = workspace.codes.library(workspace.folder.root)

    def finder(near: ReadAssessment) -> FindCode:
        def find(code_id: str) -> Code | None:
            found = library.find(code_id, near.path.parent)
            return found.code if found is not None else None

        return find

    try:
        matched = correspondence(old.code, new.code, finder(old), finder(new))
    except NotComparable as error:
        if error.reversed:
            swap = "/compare?" + urlencode({"old": new_name, "new": old_name})
            return (
                None,
                [
                    f"{old_name} answers {old.code.id}, a later version than {new.code.id}, which {new_name} "
                    "answers; choose it as the later assessment."
                ],
                swap,
            )
        return (
            None,
            [
                f"{old_name} answers {old.code.id} and {new_name} answers {new.code.id}, which are not "
                "versions of one code; only assessments of one code, or of its versions, can be compared."
            ],
            "",
        )
    diff = compare(old, new, matched)
    sides = (_side(old, old_name), _side(new, new_name))
    return _compared(diff, (old_name, old.code), (new_name, new.code), sides), [], ""


async def compare_page(request: Request) -> Response:
    workspace = workspace_of(request)
    rows = (await run_in_threadpool(start_view, workspace.folder, workspace.codes)).rows
    choices = tuple(
        Choice(row.relative, f"{row.relative} ({row.organisation}, {row.code_title})") for row in rows
    )
    old_name = request.query_params.get("old", "")
    new_name = request.query_params.get("new", "")
    compared, problems, swap = None, [], ""
    if old_name or new_name:
        if not old_name or not new_name:
            problems = ["Choose both assessments: the earlier and the later."]
        else:
            compared, problems, swap = await run_in_threadpool(_comparison, workspace, old_name, new_name)
    return page(
        request,
        "workspace/compare.html.j2",
        422 if problems else 200,
        choices=choices,
        old=old_name,
        new=new_name,
        compared=compared,
        problems=problems,
        swap=swap,
    )
