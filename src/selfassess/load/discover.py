"""Which files a `check` of some paths means: files as given, folders searched for YAML."""

from __future__ import annotations

import os
from pathlib import Path

_YAML_SUFFIXES = (".yaml", ".yml")
# Folders that hold tools' files, never a user's codes or assessments.
_SKIPPED_FOLDERS = frozenset(("node_modules", "__pycache__", "site-packages", "venv"))


def _shown(path: Path) -> str:
    return Path(os.path.normpath(path)).as_posix()


def yaml_files_below(folder: Path) -> list[Path]:
    """Every *.yaml / *.yml file below `folder`, in a stable order, skipping hidden and tool folders."""
    found: list[Path] = []
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(
            name for name in folders if not name.startswith(".") and name not in _SKIPPED_FOLDERS
        )
        for name in sorted(files):
            if name.endswith(_YAML_SUFFIXES) and not name.startswith("."):
                found.append(Path(root) / name)
    return found


def discover(paths: list[Path]) -> tuple[list[tuple[Path, str]], list[str]]:
    """(each file to check with the name to show it by, the paths that do not exist)."""
    files: list[tuple[Path, str]] = []
    missing: list[str] = []
    seen: set[Path] = set()
    for given in paths:
        if given.is_dir():
            candidates = yaml_files_below(given)
        elif given.is_file():
            candidates = [given]
        else:
            missing.append(str(given))
            continue
        for path in candidates:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                files.append((path, _shown(path)))
    return files, missing
