"""How fast stated time limits are compared with the code's: 1,000 assessments, 7 limits each,
every start day of a 365-day window. Target: well under a second.

    .venv/bin/python benchmarks/timelimits.py

Two cases: the usual one, where the assessments cover the same financial year, and the worst,
where each covers a different 365-day window (no comparison is ever repeated) and the caches are
cleared first, so the bank-holiday tables are built inside the measurement.
"""

from __future__ import annotations

import platform
import random
import time
from datetime import date, timedelta

from selfassess.timelimits import calendar
from selfassess.timelimits.compare import Bound, compare
from selfassess.timelimits.durations import parse_duration

CODE = {
    "complaint-window": ("12 months", Bound.AT_LEAST),
    "stage1-acknowledge": ("5 working days", Bound.AT_MOST),
    "stage1-response": ("10 working days", Bound.AT_MOST),
    "stage1-extension": ("10 working days", Bound.AT_MOST),
    "stage2-acknowledge": ("5 working days", Bound.AT_MOST),
    "stage2-response": ("20 working days", Bound.AT_MOST),
    "stage2-extension": ("20 working days", Bound.AT_MOST),
}
STATED = {  # what organisations write, the Code's own limit most often
    "complaint-window": ["12 months", "12 months", "6 months", "52 weeks", "365 days"],
    "stage1-acknowledge": ["5 working days", "5 working days", "1 week", "5 days", "3 working days"],
    "stage1-response": ["10 working days", "10 working days", "2 weeks", "14 days", "15 working days"],
    "stage1-extension": ["10 working days", "10 working days", "2 weeks", "20 working days"],
    "stage2-acknowledge": ["5 working days", "5 working days", "1 week"],
    "stage2-response": ["20 working days", "20 working days", "4 weeks", "1 month", "30 working days"],
    "stage2-extension": ["20 working days", "20 working days", "4 weeks"],
}
ASSESSMENTS = 1_000


def run(windows: list[tuple[date, date]]) -> tuple[float, int]:
    chosen = random.Random(2025)
    comparisons = 0
    started = time.perf_counter()
    for first, last in windows:
        for key, (allowed, bound) in CODE.items():
            stated = parse_duration(chosen.choice(STATED[key]))
            compare(stated, parse_duration(allowed), bound, first, last)
            comparisons += 1
    return time.perf_counter() - started, comparisons


def clear_caches() -> None:
    compare.cache_clear()
    calendar._built = None


def main() -> None:
    print(f"Python {platform.python_version()} on {platform.machine()}")
    same_year = [(date(2024, 4, 1), date(2025, 3, 31))] * ASSESSMENTS
    clear_caches()
    seconds, count = run(same_year)
    print(
        f"same financial year: {ASSESSMENTS:,} assessments, {count:,} comparisons x 365 days: {seconds:.3f} s"
    )
    distinct = [
        (date(2022, 1, 1) + timedelta(days=i), date(2022, 12, 31) + timedelta(days=i))
        for i in range(ASSESSMENTS)
    ]
    clear_caches()
    seconds, count = run(distinct)
    print(f"a different window each, cold caches: {count:,} comparisons x 365 days: {seconds:.3f} s")


if __name__ == "__main__":
    main()
