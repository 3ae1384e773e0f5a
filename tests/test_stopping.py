"""Ctrl-C and SIGTERM, sent to a real `selfassess` process as a terminal or a service manager would:
one word on stderr, the shell's exit status, no worker left running, no half-written file."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from selfassess.files import write_atomically

EXAMPLE = Path(__file__).parents[1] / "assessments" / "example-homes-2025.yaml"


def _start(*arguments: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "selfassess", *arguments],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's job is
    )


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found |= {int(child) for child in task.read_text().split()}
    return found


def _descendants(pid: int) -> set[int]:
    """The workers are the fork server's children, not the command's."""
    found = _children(pid)
    for child in list(found):
        found |= _descendants(child)
    return found


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status


def _wait_for(condition, seconds: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    ends = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > ends:
            raise AssertionError("the command never reached the point to stop it at")
        time.sleep(0.02)


@pytest.fixture
def many_assessments(tmp_path: Path) -> Path:
    folder = tmp_path / "assessments"
    folder.mkdir()
    for number in range(600):
        shutil.copyfile(EXAMPLE, folder / f"homes-{number:03}.yaml")
    return folder


pytestmark = pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")


@pytest.mark.parametrize("after", [0.0, 0.05, 0.15, 0.3, 0.6])
@pytest.mark.parametrize(("sent", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_check_on_two_cores_stops_at_once_and_leaves_no_worker(
    many_assessments: Path, sent: signal.Signals, status: int, after: float
) -> None:
    """Many times, at moments from 'the workers are starting' to 'deep into the files'."""
    process = _start("check", str(many_assessments), "--jobs", "2", cwd=many_assessments.parent)
    _wait_for(lambda: len(_descendants(process.pid)) >= 2)
    time.sleep(after)
    workers = _descendants(process.pid)
    if sent == signal.SIGINT:
        os.killpg(process.pid, sent)  # Ctrl-C reaches the whole job: the workers too
    else:
        process.send_signal(sent)  # a service manager signals the main process
    started = time.monotonic()
    out, err = process.communicate(timeout=30)
    assert time.monotonic() - started < 5
    assert err == "Stopped.\n"
    assert process.returncode == status
    assert out == ""  # no findings printed as if the check were complete
    _wait_for(lambda: not any(_alive(worker) for worker in workers), seconds=5)


@pytest.mark.slow
@pytest.mark.parametrize(("sent", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_while_the_workers_are_being_forked_never_leaves_the_command_waiting(
    many_assessments: Path, sent: signal.Signals, status: int
) -> None:
    """The moment that once left a pool half-made, its threads forking workers that waited for ever
    (the command never ended), or a worker printing a traceback: tried twelve times each."""
    for _ in range(12):
        process = _start("check", str(many_assessments), "--jobs", "2", cwd=many_assessments.parent)
        _wait_for(lambda: len(_descendants(process.pid)) >= 1, seconds=30)  # noqa: B023
        if sent == signal.SIGINT:
            os.killpg(process.pid, sent)
        else:
            process.send_signal(sent)
        try:
            out, err = process.communicate(timeout=20)
        finally:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # what survived, so the next try starts clean
        assert (process.returncode, err, out) == (status, "Stopped.\n", "")


def _long_pdf(folder: Path) -> Path:
    """The example with every commentary twelve times over: some seconds of PDF layout."""
    document = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    for response in document["responses"].values():
        if response.get("commentary"):
            response["commentary"] = "\n\n".join([response["commentary"]] * 12)
    path = folder / "long.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def _drawing_pdf(pid: int) -> bool:
    """WeasyPrint's text library is loaded: the command is past reading and checking, into layout."""
    try:
        return "libpango" in Path(f"/proc/{pid}/maps").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return True


@pytest.mark.slow
@pytest.mark.parametrize(("sent", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_stopping_a_render_keeps_last_years_file_and_leaves_no_part_file(
    tmp_path: Path, sent: signal.Signals, status: int
) -> None:
    out = tmp_path / "form.pdf"
    out.write_bytes(b"last year's form")
    source = _long_pdf(tmp_path)
    process = _start("render", str(source), "--format", "pdf", "--draft", "-o", str(out), cwd=tmp_path)
    _wait_for(lambda: _drawing_pdf(process.pid))
    assert process.poll() is None, process.communicate()
    process.send_signal(sent)
    _, err = process.communicate(timeout=30)
    assert err == "Stopped.\n"
    assert process.returncode == status
    assert out.read_bytes() == b"last year's form"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["form.pdf", "long.yaml"]


def test_a_write_stopped_part_way_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "report.html"
    out.write_text("the report the board saw")

    def interrupted(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(out, b"<html>half")
    assert out.read_text() == "the report the board saw"
    assert [path.name for path in tmp_path.iterdir()] == ["report.html"]
