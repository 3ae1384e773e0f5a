"""What the start page shows: the assessments and trackers in the folder (found as `check` finds
them) with how far each has got, the files that cannot be read, and the codes to start from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from selfassess.author.new import code_named
from selfassess.check.findings import Severity
from selfassess.load.codes import CodeLibrary
from selfassess.load.config import ConfigError
from selfassess.model.code import Code
from selfassess.model.versions import counterparts
from selfassess.workspace.folder import Folder
from selfassess.workspace.form_fields import value_at
from selfassess.workspace.live import Codes
from selfassess.workspace.opened import opened, read


@dataclass(frozen=True)
class FileRow:
    relative: str
    kind: str  # 'Assessment' or 'Tracker'
    organisation: str
    code_title: str
    answered: int
    total: int
    errors: int
    warnings: int
    #: For an assessment (not a tracker): the codes that ask the same as its own, (title, address)
    #: of the page that starts one from it.
    counterparts: tuple[tuple[str, str], ...] = ()

    @property
    def edit_href(self) -> str:
        return f"/edit/{quote(self.relative)}?part=details"

    @property
    def next_href(self) -> str:
        return f"/next/{quote(self.relative)}"

    @property
    def publish_href(self) -> str:
        return f"/publish/{quote(self.relative)}"


@dataclass(frozen=True)
class UnreadableRow:
    relative: str
    problem: str
    openable: bool = True  # a folder, or a link that leads nowhere, has no page to open

    @property
    def edit_href(self) -> str:
        return f"/edit/{quote(self.relative)}"


@dataclass(frozen=True)
class CodeChoice:
    id: str
    label: str


@dataclass(frozen=True)
class StartView:
    folder: str
    rows: tuple[FileRow, ...]
    unreadable: tuple[UnreadableRow, ...]
    codes: tuple[CodeChoice, ...]
    suggested_folder: str  # where a new file goes unless the person says otherwise: 'assessments/'


def all_codes(library: CodeLibrary, near: Path) -> list[Code]:
    """Every readable code visible from `near`."""
    codes = []
    for code_id in library.ids(near):
        found = library.find(code_id, near)
        if found is not None and found.code is not None:
            codes.append(found.code)
    return codes


def code_choices(library: CodeLibrary, near: Path) -> tuple[CodeChoice, ...]:
    """Every readable code visible from `near`, as a person knows it."""
    codes = all_codes(library, near)
    # A regulator's code before the committees' trackers (most people start an annual
    # self-assessment), and a code's current version before the one it supersedes.
    superseded = {code.supersedes for code in codes if code.supersedes}
    codes.sort(key=lambda code: (code.is_tracker, code.id in superseded, code.title.casefold()))
    return tuple(CodeChoice(code.id, code_named(code)) for code in codes)


def start_view(folder: Folder, codes: Codes) -> StartView:
    rows: list[FileRow] = []
    unreadable: list[UnreadableRow] = []
    codes_here = all_codes(codes.library(folder.root), folder.root)
    files, unlisted = folder.listing()
    for path in files:
        relative = folder.relative(path)
        try:
            file = opened(path, relative, read(path), codes)
        except OSError as error:
            reason = (error.strerror or "the system refused").lower()
            unreadable.append(UnreadableRow(relative, f"It cannot be read ({reason})."))
            continue
        except ConfigError as error:
            unreadable.append(UnreadableRow(relative, str(error)))
            continue
        if file.is_code:
            continue  # codes are offered below, to start an assessment from
        code, findings = file.code, file.checked.findings
        if not file.editable or code is None:
            first = next((finding.message for finding in findings if finding.rule == "SA001"), None)
            unreadable.append(UnreadableRow(relative, first or "It cannot be read as an assessment."))
            continue
        counted = [finding for finding in findings if finding.waived is None]
        organisation = value_at(file.data, ("organisation",))
        rows.append(
            FileRow(
                relative=relative,
                kind="Tracker" if code.is_tracker else "Assessment",
                organisation=organisation
                if isinstance(organisation, str) and organisation
                else "(not given)",
                code_title=code.title,
                answered=sum(
                    isinstance(answer := value_at(file.data, ("responses", number, "answer")), str)
                    and bool(answer.strip())
                    for number in code.provisions
                ),
                total=len(code.provisions),
                errors=sum(finding.severity is Severity.ERROR for finding in counted),
                warnings=sum(finding.severity is Severity.WARNING for finding in counted),
                counterparts=()
                if code.is_tracker
                else tuple(
                    (code_named(other), f"/counterpart/{quote(relative)}?code={quote(other.id, safe='')}")
                    for other in counterparts(code, codes_here)
                ),
            )
        )
    unreadable += [UnreadableRow(item.relative, item.problem, openable=False) for item in unlisted]
    suggested = "assessments/" if (folder.root / "assessments").is_dir() else ""
    return StartView(
        folder=str(folder.root),
        rows=tuple(rows),
        unreadable=tuple(unreadable),
        codes=code_choices(codes.library(folder.root), folder.root),
        suggested_folder=suggested,
    )
