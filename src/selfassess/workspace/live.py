"""Checking a file as it is on disk, or as the page says it will be, with the engine `check` uses.

The text of every version a page was read from is kept for a while (a few dozen versions), so a
live check and a save apply the page's changes to the text the person saw, and a save can tell
their changes from a colleague's.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from selfassess.check.findings import Finding, in_order
from selfassess.check.runner import CheckOptions, check_loaded, settings_for
from selfassess.load.codes import CodeLibrary
from selfassess.load.reading import Loaded, load_text
from selfassess.workspace.folder import version_of

_KEPT_VERSIONS = 64
OPTIONS = CheckOptions()


@dataclass(frozen=True)
class Checked:
    """A text as read and what the checks found in it."""

    raw: bytes
    version: str
    loaded: Loaded
    findings: list[Finding]


class Versions:
    """The texts pages were read from, by version, the most recent kept."""

    def __init__(self, size: int = _KEPT_VERSIONS) -> None:
        self._texts: OrderedDict[str, bytes] = OrderedDict()
        self._size = size

    def keep(self, raw: bytes) -> str:
        version = version_of(raw)
        self._texts[version] = raw
        self._texts.move_to_end(version)
        while len(self._texts) > self._size:
            self._texts.popitem(last=False)
        return version

    def get(self, version: str) -> bytes | None:
        return self._texts.get(version)


class Codes:
    """The codes the workspace reads, read again when a code file changes on disk (a long-running
    page must not check against last week's code)."""

    def __init__(self, code_dirs: list[Path]) -> None:
        self._code_dirs = code_dirs
        self._library = CodeLibrary(code_dirs)
        self._seen: dict[Path, tuple[tuple[str, int], ...]] = {}

    def _stamp(self, near: Path) -> tuple[tuple[str, int], ...]:
        stamps: list[tuple[str, int]] = []
        for folder in self._library.search_folders(near):
            if folder.is_dir():
                for path in sorted(folder.iterdir()):
                    if path.suffix in (".yaml", ".yml"):
                        try:
                            stamps.append((str(path), path.stat().st_mtime_ns))
                        except OSError:
                            continue
        return tuple(stamps)

    def library(self, near: Path) -> CodeLibrary:
        stamp = self._stamp(near)
        if self._seen.get(near, stamp) != stamp:
            self._library = CodeLibrary(self._code_dirs)
            self._seen.clear()
        self._seen[near] = stamp
        return self._library


def check_raw(raw: bytes, path: Path, shown: str, library: CodeLibrary) -> Checked:
    """`raw` read and checked as the file at `path` (raises ConfigError for an unusable configuration)."""
    settings = settings_for(path, OPTIONS)
    loaded = load_text(raw, path, library, shown, settings.limits)
    return Checked(raw, version_of(raw), loaded, in_order(check_loaded(loaded, OPTIONS, settings)))
