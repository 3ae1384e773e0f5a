"""Whether a change to checking changed any finding: `check --format json`, before and after, byte for byte.

    .venv/bin/python benchmarks/same_findings.py [--before REV] [--count 1000] [--jobs N]

Writes a corpus of `--count` assessments (`benchmarks/corpus.py`, the same files for the same
count) in a temporary folder, and checks it and the bundled `assessments/` twice: with the
`src/` of git revision `--before` (by default the commit where this branch left main; taken out
with `git archive`, with the codes and templates it ships) and with this
checkout's `src/`. Each pair of JSON reports must be the same bytes; the first line that differs
is printed otherwise, and the exit status is 1. Speed work proves with this that it found what
was found before, and nothing else.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate

REPO = Path(__file__).resolve().parents[1]


def _source_at(revision: str, into: Path) -> Path:
    """The `src/` folder of `revision`, written into `into` with the codes and templates it ships."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", revision, "src", "codes", "templates"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def _branched_from() -> str:
    """The commit this checkout's branch started from on main (main itself, on main)."""
    return subprocess.run(
        ["git", "-C", str(REPO), "merge-base", "HEAD", "main"], capture_output=True, text=True, check=True
    ).stdout.strip()


def _report(src: Path, folder: Path, jobs: str | None) -> bytes:
    environment = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-m", "selfassess", "check", "--format", "json", str(folder)]
    if jobs:
        command += ["--jobs", jobs]
    done = subprocess.run(command, capture_output=True, env=environment, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr.decode()[-2000:]}")
    return done.stdout


def _first_difference(before: bytes, after: bytes) -> str:
    old, new = before.decode().splitlines(), after.decode().splitlines()
    for number, (was, now) in enumerate(zip(old, new, strict=False), 1):
        if was != now:
            return f"line {number}:\n  before: {was}\n  after:  {now}"
    return f"one report is longer: {len(old)} lines before, {len(new)} after"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--before", help="the git revision to compare with (default: where this branch left main)"
    )
    parser.add_argument("--count", type=int, default=1000, help="assessments in the corpus (default 1000)")
    parser.add_argument("--jobs", metavar="N", help="pass --jobs N to selfassess check")
    arguments = parser.parse_args(argv)
    revision = arguments.before or _branched_from()
    with tempfile.TemporaryDirectory(prefix="selfassess-same-") as temporary:
        root = Path(temporary)
        before = _source_at(revision, root / "before")
        corpus = root / "corpus"
        print(f"Writing {arguments.count:,} assessments ...", file=sys.stderr)
        generate(corpus, arguments.count)
        different = 0
        for folder in (corpus, REPO / "assessments"):
            old = _report(before, folder, arguments.jobs)
            new = _report(REPO / "src", folder, arguments.jobs)
            name = "the corpus" if folder == corpus else folder.name
            if old == new:
                findings = new.count(b'"rule": ')
                print(f"{name}: the same {len(new):,} bytes ({findings:,} findings)")
            else:
                different += 1
                print(f"{name}: DIFFERENT at {_first_difference(old, new)}")
    return 1 if different else 0


if __name__ == "__main__":
    raise SystemExit(main())
