"""Writing output files: an ordinary file is replaced whole; a device, a pipe or a link is not."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from selfassess.files import NotAFileToWrite, write_atomically

EXAMPLE = Path(__file__).parents[1] / "assessments" / "example-homes-2025.yaml"


def test_an_ordinary_file_is_replaced_whole(tmp_path):
    out = tmp_path / "form.html"
    out.write_bytes(b"last year's")
    before = out.stat().st_ino
    write_atomically(out, b"this year's")
    assert out.read_bytes() == b"this year's"
    assert out.stat().st_ino != before  # renamed into place: a reader never saw half of it
    assert sorted(path.name for path in tmp_path.iterdir()) == ["form.html"]


def test_a_fifo_is_written_into_and_stays_a_fifo(tmp_path):
    pipe = tmp_path / "to-the-website"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    write_atomically(pipe, b"<html>the form</html>")
    reader.join(10)
    assert received == [b"<html>the form</html>"]
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["to-the-website"]


def test_dev_null_is_written_into_and_stays_a_device():
    before = os.lstat("/dev/null")
    write_atomically(Path("/dev/null"), b"nothing to keep")
    after = os.lstat("/dev/null")
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_full_device_is_reported_with_its_path():
    if not os.path.exists("/dev/full"):
        pytest.skip("this system has no /dev/full")
    with pytest.raises(OSError) as raised:
        write_atomically(Path("/dev/full"), b"x" * 10_000)
    assert raised.value.filename == "/dev/full"
    assert stat.S_ISCHR(os.lstat("/dev/full").st_mode)


def test_a_link_keeps_leading_to_the_new_version(tmp_path):
    (tmp_path / "published").mkdir()
    target = tmp_path / "published" / "form-2025.html"
    target.write_bytes(b"old")
    link = tmp_path / "current.html"
    link.symlink_to(Path("published") / "form-2025.html")
    write_atomically(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(Path("published") / "form-2025.html")
    assert target.read_bytes() == b"new"
    assert sorted(path.name for path in (tmp_path / "published").iterdir()) == ["form-2025.html"]


def test_a_link_to_a_file_not_yet_written_writes_it_where_the_link_leads(tmp_path):
    link = tmp_path / "current.html"
    link.symlink_to(tmp_path / "form-2025.html")
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert (tmp_path / "form-2025.html").read_bytes() == b"new"


def test_a_link_to_a_fifo_is_written_into(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    link = tmp_path / "out.md"
    link.symlink_to(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    write_atomically(link, b"# Form")
    reader.join(10)
    assert received == [b"# Form"]
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_a_socket_is_refused_in_a_sentence(tmp_path):
    where = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(where))
        with pytest.raises(NotAFileToWrite, match="is a socket, not a file; choose the name of a file"):
            write_atomically(where, b"x")
    finally:
        server.close()
    assert stat.S_ISSOCK(os.lstat(where).st_mode)


def _render(out: str, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "selfassess", "render", "--draft", "--format", "md", "-o", out]
    return subprocess.run([*command, str(EXAMPLE)], stdout=stdout, stderr=subprocess.PIPE, timeout=120)  # type: ignore[call-overload]


def test_render_to_dev_stdout_writes_into_a_pipe():
    run = _render("/dev/stdout")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(b"> **DRAFT:**")
    assert run.stderr == b"Wrote /dev/stdout (draft).\n"


def test_render_to_a_socket_is_refused_before_any_work(tmp_path):
    where = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(where))
        run = _render(str(where))
    finally:
        server.close()
    assert run.returncode == 2
    assert run.stderr.decode() == (
        f"selfassess render: error: {where} is a socket, not a file; choose the name of a file to write with -o\n"
    )


def test_render_to_dev_stdout_adds_to_a_file_the_shell_opened_to_add_to(tmp_path):
    """`-o /dev/stdout >> board-pack.md` writes where the shell's file stands: nothing before is lost."""
    pack = tmp_path / "board-pack.md"
    pack.write_bytes(b"# Board pack\n\n")
    with pack.open("ab") as shell_opened:
        run = _render("/dev/stdout", stdout=shell_opened)
    assert run.returncode == 0, run.stderr
    written = pack.read_bytes()
    assert written.startswith(b"# Board pack\n\n> **DRAFT:**")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["board-pack.md"]


def test_a_descriptor_not_open_is_reported_with_its_path():
    with pytest.raises(OSError) as raised:
        write_atomically(Path("/dev/fd/987"), b"x")
    assert raised.value.filename == "/dev/fd/987"
