"""Reading a file without trusting it to be an ordinary one; writing output files all or nothing,
and never over a file selfassess was given to read."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
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


class NotAFileToWrite(ValueError):
    """The output path is something a file cannot be written into: a disk or a socket."""


def refuse_unwritable(path: Path) -> None:
    """Refuse, before any work is done, an output path that no file can be written into.

    A terminal, /dev/null or a pipe (a character device or a FIFO) is written into as the shell
    would; a disk (a block device) or a socket would be damaged or cannot take a file at all.
    """
    try:
        found = os.stat(path)
    except OSError:
        return  # nothing there yet (or the system says why when the file is written)
    if stat.S_ISBLK(found.st_mode):
        raise NotAFileToWrite(f"{path} is a disk, not a file; choose the name of a file to write with -o")
    if stat.S_ISSOCK(found.st_mode):
        raise NotAFileToWrite(f"{path} is a socket, not a file; choose the name of a file to write with -o")


def write_atomically(path: Path, data: bytes, keep_mode: bool = False) -> None:
    """Write `data` to a temporary file beside `path`, then rename it into place.

    A reader (or a website publishing the file) never sees half a file, and a failure leaves
    the previous version as it was. With `keep_mode`, a file written over keeps its permissions
    (a file a person edits, saved from the workspace).

    Only an ordinary file is replaced: a terminal, /dev/null or a pipe at `path` is written into
    (renaming over it would put a file where the device was), and a link to a file has its target
    replaced, so the link still leads to the new version.
    """
    refuse_unwritable(path)
    descriptor = _descriptor_named(path)
    if descriptor is not None:
        try:
            _write_to_descriptor(descriptor, data)
        except OSError as error:  # /dev/fd/7 with nothing open as 7: say which path
            raise OSError(error.errno, error.strerror, str(path)) from None
        return
    try:
        found: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        found = None
    if found is not None and not stat.S_ISREG(found.st_mode):
        _write_into(path, data)
        return
    target = _named_target(path, found)
    if target is None:
        _write_into(path, data)
        return
    _replace(target, data, keep_mode)


#: A name for one of this process's open files: /dev/stdout leads to /proc/self/fd/1 (Linux), or to
#: /dev/fd/1 (macOS and the BSDs).
_DESCRIPTOR = re.compile(r"^/(?:proc/(?:self|(?P<pid>\d+))/fd|dev/fd)/(?P<fd>\d+)$")


def _descriptor_named(path: Path) -> int | None:
    """The open file `path` names (/dev/stdout, /dev/fd/3), if it names one of this process's.

    Written to as it is, at its place, as `>&1` in a shell writes: reopening it by its name would
    start a file the shell opened to add to (`>> board-pack.md`) afresh, and replacing the file
    it leads to would leave the shell writing to a file no longer there.
    """
    here = str(path)
    for _ in range(40):  # the most links a system follows before it gives up
        matched = _DESCRIPTOR.match(os.path.normpath(here))
        if matched is not None:
            pid = matched["pid"]
            return int(matched["fd"]) if pid is None or int(pid) == os.getpid() else None
        try:
            target = os.readlink(here)
        except OSError:
            return None  # not a link: the end of the chain
        here = os.path.join(os.path.dirname(here), target)
    return None


def _write_to_descriptor(descriptor: int, data: bytes) -> None:
    for stream in (sys.stdout, sys.stderr):  # what Python holds for them goes first, in order
        with contextlib.suppress(AttributeError, OSError, ValueError):
            stream.flush()
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _named_target(path: Path, found: os.stat_result | None) -> Path | None:
    """The file to replace for `path`: itself, or the file a link at `path` leads to.

    None when a link leads to a file that has no name to replace, as /dev/stdout leads through
    /proc/self/fd/1 to whatever the shell opened: that is written into as the shell would.
    """
    if not os.path.islink(path):
        return path
    target = Path(os.path.realpath(path))
    if found is None:
        return target  # a link to a file not yet written: it is written where the link leads
    try:
        same = os.path.samestat(os.stat(target), found)
    except OSError:
        same = False
    return target if same else None


def _write_into(path: Path, data: bytes) -> None:
    """Write into what is at `path` (a device, a pipe) without replacing it, as `>` in a shell does."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
    except OSError as error:  # /dev/full: say which path, as for any file that cannot be written
        raise OSError(error.errno, error.strerror, str(path)) from None


def replace_atomically(path: Path, data: bytes) -> None:
    """`data` renamed into place over whatever stands at `path`, a link or a pipe included: for
    the files selfassess keeps for itself (a cache), which nobody means to point anywhere else."""
    _replace(path, data, keep_mode=False)


def _replace(path: Path, data: bytes, keep_mode: bool) -> None:
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
