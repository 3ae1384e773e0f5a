"""Where each evidence `file:` of an assessment points, found without ever opening the file.

Rules do no I/O, so the facts SA203 judges are gathered here: whether the path is absolute,
whether it resolves (symlinks followed) outside the assessment's folder, and whether it exists.
Nothing outside the folder is ever read; only its existence inside the folder is asked.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path, PureWindowsPath

from selfassess.model.assessment import Assessment


class FileFact(StrEnum):
    PRESENT = "present"
    MISSING = "missing"
    ABSOLUTE = "absolute"
    OUTSIDE = "outside"
    A_LINK = "a-link"  # a web address written under `file:` instead of `url:`
    UNUSABLE = "unusable"  # no file can have this name: a control character, or far too long


def _fact(written: str, folder: Path, base: Path) -> FileFact:
    """What `written` is, for an assessment in `folder` (`base` is that folder resolved)."""
    if "://" in written or written.startswith(("mailto:", "javascript:", "data:")):
        return FileFact.A_LINK
    if Path(written).is_absolute() or PureWindowsPath(written).is_absolute() or written.startswith("~"):
        return FileFact.ABSOLUTE
    if any(ord(character) < 32 for character in written):
        return FileFact.UNUSABLE
    try:
        target = (folder / written).resolve()
        if not target.is_relative_to(base):
            return FileFact.OUTSIDE
        return FileFact.PRESENT if target.is_file() else FileFact.MISSING
    except RuntimeError:  # a symlink loop
        return FileFact.OUTSIDE
    except (OSError, ValueError):  # a name longer than the system allows
        return FileFact.UNUSABLE


class EvidenceFiles:
    """What the evidence files of one run's assessments are, each asked of the file system once.

    A folder of assessments for several years names the same files again and again, and finding
    where a path leads costs a system call for each folder on the way. One run sees the files as
    they were when it asked; the next run asks again.
    """

    def __init__(self) -> None:
        self._bases: dict[Path, Path] = {}
        self._known: dict[tuple[Path, str], FileFact] = {}

    def facts(self, assessment: Assessment, folder: Path) -> dict[str, FileFact]:
        """For each register key with a `file:`, what that file is."""
        written = {key: item.file for key, item in assessment.evidence.items() if item.file is not None}
        if not written:
            return {}
        base = self._bases.get(folder)
        if base is None:
            base = self._bases[folder] = folder.resolve()
        found: dict[str, FileFact] = {}
        for key, file in written.items():
            fact = self._known.get((folder, file))
            if fact is None:
                fact = self._known[(folder, file)] = _fact(file, folder, base)
            found[key] = fact
        return found
