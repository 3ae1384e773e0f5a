"""`check`: from paths to a `CheckResult`. Output formats only ever format the result."""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from multiprocessing import active_children, get_context
from multiprocessing.pool import Pool
from pathlib import Path
from typing import Any

from selfassess.check.complaints_log import log_for
from selfassess.check.context import Context
from selfassess.check.engine import run_rules
from selfassess.check.findings import CheckResult, Finding, in_order
from selfassess.check.registry import BY_ID
from selfassess.check.settings import Settings, for_publication, settings_from
from selfassess.complaints.source import polars_started
from selfassess.load.codes import CodeLibrary
from selfassess.load.config import find_config, read_config
from selfassess.load.discover import Unsearched
from selfassess.load.documents import unreadable_document
from selfassess.load.evidence_files import EvidenceFiles
from selfassess.load.reading import Loaded, load_file


@dataclass(frozen=True)
class CheckOptions:
    """What the command line asked for, beyond the paths."""

    for_publication: bool = False
    today: date | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    use_config: bool = True  # look for selfassess.toml / pyproject.toml above each file
    log: Path | None = None  # `--log`: the complaints log to check each assessment's answers against
    read_logs: bool = True  # False where nothing from a log is shown (the published form)


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


def context_for(
    loaded: Loaded,
    options: CheckOptions,
    settings: Settings | None = None,
    evidence: EvidenceFiles | None = None,
) -> Context:
    """Everything the rules need about one file as read (with its evidence files, through the
    run's `evidence` if given)."""
    document = loaded.document
    facts = {}
    complaints, trouble = None, None
    if document.assessment is not None:
        facts = (evidence or EvidenceFiles()).facts(document.assessment, document.path.parent)
        if options.read_logs and loaded.code is not None:
            columns = settings.complaint_columns if settings is not None else ()
            complaints, trouble = log_for(document, loaded.code, options.log, columns, options.today)
    return Context(
        document,
        loaded.code,
        loaded.superseded,
        loaded.related,
        loaded.counterpart,
        today=options.today,
        for_publication=options.for_publication,
        evidence_files=facts,
        rule_ids=frozenset(BY_ID),
        options=settings.options if settings is not None else {},
        complaints=complaints,
        complaints_trouble=trouble,
    )


def check_loaded(
    loaded: Loaded, options: CheckOptions, settings: Settings, evidence: EvidenceFiles | None = None
) -> list[Finding]:
    """Every finding for one file as read."""
    return run_rules(context_for(loaded, options, settings, evidence), settings)


def settings_for(path: Path, options: CheckOptions) -> Settings:
    """The settings that apply to a file at `path` (raises ConfigError if they are unusable).

    For publication, the catalogue's own rules and severities apply whatever the configuration
    says (see settings.for_publication).
    """
    settings = SettingsFinder(options).for_folder(path.parent)
    return for_publication(settings) if options.for_publication else settings


def check_file(
    path: Path,
    shown: str,
    library: CodeLibrary,
    options: CheckOptions,
    settings: Settings,
    evidence: EvidenceFiles | None = None,
) -> list[Finding]:
    """Read and check one file."""
    return check_loaded(load_file(path, library, shown, settings.limits), options, settings, evidence)


#: What a command keeps of a file as read besides its findings (the summary's answers and bands),
#: worked out where the file was read, so that nothing is read twice and only the little it keeps
#: travels back from a worker. A function at a module's top level, so a worker can be sent it.
Digest = Callable[[Loaded], Any]


@dataclass(frozen=True)
class FileChecked:
    """One file's findings, whom it speaks for (an assessment's organisation) and its digest."""

    findings: list[Finding]
    organisation: str | None = None
    digest: Any = None


def check_and_digest(
    path: Path,
    shown: str,
    library: CodeLibrary,
    options: CheckOptions,
    settings: Settings,
    evidence: EvidenceFiles | None = None,
    digest: Digest | None = None,
) -> FileChecked:
    """Read and check one file, keeping its organisation and, if asked, its digest."""
    loaded = load_file(path, library, shown, settings.limits)
    findings = check_loaded(loaded, options, settings, evidence)
    assessment = loaded.document.assessment
    return FileChecked(
        findings,
        assessment.organisation if assessment is not None else None,
        digest(loaded) if digest is not None else None,
    )


#: Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 48

_worker_library: CodeLibrary | None = None
_worker_evidence: EvidenceFiles | None = None


