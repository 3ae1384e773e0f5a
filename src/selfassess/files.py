"""Writing output files: all or nothing, and never over a file selfassess was given to read."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


class OverwritesInput(ValueError):
    """The output path is one of the files being read."""


def refuse_to_overwrite(out: Path, inputs: Iterable[Path]) -> None:
    target = out.resolve()
    for given in inputs:
        if given.resolve() == target:
            raise OverwritesInput(f"{out} is the file being read; choose another name for the output with -o")


def write_atomically(path: Path, data: bytes, keep_mode: bool = False) -> None:
    """Write `data` to a temporary file beside `path`, then rename it into place.

    A reader (or a website publishing the file) never sees half a file, and a failure leaves
    the previous version as it was. With `keep_mode`, a file written over keeps its permissions
    (a file a person edits, saved from the workspace).
    """
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask  # as an ordinary new file would be, not mkstemp's 0600
        if keep_mode and path.exists():
            mode = stat.S_IMODE(path.stat().st_mode)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
