"""The complaints log an assessment names, read and judged before its rules run (rules do no I/O).

Like an evidence file, the log named by `complaints_log:` must lie inside the assessment's folder:
a path that leaves it is reported and never opened. A log given on the command line (`--log`) is
the user's own choice and is read wherever it is. A log is read once per run for each code it is
judged against, however many assessments name it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING

from selfassess.check.answers import quoted
from selfassess.complaints.limits import LogLimits, limits_of
from selfassess.complaints.source import SUFFIXES
from selfassess.load.documents import Document
from selfassess.model.code import Code

if TYPE_CHECKING:
    from selfassess.complaints.judging import JudgedLog


def _named(document: Document, given: Path | None) -> tuple[Path, str] | str | None:
    """The log to read and how to show it, why it cannot be read, or None for no log."""
    if given is not None:
        return given, given.as_posix()
    assessment = document.assessment
    written = assessment.complaints_log if assessment is not None else None
    if not written:
        return None
    said = f"The complaints log {quoted(written)}"
    if Path(written).is_absolute() or PureWindowsPath(written).is_absolute() or written.startswith("~"):
        return f"{said} is a full path on one computer; give it relative to the assessment's folder."
    folder = document.path.parent
    try:
        target = (folder / written).resolve()
        inside = target.is_relative_to(folder.resolve())
    except (OSError, RuntimeError, ValueError):
        inside = False
    if not inside:
        return f"{said} lies outside the assessment's folder; copy it in, for example into evidence/."
    if Path(written).suffix.lower() not in SUFFIXES:
        return f"{said} is not a .csv or .xlsx file; save the log from its system as CSV or Excel."
    try:
        present = target.is_file()
    except OSError:  # a name longer than the system allows
        return f"{said} cannot be the name of a file."
    if not present:
        return f"{said} does not exist in the assessment's folder."
    return folder / written, (PurePosixPath(document.shown_as).parent / written).as_posix()


@lru_cache(maxsize=4)
def _judged(
    path: Path,
    stamp: tuple[int, int],
    shown: str,
    columns: tuple[tuple[str, str], ...],
    limits: LogLimits,
    today: date | None,
) -> JudgedLog:
    # Reading and judging a log loads numpy and polars (a third of a second): only when a log is
    # read, not for every check.
    from selfassess.complaints.judging import judge
    from selfassess.complaints.reading import read_log

    return judge(read_log(path, shown, dict(columns)), limits, today)


def judged_log(
    path: Path,
    shown: str,
    code: Code,
    columns: Mapping[str, str] | tuple[tuple[str, str], ...] = (),
    today: date | None = None,
) -> JudgedLog:
    """The log at `path` judged against `code` (the same file, unchanged, is read once)."""
    try:
        status = path.stat()
        stamp = (status.st_mtime_ns, status.st_size)
    except OSError:
        stamp = (0, 0)
    pairs = tuple(columns.items()) if isinstance(columns, Mapping) else tuple(columns)
    return _judged(path, stamp, shown, pairs, limits_of(code), today)


def log_for(
    document: Document,
    code: Code,
    given: Path | None,
    columns: tuple[tuple[str, str], ...],
    today: date | None,
) -> tuple[JudgedLog | None, str | None]:
    """The assessment's log, judged, or why it cannot be read (None, None: it names none)."""
    named = _named(document, given)
    if named is None:
        return None, None
    if isinstance(named, str):
        return None, named
    path, shown = named
    return judged_log(path, shown, code, columns, today), None
