"""Which files a `check` of some paths means: files as given, folders searched for YAML.

A folder that cannot be searched (unreadable, or too deep to be a person's folder) is never passed
over in silence: it is named, with the reason, so the check cannot look clean when it was not made.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

_YAML_SUFFIXES = (".yaml", ".yml")
# Folders that hold tools' files, never a user's codes or assessments.
_SKIPPED_FOLDERS = frozenset(("node_modules", "__pycache__", "site-packages", "venv"))
#: Folders below the one given that are searched; deeper is a loop of folders or a mistake, as the
#: 50 levels a YAML file may nest are for its values.
MAX_FOLDER_DEPTH = 50


@dataclass(frozen=True)
class Unsearched:
    """A folder whose files were not checked, and why, in a sentence."""

    path: Path
    shown: str
    message: str


@dataclass
class Discovered:
    """Each file to check with the name to show it by, the paths that do not exist, and the
    folders that could not be searched."""

    files: list[tuple[Path, str]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unsearched: list[Unsearched] = field(default_factory=list)


def _shown(path: Path) -> str:
    return Path(os.path.normpath(path)).as_posix()


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # a link to a folder counts (and is not entered), as os.walk has it
    except OSError:
        return False


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as listing:
        return list(listing)


def yaml_files_below(folder: Path, unsearched: list[Unsearched] | None = None) -> list[Path]:
    """Every *.yaml / *.yml file below `folder`, in a stable order, skipping hidden and tool folders
    and not following links to folders. A folder that cannot be read, or that lies more than
    MAX_FOLDER_DEPTH folders down, is added to `unsearched` with its reason."""
    return [path for path, _ in _walk(folder, unsearched)]


def _walk(folder: Path, unsearched: list[Unsearched] | None) -> list[tuple[Path, str]]:
    """Each YAML file below `folder` with its real path (to tell a file found twice).

    Folders are kept on a list rather than walked by recursion, which Python stops at about a
    thousand levels. A link to a folder is never entered, so below the real path of `folder` only
    a file that is itself a link needs resolving: resolving every file, a lookup of each folder on
    its path, took most of the time of finding 20,000 files.
    """
    found: list[tuple[Path, str]] = []
    waiting: list[tuple[Path, str, int]] = [(folder, os.path.realpath(folder), 0)]
    while waiting:
        here, real, depth = waiting.pop()
        try:
            entries = _entries(here)
        except OSError as error:
            reason = (error.strerror or "the system refused").lower()
            _note(unsearched, here, f"This folder cannot be read ({reason}), so no file in it was checked.")
            continue
        folders: list[str] = []
        files: list[tuple[str, bool]] = []
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if _is_folder(entry):
                if not entry.is_symlink() and name not in _SKIPPED_FOLDERS:
                    folders.append(name)
            elif name.endswith(_YAML_SUFFIXES):
                files.append((name, entry.is_symlink()))
        for name, is_link in sorted(files):
            path = here / name
            found.append((path, os.path.realpath(path) if is_link else os.path.join(real, name)))
        folders.sort()
        if depth >= MAX_FOLDER_DEPTH:
            levels = MAX_FOLDER_DEPTH
            too_deep = f"This folder lies more than {levels} folders down, so selfassess did not look in it."
            for name in folders:
                _note(unsearched, here / name, too_deep)
            continue
        # the first folder is taken next, so files come in the order os.walk gives them
        waiting.extend((here / name, os.path.join(real, name), depth + 1) for name in reversed(folders))
    return found


def _note(unsearched: list[Unsearched] | None, path: Path, message: str) -> None:
    if unsearched is not None:
        unsearched.append(Unsearched(path, _shown(path), message))


def discover(paths: list[Path]) -> Discovered:
    """What checking `paths` means: their files, what does not exist, what could not be searched."""
    discovered = Discovered()
    seen: set[str] = set()
    for given in paths:
        if given.is_dir():
            candidates = _walk(given, discovered.unsearched)
        elif os.path.lexists(given):
            # a file, or something reading it will say is not one (a link in a loop: realpath
            # never raises)
            candidates = [(given, os.path.realpath(given))]
        else:
            discovered.missing.append(str(given))
            continue
        for path, key in candidates:
            if key not in seen:
                seen.add(key)
                discovered.files.append((path, _shown(path)))
    return discovered
