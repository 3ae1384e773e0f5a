"""How long finding the files of a folder takes: selfassess's walk, kept on a list rather than
recursion (so a thousand nested folders are a finding, not a RecursionError), against os.walk.

    .venv/bin/python benchmarks/discover.py

Builds, in a temporary folder, a wide tree (2,000 folders of 10 YAML files and 5 other files
each, 20 folders deep at most) and times `discover` on it against a plain `os.walk` that finds
the same files (best of 5). It prints a Markdown table; nothing is asserted.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from selfassess.load.discover import discover

FOLDERS = 2_000
YAML_PER_FOLDER = 10
OTHERS_PER_FOLDER = 5


def build(root: Path) -> int:
    made = 0
    for number in range(FOLDERS):
        # 100 top folders, each a chain of up to 20: deep enough to matter, wide enough to count
        levels = [f"level-{level}" for level in range(number // 100)]
        folder = root.joinpath(f"top-{number % 100:03}", *levels)
        folder.mkdir(parents=True, exist_ok=True)
        for file in range(YAML_PER_FOLDER):
            (folder / f"assessment-{number}-{file}.yaml").write_text("code: x\n")
            made += 1
        for file in range(OTHERS_PER_FOLDER):
            (folder / f"evidence-{number}-{file}.pdf").write_bytes(b"%PDF")
    return made


def by_os_walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for here, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found.extend(Path(here) / name for name in sorted(files) if name.endswith((".yaml", ".yml")))
    return found


def best(work: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="selfassess-discover-") as folder:
        root = Path(folder)
        made = build(root)
        ours = [path for path, _ in discover([root]).files]
        assert ours == by_os_walk(root) and len(ours) == made
        walk = best(lambda: by_os_walk(root))
        found = best(lambda: discover([root]))
    print("| tree | files found | os.walk | selfassess discover |")
    print("|---|---|---|---|")
    print(f"| {FOLDERS:,} folders, {made:,} YAML files | {made:,} | {walk:.3f} s | {found:.3f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
