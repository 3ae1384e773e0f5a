"""The bank holidays of England and Wales, as the `holidays` package gives them, kept in a cache.

Asking the package costs about a tenth of a second on every run, because it imports each of the
hundreds of countries it knows before it gives one; that is more than the rest of a one-file
check takes. So its answer for the calendar's years is written once to the user's cache folder,
in a file named after the package's version: a new version of `holidays` (one that knows a newly
announced bank holiday) is asked afresh. The cache only ever holds a copy of what the package
said. When it cannot be read, does not match, or cannot be written, the package is asked directly.

The folder is `$SELFASSESS_CACHE_DIR` if set, else `$XDG_CACHE_HOME/selfassess` (on Windows
`%LOCALAPPDATA%\\selfassess`), else `~/.cache/selfassess`.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path

from selfassess.files import write_atomically

_SOURCE = "GB-ENG"  # country and subdivision, as the spec names them


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


def _read(path: Path, first_year: int, last_year: int) -> frozenset[date] | None:
    """The dates in the cache file, or None if it is missing or not exactly what was written."""
    try:
        lines = path.read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError):
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


def _write(path: Path, days: frozenset[date], first_year: int, last_year: int) -> None:
    text = "\n".join([f"{_SOURCE}:{first_year}-{last_year}", *sorted(day.isoformat() for day in days)])
    with contextlib.suppress(OSError):  # a read-only home folder: no cache, and no harm
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, (text + "\n").encode("ascii"))


def bank_holidays(first_year: int, last_year: int) -> frozenset[date]:
    """Every bank holiday of England and Wales from 1 January `first_year` to 31 December `last_year`."""
    version = _package_version()
    if version is None:  # pragma: no cover
        return _from_package(first_year, last_year)
    path = cache_folder() / f"bank-holidays-{_SOURCE}-{first_year}-{last_year}-holidays-{version}.txt"
    cached = _read(path, first_year, last_year)
    if cached is not None:
        return cached
    days = _from_package(first_year, last_year)
    _write(path, days, first_year, last_year)
    return days