def collect_garbage_less_often() -> None:
    """Checking a file makes and drops hundreds of thousands of small objects, almost none of them
    in reference cycles, so they are freed as they go; the collector's default pace spends about a
    tenth of the run looking for cycles that are not there. Objects alive now (modules, the codes)
    are set aside from its scans for good."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


#: The signals that stop a command, and how a worker ended by the second leaves.
_STOPPING = (signal.SIGINT, signal.SIGTERM)
EXIT_ENDED = 128 + signal.SIGTERM


def _start_worker(code_dirs: list[Path]) -> None:
    global _worker_library, _worker_evidence
    # Ctrl-C reaches every process of the terminal's job: the parent alone answers it, ending the
    # workers, so the user sees one 'Stopped.' and not one traceback per worker. A forked worker
    # inherits the command's SIGTERM handler.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # how the parent ends a worker: not to be caught
    collect_garbage_less_often()
    _worker_library = CodeLibrary(code_dirs)
    _worker_evidence = EvidenceFiles()


@contextmanager
def _workers(count: int, library: CodeLibrary) -> Iterator[Pool]:
    """Workers forked from this process, which starts them at once and lets them inherit how it
    answers signals. The command forks before reading any complaints log; a process that has read
    one here (a test, a library user) holds polars' threads, and a worker forked from it can wait
    for ever on a lock one of them held: its workers come from a fork server, a clean process, and
    Ctrl-C is ignored while that starts, since a signal caught half-way through would print a
    traceback."""
    if polars_started():
        processes = get_context("forkserver")
        processes.set_forkserver_preload([__name__])
        answer = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            served = processes.Pool(count, initializer=_start_worker, initargs=(library.code_dirs,))
        finally:
            signal.signal(signal.SIGINT, answer)
        with served:
            yield served
        return
    # Ctrl-C and SIGTERM are held back (not lost) while the workers are forked: one that broke into
    # the pool half-made would leave it unended, its threads forking new workers that wait for ever,
    # and one that reached a worker before its initializer ran would print a traceback. (Blocking
    # the signals is not enough: a thread the pool starts can take one.) Each worker inherits the
    # holding handler until it sets its own; this process answers what was held once the pool is
    # there to be ended.
    held: list[int] = []
    here = os.getpid()

    def hold(signum: int, _: object) -> None:
        if os.getpid() == here:
            held.append(signum)
        elif signum == signal.SIGTERM:  # a worker the pool ends before its initializer has run
            os._exit(EXIT_ENDED)

    answers = {stop: signal.signal(stop, hold) for stop in _STOPPING}
    already = set(active_children())
    try:
        forked = get_context("fork").Pool(count, initializer=_start_worker, initargs=(library.code_dirs,))
        with forked:
            for stop, answer in answers.items():
                signal.signal(stop, answer)
            if held:
                signal.raise_signal(held[0])
            yield forked
    finally:
        for stop, answer in answers.items():
            signal.signal(stop, answer)
        # A worker the pool started behind its back while it was being ended (its own threads
        # replace workers that exit) would wait for ever, holding the command's output open.
        for left in set(active_children()) - already:
            left.kill()


def _check_in_worker(job: tuple[Path, str, CheckOptions, Settings, Digest | None]) -> FileChecked:
    path, shown, options, settings, digest = job
    assert _worker_library is not None
    return check_and_digest(path, shown, _worker_library, options, settings, _worker_evidence, digest)


def check_files(
    files: list[tuple[Path, str]],
    library: CodeLibrary,
    options: CheckOptions,
    settings: SettingsFinder | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    unsearched: Sequence[Unsearched] = (),
) -> CheckResult:
    """Check each file: read, checked and let go of one at a time, so memory does not grow with
    the number of files. A large run uses every core (`jobs` processes; 1 for none), with the
    same findings in the same order as one process would give.

    `progress(done, total)` is told after each file. Each folder `unsearched` is a finding of its
    own (SA001, as a file that cannot be read is), so a check that missed files never looks clean.
    Raises ConfigError before checking anything if a configuration is unusable.
    """
    return check_and_keep(files, library, options, settings, jobs, progress, unsearched=unsearched)[0]


def check_and_keep(
    files: list[tuple[Path, str]],
    library: CodeLibrary,
    options: CheckOptions,
    settings: SettingsFinder | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    digest: Digest | None = None,
    unsearched: Sequence[Unsearched] = (),
) -> tuple[CheckResult, dict[str, Any]]:
    """As `check_files`, also keeping `digest` of each file as read (by the name it is shown by;
    a file's digest may be None, where it says it cannot use what was read)."""
    finder = settings or SettingsFinder(options)
    chosen = [(path, shown, options, finder.for_folder(path.parent), digest) for path, shown in files]
    workers = min(jobs or os.cpu_count() or 1, len(chosen))
    findings: list[Finding] = []
    for folder in unsearched:
        document = unreadable_document(folder.path, folder.shown, folder.message)
        findings.extend(check_loaded(Loaded(document), options, finder.for_folder(folder.path.parent)))
    organisations: dict[str, str] = {}
    digests: dict[str, Any] = {}

    def keep(shown: str, checked: FileChecked) -> None:
        findings.extend(checked.findings)
        if checked.organisation is not None:
            organisations[shown] = checked.organisation
        if digest is not None:
            digests[shown] = checked.digest

    if workers > 1 and len(chosen) >= PARALLEL_FROM:
        # Leaving the block ends the workers at once (Pool.terminate), also on Ctrl-C or an error,
        # where an executor would first finish every file still queued.
        with _workers(workers, library) as pool:
            chunks = max(1, len(chosen) // (workers * 8))
            answers = pool.imap(_check_in_worker, chosen, chunksize=chunks)
            for done, (job, checked) in enumerate(zip(chosen, answers, strict=True), 1):
                keep(job[1], checked)
                if progress is not None:
                    progress(done, len(chosen))
    else:
        collect_garbage_less_often()
        evidence = EvidenceFiles()
        for done, (path, shown, _, file_settings, _) in enumerate(chosen, 1):
            keep(shown, check_and_digest(path, shown, library, options, file_settings, evidence, digest))
            if progress is not None:
                progress(done, len(chosen))
    result = CheckResult([shown for _, shown in files], in_order(findings), organisations)
    return result, digests
