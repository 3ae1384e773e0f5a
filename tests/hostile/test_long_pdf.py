"""A form too long to lay out as PDF in reasonable time is refused in one sentence, at once: a
commentary of a megabyte took over a minute, and a 19 MB file 517 s and 2.6 GB."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.hostile.conftest import FIVE_MB_SENTENCE

REPO = Path(__file__).parents[2]
EXAMPLE = REPO / "assessments" / "example-homes-2025.yaml"


def with_long_commentary(folder: Path, size: int) -> Path:
    """The example, its response 1.2's commentary some `size` bytes of ordinary sentences."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "assessments" / "evidence", folder / "evidence", dirs_exist_ok=True)
    text = EXAMPLE.read_text(encoding="utf-8")
    start, end = text.index('\n  "1.2":'), text.index('\n  "1.3":')
    body = "\n".join("      " + FIVE_MB_SENTENCE.strip() for _ in range(size // len(FIVE_MB_SENTENCE) + 1))
    response = (
        '\n  "1.2":\n    answer: "Yes"\n    evidence: [complaints-policy, complaints-webpage]\n'
        f"    commentary: >-\n{body}"
    )
    path = folder / "long.yaml"
    path.write_text(text[:start] + response + text[end:], encoding="utf-8")
    return path


def test_a_form_too_long_for_pdf_is_refused_in_one_sentence(tmp_path: Path) -> None:
    path = with_long_commentary(tmp_path / "assessment", 1024 * 1024)
    out = tmp_path / "long.pdf"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "selfassess",
            "render",
            "--draft",
            "--format",
            "pdf",
            "-o",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == (
        f"{path.as_posix()}: The form is too long to make into a PDF (more than 512 KB of text and "
        "layout, where a year's form has 100-200 KB): publish it as HTML or Word instead.\n"
    )
    assert not out.exists()
    html = subprocess.run(  # the same form as HTML is made as ever
        [sys.executable, "-m", "selfassess", "render", "--draft", "--format", "html", "-o", "-", str(path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert html.returncode == 0 and FIVE_MB_SENTENCE.strip() in html.stdout
