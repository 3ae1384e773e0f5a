"""What the hostile files of the reliability review cost: time and peak memory of the whole
command, each in a process of its own with a timeout, so that the figures before a fix can be
measured too (an attack that runs past the timeout is reported as such, not waited for).

    .venv/bin/python benchmarks/limits.py [CASE ...]

Peak memory is `/usr/bin/time -v`'s maximum resident set size. Figures go in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the tests' builders make the files

from tests.hostile.office import merged_down_plan, renamed_part_bomb, spanned_form  # noqa: E402
from tests.hostile.test_long_pdf import with_long_commentary  # noqa: E402
from tests.hostile.test_long_report import misfiled  # noqa: E402
from tests.hostile.test_many_mistakes import large_code, misnumbered  # noqa: E402

TIMEOUT = 300
SELFASSESS = [sys.executable, "-m", "selfassess"]


def measure(command: list[str], timeout: float = TIMEOUT, env: dict[str, str] | None = None) -> str:
    """The command's wall-clock time and peak memory, and its exit status and last line."""
    started = time.perf_counter()
    try:
        run = subprocess.run(
            ["/usr/bin/time", "-v", *command], capture_output=True, text=True, timeout=timeout, env=env
        )
    except subprocess.TimeoutExpired:
        return f"stopped after {timeout:.0f} s"
    seconds = time.perf_counter() - started
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    peak = int(found.group(1)) / 1024 if found else float("nan")
    said = [line for line in run.stderr.splitlines() if line and not line.startswith("\t")]
    said = [line for line in said if not line.startswith(("Command exited", "Command terminated"))]
    last = (said or run.stdout.splitlines() or [""])[-1][:110]
    status = re.search(r"Exit status: (\d+)", run.stderr)
    return f"{seconds:6.2f} s {peak:8.0f} MB  exit {status.group(1) if status else '?'}  {last}"


def _import(source: Path, folder: Path) -> list[str]:
    return [
        *SELFASSESS,
        "import",
        "--code",
        "hos-chc-2024",
        "-o",
        str(folder / "out.yaml"),
        "--force",
        str(source),
    ]


def renamed_docx(folder: Path) -> list[str]:
    """A Word form whose document part is renamed `.bin` and unpacks to 200 MB (a file of 200 KB)."""
    return _import(renamed_part_bomb(folder / "renamed.docx", 200 * 1024 * 1024), folder)


def renamed_xlsx(folder: Path) -> list[str]:
    """An Excel form whose sheet is renamed `.bin` and unpacks to 200 MB."""
    return _import(renamed_part_bomb(folder / "renamed.xlsx", 200 * 1024 * 1024), folder)


def _imported(source: Path, folder: Path) -> list[str]:
    given = ["--organisation", "Fenbrook Homes", "--assessed-on", "2025-05-01"]
    return [*_import(source, folder), *given]


def spanned_docx(folder: Path) -> list[str]:
    """Westminster's Word form, one cell spanning 50,000,000 columns, a row starting 50,000,000 late."""
    return _imported(spanned_form(folder / "spanned.docx", 50_000_000, 50_000_000), folder)


def merged_600(folder: Path) -> list[str]:
    """A Word action plan of 600 actions, its link column merged down over all of them."""
    return _imported(merged_down_plan(folder / "plan.docx", 600), folder)


def merged_1200(folder: Path) -> list[str]:
    """The same with 1,200 actions."""
    return _imported(merged_down_plan(folder / "plan.docx", 1_200), folder)


def merged_5000(folder: Path) -> list[str]:
    """The same with 4,999 actions, the most rows an import takes (5,000 with the header)."""
    return _imported(merged_down_plan(folder / "plan.docx", 4_999), folder)


EXAMPLE = REPO / "assessments" / "example-homes-2025.yaml"


def unknown_8000(folder: Path) -> list[str]:
    """A code of 8,000 provisions, and an assessment of 8,000 responses to numbers it does not have."""
    path = misnumbered(folder, large_code(folder, 8_000), 8_000)
    return [*SELFASSESS, "check", "--format", "json", str(path)]


def unknown_20mb(folder: Path) -> list[str]:
    """An assessment of the 2024 Code just under the 20 MB limit, every response (some 220,000)
    filed under a number the code does not have."""
    lines = ["code: hos-chc-2024", "organisation: Fenbrook Homes", "assessed_on: 2025-05-20", "responses:"]
    size, number = 0, 0
    while size < 19_500_000:
        number += 1
        lines.append(f'  "7.{number}":\n    answer: "Yes"\n    evidence: [complaints-policy]')
        size += len(lines[-1]) + 1
    path = folder / "unknown.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [*SELFASSESS, "check", "--format", "json", str(path)]


