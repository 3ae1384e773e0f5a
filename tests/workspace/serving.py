"""`selfassess serve` started as a person starts it: a process of its own, on a free port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Served:
    def __init__(self, folder: Path, *options: str) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "selfassess",
                "serve",
                str(folder),
                "--no-browser",
                "--port",
                str(self.port),
                *options,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.address = ""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if "token=" in line:
                self.address = line.strip()
                return
            if not line and self.process.poll() is not None:
                break
        raise AssertionError(f"serve printed no address: {self.process.stderr.read()}")

    def stop(self, number: int) -> tuple[int, str, float]:
        started = time.monotonic()
        self.process.send_signal(number)
        try:
            _, errors = self.process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise
        return self.process.returncode, errors, time.monotonic() - started


@pytest.fixture
def served(folder) -> Iterator:
    """Start `selfassess serve` on the test's folder; every one started is stopped at the end."""
    running: list[Served] = []

    def start(*options: str) -> Served:
        made = Served(folder, *options)
        running.append(made)
        return made

    yield start
    for each in running:
        if each.process.poll() is None:
            each.process.kill()
            each.process.wait()
