"""How long `selfassess check` takes over a corpus, against the floor of parsing the same YAML.

    .venv/bin/python benchmarks/check.py

Generates corpora of 1, 100, 1,000 and 5,000 assessments (`benchmarks/corpus.py`) in a temporary
folder, and times each as a whole process, wall-clock (best of 3 runs; 1 run for 5,000 files):

- `selfassess check --format json FOLDER > /dev/null` (the installed command), and its peak memory;
- the parse floor: one process that only parses every file with PyYAML's C loader;
- `yamllint -d relaxed FOLDER` (needs `pip install yamllint` in the same environment);

and the cold start of `selfassess check` on one file against `yamllint` on it (best of 10).
It prints a Markdown table with the targets beside the figures; nothing is asserted.

Options: `--sizes 1,100` to time fewer sizes, `--keep DIR` to write the corpora to DIR and keep
them (`benchmarks/corpus/` is ignored by git), `--src DIR` to time the selfassess in another
checkout's `src/` folder instead of the installed one (for before/after figures), and
`--jobs N` to pass `--jobs N` to `selfassess check` (for versions that have it), and `--no-yamllint`
to leave yamllint out (it takes about 8 minutes at 5,000 files): its columns then show "-".

Peak memory is `/usr/bin/time -v`'s maximum resident set size where that program exists (for a
run that starts worker processes, the largest single process), else `getrusage` of the children.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate

BIN = Path(sys.executable).parent
YAMLLINT = shutil.which("yamllint", path=str(BIN)) or shutil.which("yamllint")
GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None

PARSE_FLOOR = """
import sys
from pathlib import Path
import yaml
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    with path.open("rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""

# What the figures should show; printed beside them, never asserted.
TARGET_FLOOR = 1.0  # 5,000 assessments checked in no more than the parse floor (issue 14)
TARGET_COLD = 1.5  # one file, cold, in at most 1.5 times yamllint's time
TARGET_LINEAR = 1.25  # time per file at 5,000 files at most 1.25 times that at 1,000
TARGET_MEMORY = 1.25  # peak memory at 5,000 files at most 1.25 times that at 100


@dataclass
class Run:
    seconds: float
    peak_mb: float | None = None


def _environment(src: Path | None) -> dict[str, str]:
    environment = dict(os.environ)
    if src is not None:
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), environment.get("PYTHONPATH")]))
    return environment


def _once(command: Sequence[str], environment: dict[str, str], memory: bool = False) -> Run:
    """One run of `command`, its stdout thrown away: wall-clock seconds, and peak memory if asked."""
    if memory and GNU_TIME:
        command = [GNU_TIME, "-v", *command]
    started = time.perf_counter()
    done = subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=environment, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: findings, which a corpus may have
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    peak = None
    if memory:
        if GNU_TIME:
            found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
            peak = int(found[1]) / 1024 if found else None
        else:  # the largest child so far: a fair figure only when sizes run smallest first
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return Run(seconds, peak)


def best_of(runs: int, command: Sequence[str], environment: dict[str, str], memory: bool = False) -> Run:
    results = [_once(command, environment, memory) for _ in range(runs)]
    best = min(results, key=lambda run: run.seconds)
    peaks = [run.peak_mb for run in results if run.peak_mb is not None]
    return Run(best.seconds, max(peaks) if peaks else None)


def _seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def _lint(run: Run | None) -> str:
    return _seconds(run.seconds) if run is not None else "-"


def _ratio(run: Run, against: Run | None) -> str:
    return f"{run.seconds / against.seconds:.2f}×" if against is not None else "-"


