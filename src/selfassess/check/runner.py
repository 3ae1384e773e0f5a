"""`check`: from paths to a `CheckResult`. Output formats only ever format the result."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from selfassess.check.context import Context
from selfassess.check.engine import run_rules
from selfassess.check.findings import Finding, Severity
from selfassess.check.settings import Settings, for_publication, settings_from
from selfassess.didyoumean import end_with_hint
from selfassess.load.codes import CodeLibrary
from selfassess.load.config import find_config, read_config
from selfassess.load.documents import Document, read_document
from selfassess.load.evidence_files import EvidenceFiles
from selfassess.load.positions import LoadProblem


@dataclass(frozen=True)
class CheckResult:
    """What a check found: the files checked (as shown to the user) and every finding, sorted."""

    checked: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def count(self, severity: Severity) -> int:
        """Findings of a severity that count (waived findings are listed, not counted)."""
        return sum(1 for finding in self.findings if finding.severity is severity and finding.waived is None)

    @property
    def waived(self) -> int:
        return sum(1 for finding in self.findings if finding.waived is not None)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0


@dataclass(frozen=True)
class CheckOptions:
    """What the command line asked for, beyond the paths."""

    for_publication: bool = False
    today: date | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    use_config: bool = True  # look for selfassess.toml / pyproject.toml above each file


class SettingsFinder:
    """The settings for each folder: its nearest configuration plus the command line, read once."""

    def __init__(self, options: CheckOptions) -> None:
        self._options = options
        self._by_folder: dict[Path, Settings] = {}
        self._by_config: dict[Path | None, Settings] = {}

    def for_folder(self, folder: Path) -> Settings:
        """Raises ConfigError when the configuration that applies cannot be used."""
        folder = folder.resolve()
        settings = self._by_folder.get(folder)
        if settings is None:
            config = find_config(folder) if self._options.use_config else None
            settings = self._by_config.get(config)
            if settings is None:
                settings = settings_from(read_config(config), self._options.select, self._options.ignore)
                self._by_config[config] = settings
            self._by_folder[folder] = settings
        return settings


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


def context_for(
    document: Document,
    library: CodeLibrary,
    options: CheckOptions,
    settings: Settings | None = None,
    evidence: EvidenceFiles | None = None,
) -> Context:
    """Everything the rules need about one document, with its code looked up (and its evidence
    files, through the run's `evidence` if given)."""
    rule_options = settings.options if settings is not None else {}
    if document.assessment is not None:
        code_document, problem = _code_problem(document, library)
        if problem is not None:
            document = replace(document, problems=[*document.problems, problem])
        return Context(
            document,
            code_document.code if code_document is not None else None,
            today=options.today,
            for_publication=options.for_publication,
            evidence_files=(evidence or EvidenceFiles()).facts(document.assessment, document.path.parent),
            options=rule_options,
        )
    if document.code is not None:
        superseded = None
        if document.code.supersedes:
            older = library.find(document.code.supersedes, document.path.parent)
            superseded = older.code if older is not None else None
        return Context(
            document, document.code, superseded, options.today, options.for_publication, options=rule_options
        )
    return Context(
        document, today=options.today, for_publication=options.for_publication, options=rule_options
    )


def check_file(
    path: Path,
    shown: str,
    library: CodeLibrary,
    options: CheckOptions,
    settings: Settings,
    evidence: EvidenceFiles | None = None,
) -> tuple[Context, list[Finding]]:
    """Read and check one file: what was read (with its code) and every finding."""
    document = read_document(path, shown, settings.limits)
    context = context_for(document, library, options, settings, evidence)
    return context, run_rules(context, settings)


def check_one(
    path: Path, library: CodeLibrary, options: CheckOptions, shown: str | None = None
) -> tuple[Context, list[Finding]]:
    """One file with the settings that apply to it (raises ConfigError if they are unusable).

    For publication, the catalogue's own rules and severities apply whatever the configuration
    says (see settings.for_publication).
    """
    settings = SettingsFinder(options).for_folder(path.parent)
    if options.for_publication:
        settings = for_publication(settings)
    return check_file(path, shown if shown is not None else path.as_posix(), library, options, settings)


#: Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 48

_worker_library: CodeLibrary | None = None
_worker_evidence: EvidenceFiles | None = None


def _collect_garbage_less_often() -> None:
    """Checking a file makes and drops hundreds of thousands of small objects, almost none of them
    in reference cycles, so they are freed as they go; the collector's default pace spends about a
    tenth of the run looking for cycles that are not there. Objects alive now (modules, the codes)
    are set aside from its scans for good."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def _start_worker(code_dirs: list[Path]) -> None:
    global _worker_library, _worker_evidence
    _collect_garbage_less_often()
    _worker_library = CodeLibrary(code_dirs)
    _worker_evidence = EvidenceFiles()


def _check_in_worker(job: tuple[Path, str, CheckOptions, Settings]) -> list[Finding]:
    path, shown, options, settings = job
    assert _worker_library is not None
    return check_file(path, shown, _worker_library, options, settings, _worker_evidence)[1]


def check_files(
    files: list[tuple[Path, str]],
    library: CodeLibrary,
    options: CheckOptions,
    settings: SettingsFinder | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CheckResult:
    """Check each file: read, checked and let go of one at a time, so memory does not grow with
    the number of files. A large run uses every core (`jobs` processes; 1 for none), with the
    same findings in the same order as one process would give.

    `progress(done, total)` is told after each file. Raises ConfigError before checking anything
    if a configuration is unusable.
    """
    finder = settings or SettingsFinder(options)
    chosen = [(path, shown, options, finder.for_folder(path.parent)) for path, shown in files]
    workers = min(jobs or os.cpu_count() or 1, len(chosen))
    findings: list[Finding] = []
    if workers > 1 and len(chosen) >= PARALLEL_FROM:
        from concurrent.futures import ProcessPoolExecutor  # here: a one-file check starts without it

        with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(library.code_dirs,)) as pool:
            chunks = max(1, len(chosen) // (workers * 8))
            for done, found in enumerate(pool.map(_check_in_worker, chosen, chunksize=chunks), 1):
                findings.extend(found)
                if progress is not None:
                    progress(done, len(chosen))
    else:
        _collect_garbage_less_often()
        evidence = EvidenceFiles()
        for done, (path, shown, _, file_settings) in enumerate(chosen, 1):
            findings.extend(check_file(path, shown, library, options, file_settings, evidence)[1])
            if progress is not None:
                progress(done, len(chosen))
    return CheckResult([shown for _, shown in files], sorted(findings))
