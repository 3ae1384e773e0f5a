"""The bank-holiday cache is a file anyone sharing a cache folder (a CI cache, say) can put anything
at: a named pipe, a link to a device, a huge file. `check` must never hang or fill the memory on
it: the cache is set aside with one sentence and written again."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[2]
EXAMPLE = REPO / "assessments" / "example-homes-2025.yaml"
MEMORY = 1024 * 1024 * 1024


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def check(cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "selfassess", "check", "--format", "json", str(EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=20,
        env=os.environ | {"SELFASSESS_CACHE_DIR": str(cache)},
        preexec_fn=_limited,
    )


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _huge(path: Path) -> None:
    with path.open("wb") as stream:
        stream.truncate(2 * 1024 * 1024 * 1024)  # 2 GB that take no room on the disk


@pytest.mark.parametrize(
    ("put", "says"),
    [
        (_fifo, "is not an ordinary file"),
        (_device, "is not an ordinary file"),
        (_huge, "is larger than the 256 KB a cache of bank holidays needs"),
    ],
    ids=["named-pipe", "link-to-dev-zero", "two-gigabytes"],
)
def test_a_cache_that_is_no_file_is_set_aside_and_written_again(put, says, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = check(cache)
    assert first.returncode == 0, first.stderr
    kept = sorted(cache.iterdir())
    assert kept and all(path.name.startswith("bank-holidays-") for path in kept)
    for path in kept:
        path.unlink()
        put(path)
    run = check(cache)
    assert run.returncode == 0, run.stderr
    assert run.stdout == first.stdout  # the same findings: the package was asked instead
    lines = run.stderr.splitlines()
    assert len(lines) == len(kept), run.stderr
    for path, line in zip(kept, lines, strict=True):
        assert line == f"The bank-holiday cache {path} {says}, so it was not read; it has been replaced."
        assert path.is_file() and not path.is_symlink() and path.stat().st_size < 100_000
    again = check(cache)  # the cache written again is used, and nothing more is said
    assert (again.returncode, again.stderr, again.stdout) == (0, "", first.stdout)
