"""Finding a code by its id, in the order formats.md gives.

1. each `--codes DIR`, 2. a `codes/` folder in the assessment's folder or any folder above it,
3. the codes shipped inside the installed package (so `pip install selfassess` has hos-chc-2024).
Each code file is read once per run, however many assessments use it.
"""

from __future__ import annotations

import os
from pathlib import Path

from selfassess.load.documents import Document, read_document
from selfassess.load.yaml_source import DEFAULT_LIMITS, Limits
from selfassess.resources import packaged_dir


def _shown(path: Path) -> str:
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive, on Windows
        return path.as_posix()


class CodeLibrary:
    """The codes a run can see, read on first use and kept."""

    def __init__(self, code_dirs: list[Path] | None = None, limits: Limits = DEFAULT_LIMITS) -> None:
        self._explicit = [folder.resolve() for folder in code_dirs or []]
        self._limits = limits
        self._documents: dict[Path, Document] = {}
        self._ancestors: dict[Path, list[Path]] = {}
        self._found: dict[tuple[str, Path], Document | None] = {}  # a folder of files asks once
        self._packaged = packaged_dir("codes")

    @property
    def code_dirs(self) -> list[Path]:
        """The folders given with --codes, so another process can make the same library."""
        return list(self._explicit)

    def _codes_folders_above(self, folder: Path) -> list[Path]:
        cached = self._ancestors.get(folder)
        if cached is None:
            cached = [parent / "codes" for parent in (folder, *folder.parents) if (parent / "codes").is_dir()]
            self._ancestors[folder] = cached
        return cached

    def search_folders(self, near: Path) -> list[Path]:
        """Where to look for a code used by a file in folder `near`, first place first."""
        folders = [*self._explicit, *self._codes_folders_above(near.resolve()), self._packaged]
        unique: list[Path] = []
        for folder in folders:
            if folder not in unique:
                unique.append(folder)
        return unique

    def find(self, code_id: str, near: Path) -> Document | None:
        """The code `code_id` as the first folder that has it holds it, or None."""
        asked = (code_id, near)
        if asked not in self._found:
            self._found[asked] = self._find(code_id, near)
        return self._found[asked]

    def _find(self, code_id: str, near: Path) -> Document | None:
        for folder in self.search_folders(near):
            for suffix in (".yaml", ".yml"):
                candidate = folder / f"{code_id}{suffix}"
                try:
                    found = candidate.is_file()
                except (OSError, ValueError):  # no file can have that name
                    return None
                if found:
                    key = candidate.resolve()
                    document = self._documents.get(key)
                    if document is None:
                        document = read_document(candidate, _shown(candidate), self._limits)
                        self._documents[key] = document
                    return document
        return None

    def ids(self, near: Path) -> list[str]:
        """Every code id visible from `near`, for 'did you mean'."""
        found: list[str] = []
        for folder in self.search_folders(near):
            if folder.is_dir():
                for path in sorted(folder.iterdir()):
                    if path.suffix in (".yaml", ".yml") and path.stem not in found:
                        found.append(path.stem)
        return found

    def describe_search(self, near: Path) -> str:
        """The folders searched, in words, for a message."""
        shown = [_shown(folder) + "/" for folder in self.search_folders(near) if folder != self._packaged]
        shown.append("the codes shipped with selfassess")
        return ", ".join(shown)