def _bad_cache(folder: Path, put: Callable[[Path], None]) -> list[str]:
    """`check` of the example, with each bank-holiday cache file it wrote replaced by `put`."""
    cache = folder / "cache"
    os.environ["SELFASSESS_CACHE_DIR"] = str(cache)
    subprocess.run([*SELFASSESS, "check", str(EXAMPLE)], capture_output=True, check=False)
    for path in cache.iterdir():
        path.unlink()
        put(path)
    return [*SELFASSESS, "check", str(EXAMPLE)]


def cache_fifo(folder: Path) -> list[str]:
    """The bank-holiday cache is a named pipe nobody writes to."""
    return _bad_cache(folder, os.mkfifo)


def cache_device(folder: Path) -> list[str]:
    """The bank-holiday cache is a link to /dev/zero."""
    return _bad_cache(folder, lambda path: path.symlink_to("/dev/zero"))


def report_20000(folder: Path) -> list[str]:
    """The board report in Word of the example with 20,000 more responses under unknown numbers."""
    source = misfiled(folder / "assessment", 20_000)
    return [*SELFASSESS, "report", "--format", "docx", "-o", str(folder / "report.docx"), str(source)]


def pdf_1mb(folder: Path) -> list[str]:
    """The example as PDF, its response 1.2's commentary a megabyte long."""
    source = with_long_commentary(folder / "assessment", 1024 * 1024)
    return [*SELFASSESS, "render", "--draft", "--format", "pdf", "-o", str(folder / "long.pdf"), str(source)]


def pdf_400kb(folder: Path) -> list[str]:
    """The same with a commentary of 400 KB, under the limit."""
    source = with_long_commentary(folder / "assessment", 400 * 1024)
    return [*SELFASSESS, "render", "--draft", "--format", "pdf", "-o", str(folder / "long.pdf"), str(source)]


def _render_19mb(folder: Path, form: str) -> list[str]:
    source = with_long_commentary(folder / "assessment", 19 * 1024 * 1024)
    return [
        *SELFASSESS,
        "render",
        "--draft",
        "--format",
        form,
        "-o",
        str(folder / f"long.{form}"),
        str(source),
    ]


def html_19mb(folder: Path) -> list[str]:
    """The example as HTML, one commentary of 19 MB (the file just under the 20 MB limit)."""
    return _render_19mb(folder, "html")


def docx_19mb(folder: Path) -> list[str]:
    """The same as Word."""
    return _render_19mb(folder, "docx")


def pdf_19mb(folder: Path) -> list[str]:
    """The same as PDF: refused."""
    return _render_19mb(folder, "pdf")


def report_19mb(folder: Path) -> list[str]:
    """The board report in Word of the example with one commentary of 19 MB."""
    source = with_long_commentary(folder / "assessment", 19 * 1024 * 1024)
    return [*SELFASSESS, "report", "--format", "docx", "-o", str(folder / "report.docx"), str(source)]


def diff_19mb(folder: Path) -> list[str]:
    """`diff` of the example against the same with one commentary of 19 MB."""
    source = with_long_commentary(folder / "assessment", 19 * 1024 * 1024)
    return [*SELFASSESS, "diff", str(EXAMPLE), str(source)]


CASES: dict[str, Callable[[Path], list[str]]] = {
    "renamed-docx": renamed_docx,
    "renamed-xlsx": renamed_xlsx,
    "spanned-docx": spanned_docx,
    "merged-600": merged_600,
    "merged-1200": merged_1200,
    "merged-5000": merged_5000,
    "unknown-8000": unknown_8000,
    "unknown-20mb": unknown_20mb,
    "report-20000": report_20000,
    "pdf-1mb": pdf_1mb,
    "pdf-400kb": pdf_400kb,
    "html-19mb": html_19mb,
    "docx-19mb": docx_19mb,
    "pdf-19mb": pdf_19mb,
    "report-19mb": report_19mb,
    "diff-19mb": diff_19mb,
    "cache-fifo": cache_fifo,
    "cache-device": cache_device,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", metavar="CASE", help=", ".join(CASES))
    parser.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds before a case is stopped")
    arguments = parser.parse_args()
    chosen = arguments.cases or list(CASES)
    for name in chosen:
        os.environ.pop("SELFASSESS_CACHE_DIR", None)
        with tempfile.TemporaryDirectory() as folder:
            command = CASES[name](Path(folder))
            sizes = [Path(part).stat().st_size for part in command if Path(part).is_file()]
            size = f"{sizes[-1] / 1024:,.0f} KB" if sizes else ""
            print(f"{name:<28} {size:>10}  {measure(command, arguments.timeout)}", flush=True)


if __name__ == "__main__":
    main()
