"""The bank holidays of England and Wales, as the `holidays` package gives them, kept in a cache.

Asking the package costs about a tenth of a second on every run, because it imports each of the
hundreds of countries it knows before it gives one; that is more than the rest of a one-file
check takes. So its answer for the calendar's years is written once to the user's cache folder,
in a file named after the package's version: a new version of `holidays` (one that knows a newly
announced bank holiday) is asked afresh. The cache only ever holds a copy of what the package
said. When it cannot be read, does not match, or cannot be written, the package is asked directly.
The cache is read as an untrusted file is: never waiting on a named pipe, never past a small size,
never from a device (a shared CI cache, or a link someone made, can put any of them at its path);
such a cache is set aside with one sentence on the error stream, and written again.

The folder is `$SELFASSESS_CACHE_DIR` if set, else `$XDG_CACHE_HOME/selfassess` (on Windows
`%LOCALAPPDATA%\\selfassess`), else `~/.cache/selfassess`.
"""

from __future__ import annotations

import errno
import os
import sys
from datetime import date
from pathlib import Path

from selfassess.files import read_bounded, replace_atomically

_SOURCE = "GB-ENG"  # country and subdivision, as the spec names them
#: Far more than the cache ever holds (some 9 dates a year of 11 bytes each, for three centuries).
MAX_CACHE_BYTES = 256 * 1024


def cache_folder() -> Path:
    chosen = os.environ.get("SELFASSESS_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("LOCALAPPDATA") if os.name == "nt" else os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "selfassess"


def _package_version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("holidays")
    except PackageNotFoundError:  # pragma: no cover - a dependency, so always installed
        return None


def _from_package(first_year: int, last_year: int) -> frozenset[date]:
    import holidays

    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=range(first_year, last_year + 1)))


class _Unusable(Exception):
    """The cache's path holds something that is not a cache selfassess wrote: a sentence says what."""


def _read(path: Path, first_year: int, last_year: int) -> frozenset[date] | None:
    """The dates in the cache file, or None if it is missing or not exactly what was written.

    Raises _Unusable when the path holds a device, a named pipe, a folder or a file far too large.
    """
    try:
        raw = read_bounded(path, MAX_CACHE_BYTES, pipes=False)
    except FileNotFoundError:
        return None
    except OSError as error:
        if error.errno in (errno.EINVAL, errno.EISDIR, errno.ELOOP, errno.ENXIO):
            raise _Unusable("is not an ordinary file") from error
        return None  # not allowed to read it, say: the package is asked, as with no cache
    if len(raw) > MAX_CACHE_BYTES:
        raise _Unusable(f"is larger than the {MAX_CACHE_BYTES // 1024} KB a cache of bank holidays needs")
    try:
        lines = raw.decode("ascii").split()
    except UnicodeDecodeError:
        return None
    if not lines or lines[0] != f"{_SOURCE}:{first_year}-{last_year}":
        return None
    try:
        days = frozenset(date.fromisoformat(line) for line in lines[1:])
    except ValueError:
        return None
    if not days or any(not first_year <= day.year <= last_year for day in days):
        return None
    return days


def _write(path: Path, days: frozenset[date], first_year: int, last_year: int) -> bool:
    """Whether the cache was written; a read-only home folder means no cache, and no harm."""
    text = "\n".join([f"{_SOURCE}:{first_year}-{last_year}", *sorted(day.isoformat() for day in days)])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Renamed into place, so a link or a pipe standing at the path is replaced, never written through.
        replace_atomically(path, (text + "\n").encode("ascii"))
    except OSError:
        return False
    return True


def bank_holidays(first_year: int, last_year: int) -> frozenset[date]:
    """Every bank holiday of England and Wales from 1 January `first_year` to 31 December `last_year`."""
    version = _package_version()
    if version is None:  # pragma: no cover
        return _from_package(first_year, last_year)
    path = cache_folder() / f"bank-holidays-{_SOURCE}-{first_year}-{last_year}-holidays-{version}.txt"
    unusable: str | None = None
    try:
        cached = _read(path, first_year, last_year)
    except _Unusable as problem:
        cached, unusable = None, str(problem)
    if cached is not None:
        return cached
    days = _from_package(first_year, last_year)
    written = _write(path, days, first_year, last_year)
    if unusable is not None:
        # Said, not silently worked round: a cache that is a pipe or a device is someone's mistake
        # (or worse), and until it is replaced every run pays for asking the package.
        done = "has been replaced" if written else "could not be replaced, so each run will be slower"
        sys.stderr.write(f"The bank-holiday cache {path} {unusable}, so it was not read; it {done}.\n")
    return days
