"""How long `selfassess summary` takes over a corpus, against `selfassess check` on the same files.

    .venv/bin/python benchmarks/summary.py [--sizes 1000,5000] [--keep DIR]

Generates the corpus of `benchmarks/corpus.py` (the example made into other landlords'
assessments: their own names, figures and dates, some provisions turned into shortfalls), and
makes every fifth file the same landlord's assessment of the year before, a few answers weaker,
so that the summary has year on year to work out as well. Each size is timed as whole processes,
wall-clock, each command once per size (the machine is shared; run it again for steadier figures):

- `selfassess check --format json FOLDER > /dev/null`, the target: the summary should take about
  as long, since it reads each file once, through the same runner and workers;
- `selfassess summary FOLDER` as HTML, as a workbook and as JSON, each written with -o.

Peak memory is `/usr/bin/time -v`'s maximum resident set size (the largest single process) where
that program exists. It prints a Markdown table; nothing is asserted.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate

from check import BIN, Run, _environment, _once, _seconds

FORMS = ("html", "xlsx", "json")
_YEAR = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")


def _year_before(text: str) -> str:
    """The same landlord's assessment a year earlier: every date a year back, and each provision
    answered 'Yes' one time in eight answered 'Partial' instead."""
    text = _YEAR.sub(
        lambda m: f"{int(m[1]) - 1}-{m[2]}-{'28' if (m[2], m[3]) == ('02', '29') else m[3]}", text
    )
    count = 0

    def weaker(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return 'answer: "Partial"' if count % 8 == 0 else match[0]

    return re.sub(r'answer: "Yes"', weaker, text)


def _timed(command: Sequence[str], environment: dict[str, str]) -> tuple[Run, float]:
    """One run, and the processor time it took (its own and its workers'): on a shared machine
    wall-clock time says as much about the others' work as about this one."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = _once(command, environment, memory=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return run, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def corpus(folder: Path, count: int) -> list[Path]:
    """`count` assessments; every fifth is the year before of the file after it."""
    written = generate(folder, count)
    for index in range(0, count - 1, 5):
        later = written[index + 1].read_text(encoding="utf-8")
        written[index].write_text(_year_before(later), encoding="utf-8")
    return written


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000", help="corpus sizes (default 1000,5000)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="write the corpora to DIR and keep them")
    arguments = parser.parse_args(argv)
    sizes = sorted(int(size) for size in arguments.sizes.split(","))
    environment = _environment(None)
    script = shutil.which("selfassess", path=str(BIN))
    selfassess = [script] if script else [sys.executable, "-m", "selfassess"]
    root = arguments.keep or Path(tempfile.mkdtemp(prefix="selfassess-summary-bench-"))
    rows = []
    try:
        for size in sizes:
            folder = root / f"n{size}"
            shutil.rmtree(folder, ignore_errors=True)
            print(f"Writing {size:,} assessments ...", file=sys.stderr)
            files = corpus(folder, size)
            megabytes = sum(path.stat().st_size for path in files) / 1_048_576
            print(f"Timing {size:,} files ...", file=sys.stderr)
            check = _timed([*selfassess, "check", "--format", "json", str(folder)], environment)
            made = {}
            for form in FORMS:
                out = root / f"summary-{size}.{form}"
                command = [*selfassess, "summary", str(folder), "--format", form, "-o", str(out)]
                made[form] = (*_timed(command, environment), out.stat().st_size / 1_048_576)
            rows.append((size, megabytes, check, made))
    finally:
        if arguments.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    print(
        "| files | MB | `check --format json` | `summary` HTML | `summary` xlsx | `summary` JSON "
        "| summary HTML ÷ check | peak memory: check / summary HTML | output sizes (HTML, xlsx, JSON) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, megabytes, (check, check_cpu), made in rows:
        times = [f"{_seconds(check.seconds)} ({_seconds(check_cpu)} CPU)"]
        times += [f"{_seconds(made[form][0].seconds)} ({_seconds(made[form][1])} CPU)" for form in FORMS]
        html, html_cpu = made["html"][0], made["html"][1]
        ratio = f"{html.seconds / check.seconds:.2f}× wall, {html_cpu / check_cpu:.2f}× CPU"
        memory = f"{check.peak_mb or 0:.0f} MB / {html.peak_mb or 0:.0f} MB"
        sizes_out = ", ".join(f"{made[form][2]:.1f} MB" for form in FORMS)
        print(f"| {size:,} | {megabytes:.1f} | {' | '.join(times)} | {ratio} | {memory} | {sizes_out} |")


if __name__ == "__main__":
    main()
