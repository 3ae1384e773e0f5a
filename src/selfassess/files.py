"""Reading a file without trusting it to be an ordinary one; writing output files all or nothing,
and never over a file selfassess was given to read."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


def read_bounded(path: Path, max_bytes: int, *, pipes: bool = True) -> bytes:
    """The file's bytes, but never more than one byte past `max_bytes`.

    Opened without waiting, so a named pipe with nobody writing reads as empty rather than hanging,
    and read in chunks, so an endless device cannot fill the memory before the size limit applies.
    A device or folder raises OSError, and so does a named pipe unless `pipes` (a file a person
    names may be a pipe on purpose, as a shell's `<(...)` is; a file selfassess keeps for itself,
    such as a cache, never is).
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb", buffering=0) as stream:
        kind = os.fstat(descriptor).st_mode
        if not (stat.S_ISREG(kind) or (pipes and stat.S_ISFIFO(kind))):
            raise OSError(errno.EINVAL, "it is not an ordinary file (it may be a device or a folder)")
        os.set_blocking(descriptor, True)
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = stream.read(min(1_048_576, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        return b"".join(chunks)


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
