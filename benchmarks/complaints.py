"""How fast a large landlord's complaints log is judged and summed up: a million rows (a decade
of a large landlord's complaints), read from CSV, every case judged in working days, and the
latest year's CH01 and CH02 worked out. Target: a few seconds; peak memory recorded.

    .venv/bin/python benchmarks/complaints.py [--rows 1000000]

The log is made first (tools/complaints_logs.py: seasonal volumes, bank-holiday weeks,
extensions, escalations, and names, addresses and free text in the columns never read), then
read in a fresh process so that its peak memory is the reading's own.
"""

from __future__ import annotations

import argparse
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tools.complaints_logs import realistic, write  # noqa: E402


def measure(path: Path) -> None:
    """In a process of its own: read, judge and sum up the log, printing the seconds each took."""
    from selfassess.complaints.judging import judge
    from selfassess.complaints.limits import limits_of
    from selfassess.complaints.measures import default_period, measures
    from selfassess.complaints.reading import read_log
    from selfassess.complaints.workdays import working_calendar
    from selfassess.load.codes import CodeLibrary

    code = CodeLibrary().find("hos-chc-2024", REPO).code
    assert code is not None
    working_calendar()  # the bank holidays, from the cache: not the log's cost
    started = time.perf_counter()
    raw = read_log(path, path.name)
    read = time.perf_counter()
    judged = judge(raw, limits_of(code))
    done = time.perf_counter()
    period = default_period(judged)
    assert period is not None
    summed = measures(judged, period)
    finished = time.perf_counter()
    print(
        f"{raw.size} rows, {len(judged.problems)} problems, {judged.unjudged_rows} not judged; "
        f"read {read - started:.2f} s, judged {done - read:.2f} s, summed up {finished - done:.2f} s "
        f"({summed.stages[0].responses.done} stage 1 responses in {period.words}); "
        f"total {finished - started:.2f} s, {raw.size / (finished - started):,.0f} rows/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--measure", type=Path)
    arguments = parser.parse_args()
    if arguments.measure is not None:
        measure(arguments.measure)
        return
    print(f"Python {platform.python_version()} on {platform.machine()}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "complaints.csv"
        started = time.perf_counter()
        write(path, realistic(arguments.rows))
        print(
            f"made {arguments.rows:,} rows ({path.stat().st_size / 1e6:.0f} MB) "
            f"in {time.perf_counter() - started:.0f} s"
        )
        for _ in range(2):
            subprocess.run([sys.executable, __file__, "--measure", str(path)], check=True)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"peak memory of the reading process: {peak:,.0f} MB")
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "selfassess",
                "complaints",
                str(path),
                "--homes",
                "60000",
                "--format",
                "json",
                "-o",
                str(Path(folder) / "out.json"),
            ],
            check=False,
        )
        print(
            "'selfassess complaints' as a whole, JSON of every late case: "
            f"{time.perf_counter() - started:.1f} s"
        )


if __name__ == "__main__":
    main()