def _verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,100,1000,5000", help="corpus sizes (default 1,100,1000,5000)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="write the corpora to DIR and keep them")
    parser.add_argument("--src", type=Path, metavar="DIR", help="time the selfassess in DIR (a src/ folder)")
    parser.add_argument("--jobs", metavar="N", help="pass --jobs N to selfassess check")
    parser.add_argument("--no-yamllint", action="store_true", help="time selfassess and the floor only")
    arguments = parser.parse_args(argv)
    sizes = sorted(int(size) for size in arguments.sizes.split(","))
    yamllint = None if arguments.no_yamllint else YAMLLINT
    if yamllint is None and not arguments.no_yamllint:
        raise SystemExit("yamllint is not installed here: .venv/bin/pip install yamllint")
    environment = _environment(arguments.src)
    # The command people type, where it is installed beside this Python; else the module.
    script = shutil.which("selfassess", path=str(BIN))
    selfassess = [script] if script else [sys.executable, "-m", "selfassess"]
    selfassess += ["check", "--format", "json"]
    if arguments.jobs:
        selfassess += ["--jobs", arguments.jobs]

    root = arguments.keep or Path(tempfile.mkdtemp(prefix="selfassess-bench-"))
    try:
        print(f"Writing {max(sizes):,} assessments ...", file=sys.stderr)
        every = generate(root / "all", max(sizes))
        rows = []
        for size in sizes:
            folder = root / f"n{size}"
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            for path in every[:size]:
                os.link(path, folder / path.name)
            shutil.copytree(root / "all" / "evidence", folder / "evidence", dirs_exist_ok=True)
            runs = 1 if size >= 5000 else 3
            print(f"Timing {size:,} files ({runs} run{'s' if runs > 1 else ''} each) ...", file=sys.stderr)
            check = best_of(runs, [*selfassess, str(folder)], environment, memory=True)
            floor = best_of(runs, [sys.executable, "-c", PARSE_FLOOR, str(folder)], environment)
            lint = best_of(runs, [yamllint, "-d", "relaxed", str(folder)], environment) if yamllint else None
            megabytes = sum(path.stat().st_size for path in every[:size]) / 1_048_576
            rows.append((size, megabytes, check, floor, lint))

        one = root / f"n{sizes[0]}" / every[0].name
        print("Timing cold starts on one file (best of 10) ...", file=sys.stderr)
        cold = best_of(10, [*selfassess, str(one)], environment)
        cold_lint = best_of(10, [yamllint, "-d", "relaxed", str(one)], environment) if yamllint else None
        # A machine's very first check also fills the bank-holiday cache: timed with an empty one.
        first_ever = min(
            (
                _once(
                    [*selfassess, str(one)], {**environment, "SELFASSESS_CACHE_DIR": str(root / f"cache-{n}")}
                )
                for n in range(10)
            ),
            key=lambda run: run.seconds,
        )
    finally:
        if arguments.keep is None:
            shutil.rmtree(root, ignore_errors=True)

    print(
        "| files | MB | `selfassess check` | per file | peak memory | parse floor (C loader) "
        "| check ÷ floor | `yamllint -d relaxed` | check ÷ yamllint |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, megabytes, check, floor, lint in rows:
        memory = f"{check.peak_mb:.0f} MB" if check.peak_mb is not None else "?"
        print(
            f"| {size:,} | {megabytes:.2f} | {_seconds(check.seconds)} "
            f"| {check.seconds / size * 1000:.1f} ms "
            f"| {memory} | {_seconds(floor.seconds)} | {check.seconds / floor.seconds:.2f}× "
            f"| {_lint(lint)} | {_ratio(check, lint)} |"
        )
    print()
    print("| cold start, one file (best of 10) | `selfassess check` | `yamllint -d relaxed` | ratio |")
    print("|---|---:|---:|---:|")
    print(f"| {every[0].name} | {_seconds(cold.seconds)} | {_lint(cold_lint)} | {_ratio(cold, cold_lint)} |")
    print(
        f"| the same, the machine's first check (empty bank-holiday cache) | {_seconds(first_ever.seconds)} "
        f"| {_lint(cold_lint)} | {_ratio(first_ever, cold_lint)} |"
    )
    print()
    by_size = {row[0]: row for row in rows}
    print("| target | figure | |")
    print("|---|---|---|")
    largest = by_size[max(sizes)]
    ratio = largest[2].seconds / largest[3].seconds
    print(
        f"| {max(sizes):,} assessments in ≤ {TARGET_FLOOR}× the parse floor | {ratio:.2f}× "
        f"| {_verdict(ratio <= TARGET_FLOOR)} |"
    )
    if cold_lint is not None:
        ratio = cold.seconds / cold_lint.seconds
        verdict = _verdict(ratio <= TARGET_COLD)
        print(f"| one file, cold, in ≤ {TARGET_COLD}× yamllint | {ratio:.2f}× | {verdict} |")
    if 1000 in by_size and 5000 in by_size:
        per_1000 = by_size[1000][2].seconds / 1000
        per_5000 = by_size[5000][2].seconds / 5000
        ratio = per_5000 / per_1000
        print(
            f"| time linear in files: per file at 5,000 ≤ {TARGET_LINEAR}× per file at 1,000 "
            f"| {per_5000 * 1000:.1f} ms vs {per_1000 * 1000:.1f} ms ({ratio:.2f}×) "
            f"| {_verdict(ratio <= TARGET_LINEAR)} |"
        )
    if 100 in by_size and 5000 in by_size and by_size[100][2].peak_mb and by_size[5000][2].peak_mb:
        small, large = by_size[100][2].peak_mb, by_size[5000][2].peak_mb
        verdict = _verdict(large / small <= TARGET_MEMORY)
        print(
            f"| memory not growing with files: peak at 5,000 ≤ {TARGET_MEMORY}× peak at 100 "
            f"| {large:.0f} MB vs {small:.0f} MB ({large / small:.2f}×) | {verdict} |"
        )


if __name__ == "__main__":
    main()
