"""Reading a file with what it needs to be understood: the document and the code it answers.

This is the one way every command reads an assessment or a code (check, render, report, diff,
migrate, import, the workspace): the file is read and validated, and an assessment's code is found
by its id as formats.md orders the search, or a problem says why it was not. A code that
supersedes another comes with the older code, where it can be found.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from selfassess.didyoumean import end_with_hint
from selfassess.load.codes import CodeLibrary
from selfassess.load.documents import Document, document_from_bytes, read_document
from selfassess.load.positions import LoadProblem
from selfassess.load.yaml_source import DEFAULT_LIMITS, Limits
from selfassess.model.code import Code


@dataclass(frozen=True)
class Loaded:
    """One file as read: its document (with every problem found reading it) and its code."""

    document: Document
    code: Code | None = None  # the code the document is, or the code an assessment answers
    superseded: Code | None = None  # for a code with `supersedes`, the code it replaces, if found


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


def with_code(document: Document, library: CodeLibrary) -> Loaded:
    """A document read already, with its code looked up."""
    if document.assessment is not None:
        code, problem = _code_problem(document, library)
        if problem is not None:
            document = replace(document, problems=[*document.problems, problem])
        return Loaded(document, code)
    if document.code is not None:
        superseded = None
        if document.code.supersedes:
            older = library.find(document.code.supersedes, document.path.parent)
            superseded = older.code if older is not None else None
        return Loaded(document, document.code, superseded)
    return Loaded(document)


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
