"""The folder a workspace serves: the only files it reads or writes.

Every path in a request is text from the network. It is taken as a path relative to the folder,
written with '/', and refused when it is absolute, climbs out ('..'), names a hidden file or
folder, or leads out through a symbolic link; what is read or written is the resolved file, so
a link inside the folder to a file inside it still works.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from selfassess.load.discover import discover

YAML_SUFFIXES = (".yaml", ".yml")
_DRIVE = re.compile(r"^[A-Za-z]:")


class OutsideFolder(ValueError):
    """A path the workspace will not read or write: one sentence saying why."""


def version_of(raw: bytes) -> str:
    """A short fingerprint of a file's bytes: a save is refused unless the file still has the one
    the page was read with."""
    return hashlib.sha256(raw).hexdigest()[:32]


class Folder:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def _candidate(self, relative: str) -> Path:
        if not relative or "\x00" in relative or "\\" in relative or _DRIVE.match(relative):
            raise OutsideFolder(f"'{relative}' is not a file name in this folder.")
        pure = PurePosixPath(relative)
        if pure.is_absolute():
            raise OutsideFolder(
                f"'{relative}' is a full path; the workspace only opens files inside its folder."
            )
        if any(part in ("..", ".") for part in relative.split("/")):
            raise OutsideFolder(
                f"'{relative}' climbs out of the folder; the workspace only opens files inside it."
            )
        if any(part.startswith(".") for part in pure.parts):
            raise OutsideFolder(
                f"'{relative}' is in a hidden folder; the workspace does not open hidden files."
            )
        if pure.suffix.lower() not in YAML_SUFFIXES:
            raise OutsideFolder(f"'{relative}' is not a .yaml file; the workspace opens only assessments.")
        return self.root.joinpath(*pure.parts)

    def _inside(self, path: Path, relative: str) -> Path:
        try:
            resolved = path.resolve()
        except (RuntimeError, OSError):  # Python 3.11 raises RuntimeError for a link in a loop
            raise OutsideFolder(f"'{relative}' {LINK_IN_A_LOOP}") from None
        if not resolved.is_relative_to(self.root):
            raise OutsideFolder(
                f"'{relative}' leads outside the folder (through a link); the workspace will not open it."
            )
        return resolved

    def existing(self, relative: str) -> Path:
        """The file `relative` names, resolved; raises OutsideFolder (also when there is none)."""
        resolved = self._inside(self._candidate(relative), relative)
        if not resolved.is_file():
            raise OutsideFolder(f"There is no file '{relative}' in this folder.")
        return resolved

    def new(self, relative: str) -> Path:
        """Where a new file `relative` would be written; raises OutsideFolder if it exists already."""
        candidate = self._candidate(relative)
        if candidate.exists() or candidate.is_symlink():
            raise OutsideFolder(
                f"'{relative}' already exists; choose another name (nothing is ever written over)."
            )
        parent = candidate.parent
        while not parent.exists():
            parent = parent.parent
        self._inside(parent, relative)
        return candidate

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()

    def yaml_files(self) -> list[Path]:
        """Every YAML file `check` would find in the folder, resolved, leaving out links that lead out."""
        return self.listing()[0]

    def listing(self) -> tuple[list[Path], list[Unlisted]]:
        """The YAML files `check` would find in the folder, resolved, leaving out links that lead
        out; and, each with its sentence, what `check` would report instead of reading: a link that
        leads nowhere, a folder that cannot be read or lies too deep."""
        discovered = discover([self.root])
        files: list[Path] = []
        unlisted = [
            Unlisted(folder.path.relative_to(self.root).as_posix(), folder.message)
            for folder in discovered.unsearched
        ]
        for path, _shown in discovered.files:
            resolved = Path(os.path.realpath(path))  # never raises, even for a link in a loop
            if not resolved.is_relative_to(self.root) or resolved in files:
                continue
            try:
                os.stat(path)
            except OSError as error:
                unlisted.append(Unlisted(path.relative_to(self.root).as_posix(), _leads_nowhere(error)))
                continue
            files.append(resolved)
        return files, sorted(unlisted, key=lambda item: item.relative)


@dataclass(frozen=True)
class Unlisted:
    """Something in the folder that cannot be listed as a file to open, and why, in a sentence."""

    relative: str
    problem: str


LINK_IN_A_LOOP = "is a link in a loop of links that never reaches a file."


def _leads_nowhere(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return f"It {LINK_IN_A_LOOP}"
    if error.errno == errno.ENOENT:
        return "It is a link to a file that does not exist."
    return f"It cannot be read ({(error.strerror or 'the system refused').lower()})."
