"""Reading a file with what it needs to be understood: the document and the code it answers.

This is the one way every command reads an assessment or a code (check, render, report, diff,
migrate, import, the workspace): the file is read and validated, and an assessment's code is found
by its id as formats.md orders the search, or a problem says why it was not. A code that
supersedes another comes with the older code, where it can be found.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from selfassess.didyoumean import end_with_hint
from selfassess.load.codes import CodeLibrary
from selfassess.load.documents import Document, document_from_bytes, read_document
from selfassess.load.positions import LoadProblem
from selfassess.load.yaml_source import DEFAULT_LIMITS, Limits
from selfassess.model.assessment import Assessment
from selfassess.model.code import Code, Section


@dataclass(frozen=True)
class Counterpart:
    """The assessment an assessment names as its `counterpart`, and the code that one answers."""

    assessment: Assessment
    code: Code
    shown_as: str


@dataclass(frozen=True)
class Loaded:
    """One file as read: its document (with every problem found reading it) and its code."""

    document: Document
    code: Code | None = None  # the code the document is, or the code an assessment answers
    superseded: Code | None = None  # for a code with `supersedes`, the code it replaces, if found
    related: Mapping[str, Code | None] = field(default_factory=dict)  # codes its provisions correspond to
    counterpart: Counterpart | None = None  # for an assessment with `counterpart`, that assessment


def _code_problem(document: Document, library: CodeLibrary) -> tuple[Code | None, LoadProblem | None]:
    """The code an assessment answers to, or the problem that stops it being found."""
    assessment = document.assessment
    assert assessment is not None
    near = document.path.parent
    where = document.positions.value(("code",))
    found = library.find(assessment.code, near)
    if found is None:
        hint = end_with_hint(assessment.code, library.ids(near))
        return None, LoadProblem(
            where,
            f"No code '{assessment.code}' was found (looked in {library.describe_search(near)}){hint}",
            ("code",),
        )
    if found.code is None:
        return None, LoadProblem(
            where,
            f"The code '{assessment.code}' ({found.shown_as}) cannot be read; check it and fix it first.",
            ("code",),
        )
    return found.code, None


def _found(library: CodeLibrary, code_id: str, near: Path) -> Code | None:
    found = library.find(code_id, near)
    return found.code if found is not None else None


def with_code(document: Document, library: CodeLibrary) -> Loaded:
    """A document read already, with its code looked up (and, for an assessment answered section
    by section, the code as its sections; for a code, the codes it names)."""
    near = document.path.parent
    if document.assessment is not None:
        assessment = document.assessment
        code, problem = _code_problem(document, library)
        if problem is not None:
            document = replace(document, problems=[*document.problems, problem])
        if code is not None and (assessment.answered_per or code.answered_per) == "section":
            code = by_section(code)
        elif code is not None and code.answered_per == "section":
            # Answered a provision at a time, where the code's own form asks a section at a time.
            code = code.with_sections(code.sections, "provision")
        counterpart, trouble = _counterpart(document, library)
        if trouble is not None:
            document = replace(document, problems=[*document.problems, trouble])
        return Loaded(document, code, counterpart=counterpart)
    if document.code is not None:
        code = document.code
        superseded = _found(library, code.supersedes, near) if code.supersedes else None
        named = {link.code for provision in code.provisions.values() for link in provision.corresponds}
        related = {code_id: _found(library, code_id, near) for code_id in sorted(named)}
        return Loaded(document, code, superseded, related)
    return Loaded(document)


def _counterpart(document: Document, library: CodeLibrary) -> tuple[Counterpart | None, LoadProblem | None]:
    """The assessment this one names as its counterpart, read whole, or the problem that stops it.

    Like an evidence file, it must lie inside the assessment's folder: a path that leaves it, or
    that cannot be read as an assessment with its code, is reported and never followed further."""
    assessment = document.assessment
    if assessment is None or not assessment.counterpart:
        return None, None
    where = document.positions.value(("counterpart",))
    folder = document.path.parent.resolve()
    written = assessment.counterpart
    target = (document.path.parent / written).resolve()
    if Path(written).is_absolute() or not target.is_relative_to(folder):
        return None, LoadProblem(
            where,
            f"The counterpart '{written}' lies outside this assessment's folder; give a path inside it.",
            ("counterpart",),
        )
    other = read_document(target, written)
    if other.assessment is None or other.problems:
        return None, LoadProblem(
            where,
            f"The counterpart '{written}' cannot be read as an assessment; check it first.",
            ("counterpart",),
        )
    code, problem = _code_problem(other, library)
    if code is None or problem is not None:
        return None, LoadProblem(
            where,
            f"The code of the counterpart '{written}' cannot be found; check it first.",
            ("counterpart",),
        )
    return Counterpart(other.assessment, code, written), None


def by_section(code: Code) -> Code:
    """The code answered a section at a time: each section one provision, numbered as the section,
    its requirement the section's provisions in turn, setting every limit and deadline they set."""
    return code.with_sections([_as_one(section) for section in code.sections], "section")


def _as_one(section: Section) -> Section:
    provisions = section.provisions
    musts = any(p.obligation == "must" for p in provisions)
    optional = all(p.evidence == "optional" for p in provisions)
    provision = {
        "number": section.number,
        "text": "\n\n".join(f"**{p.shown_number}** {p.text}" for p in provisions) or section.title,
        "obligation": "must" if musts else "should",
        "evidence": "optional" if optional else "expected",
        "time_limits": list(dict.fromkeys(k for p in provisions for k in p.time_limits)),
        "deadlines": list(dict.fromkeys(k for p in provisions for k in p.deadlines)),
        # what each of its provisions corresponds to: a section met meets every one of them
        "corresponds": [link.model_dump() for p in provisions for link in p.corresponds],
    }
    return Section.model_validate(
        {"number": section.number, "title": section.title, "provisions": [provision]}
    )


def load_file(
    path: Path, library: CodeLibrary, shown: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Loaded:
    """The file at `path`, read and validated, with its code. Never raises for what it contains."""
    return with_code(read_document(path, shown, limits), library)


def load_text(
    raw: bytes, path: Path, library: CodeLibrary, shown: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> Loaded:
    """Text that is to be the file at `path` (an import before it is written, a page being
    edited): read as that file would be, its code found from that file's folder."""
    return with_code(document_from_bytes(raw, path, shown or path.as_posix(), limits), library)
