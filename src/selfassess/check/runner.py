"""`check`: from paths to a `CheckResult`. Output formats only ever format the result."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from selfassess.check.context import Context
from selfassess.check.engine import run_rules
from selfassess.check.findings import Finding, Severity
from selfassess.check.settings import Settings
from selfassess.didyoumean import end_with_hint
from selfassess.load.codes import CodeLibrary
from selfassess.load.documents import Document, read_document
from selfassess.load.yaml_source import LoadProblem


@dataclass(frozen=True)
class CheckResult:
    """What a check found: the files checked (as shown to the user) and every finding, sorted."""

    checked: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity and finding.waived is None)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0


@dataclass(frozen=True)
class CheckOptions:
    settings: Settings = field(default_factory=Settings)
    for_publication: bool = False
    today: date | None = None


def _code_problem(document: Document, library: CodeLibrary) -> tuple[Document | None, LoadProblem | None]:
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
    return found, None


def context_for(document: Document, library: CodeLibrary, options: CheckOptions) -> Context:
    """Everything the rules need about one document, with its code looked up."""
    if document.assessment is not None:
        code_document, problem = _code_problem(document, library)
        if problem is not None:
            document = replace(document, problems=[*document.problems, problem])
        code = code_document.code if code_document is not None else None
        return Context(document, code, today=options.today, for_publication=options.for_publication)
    if document.code is not None:
        superseded = None
        if document.code.supersedes:
            older = library.find(document.code.supersedes, document.path.parent)
            superseded = older.code if older is not None else None
        return Context(document, document.code, superseded, options.today, options.for_publication)
    return Context(document, today=options.today, for_publication=options.for_publication)


def check_document(document: Document, library: CodeLibrary, options: CheckOptions) -> list[Finding]:
    return run_rules(context_for(document, library, options), options.settings)


def check_files(files: list[tuple[Path, str]], library: CodeLibrary, options: CheckOptions) -> CheckResult:
    """Check each file, one at a time: each is read, checked and let go before the next."""
    findings: list[Finding] = []
    for path, shown in files:
        findings.extend(check_document(read_document(path, shown, options.settings.limits), library, options))
    return CheckResult([shown for _, shown in files], sorted(findings))
