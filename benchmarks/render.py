"""How long publishing one full assessment takes, per format. Target: under a second each for
HTML and Word.

    .venv/bin/python benchmarks/render.py

Measured inside one process after a first, unmeasured render (so imports and template
compilation, which a command pays once, are reported separately as the cold figure).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from selfassess.publish.render import render

REPO = Path(__file__).resolve().parents[1]
ASSESSMENTS = ("assessments/example-homes-2025.yaml", "assessments/westminster-2024.yaml")
RUNS = 10


def main() -> None:
    for name in ASSESSMENTS:
        path = REPO / name
        for form in ("html", "md", "docx", "pdf"):
            started = time.perf_counter()
            try:
                render(path, form, draft=True)
            except Exception as error:  # the pdf extra may be missing
                print(f"{name} {form}: not measured ({error})")
                continue
            cold = time.perf_counter() - started
            times = []
            for _ in range(RUNS if form != "pdf" else 3):
                started = time.perf_counter()
                render(path, form, draft=True)
                times.append(time.perf_counter() - started)
            median = statistics.median(times)
            print(f"{name} {form:>4}: first {cold:.3f} s, then median {median:.3f} s (check included)")


if __name__ == "__main__":
    main()
