"""Word and Excel files made to cost far more than their size: each is refused in one sentence, or
read as it should be, in a process with a memory limit and a timeout, so that a file which would
take minutes and gigabytes fails the test instead of hanging it."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.hostile.office import merged_down_plan, renamed_part_bomb, spanned_form, wide_row_form
from tests.importing import builders

#: What one import may use here: well above an ordinary form's 100 MB, far below a bomb's gigabytes.
MEMORY = 1024 * 1024 * 1024


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_import(source: Path, out: Path, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    given = ["--organisation", "Fenbrook Homes", "--assessed-on", "2025-05-01"]
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "selfassess",
            "import",
            "--code",
            "hos-chc-2024",
            *given,
            "-o",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_limited,
    )


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_a_renamed_part_that_unpacks_to_too_much_is_refused(suffix: str, tmp_path: Path) -> None:
    source = renamed_part_bomb(tmp_path / f"form{suffix}", 20 * 1024 * 1024)
    assert source.stat().st_size < 200_000
    run = run_import(source, tmp_path / "out.yaml", timeout=20)
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == (
        f"form{suffix} holds more than 16 MB of text, more than selfassess reads from one document; "
        "save the tables of the form on their own in a new file and import that.\n"
    )
    assert not (tmp_path / "out.yaml").exists()


def test_pictures_count_towards_a_larger_limit_of_their_own(tmp_path: Path) -> None:
    """A form holding 20 MB of photographs is read (they are not text); 70 MB of them is not."""
    form = builders.write_docx(builders.westminster_form(), tmp_path / "ordinary.docx")

    def with_pictures(name: str, megabytes: int) -> Path:
        path = tmp_path / name
        with zipfile.ZipFile(form) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for part in source.infolist():
                out.writestr(part, source.read(part))
            for number in range(megabytes // 10):  # a photograph does not compress
                picture = b"\xff\xd8\xff\xe0" + os.urandom(10 * 1024 * 1024)
                out.writestr(f"word/media/image{number}.jpeg", picture, zipfile.ZIP_STORED)
        return path

    read = run_import(with_pictures("photographs.docx", 20), tmp_path / "read.yaml")
    assert "Traceback" not in read.stderr
    assert "Checked 1 file" in read.stdout and (tmp_path / "read.yaml").exists()
    refused = run_import(with_pictures("album.docx", 70), tmp_path / "refused.yaml")
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr.startswith("album.docx unpacks to more than 64 MB, pictures and all, more than")


# -- Word tables whose spans and merges are absurd, or only long ---------------------------------------


def test_spans_past_the_tables_grid_are_held_to_it(tmp_path: Path) -> None:
    """A cell spanning fifty million columns, and a row starting fifty million columns late, in a
    form of five: laid on the table's own five columns, the form reads as if they were not there."""
    ordinary = run_import(
        builders.write_docx(builders.westminster_form(), tmp_path / "form.docx", cover=False),
        tmp_path / "ordinary.yaml",
    )
    assert "Checked 1 file" in ordinary.stdout, ordinary.stderr
    source = spanned_form(tmp_path / "spanned.docx", span=50_000_000, before=50_000_000)
    assert source.stat().st_size < 100_000
    run = run_import(source, tmp_path / "spanned.yaml", timeout=20)
    assert "Traceback" not in run.stderr and "damaged" not in run.stderr, run.stderr
    assert run.returncode == ordinary.returncode
    spanned = (tmp_path / "spanned.yaml").read_text(encoding="utf-8")
    assert spanned.replace("spanned.docx", "form.docx") == (tmp_path / "ordinary.yaml").read_text(
        encoding="utf-8"
    )


def test_a_row_wider_than_word_allows_is_refused(tmp_path: Path) -> None:
    run = run_import(wide_row_form(tmp_path / "wide.docx", 5_000), tmp_path / "out.yaml")
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == (
        "wide.docx has a row wider than Word allows (table 1, row 1, more than 63 cells); it may be "
        "damaged, or made by a program other than Word.\n"
    )


def test_a_column_merged_down_over_a_long_plan_is_read_for_every_row(tmp_path: Path) -> None:
    """1,200 actions serving 6.3, the link cell merged down over all of them: every action is
    placed under 6.3, as the merged cell says (python-docx's recursion stops near 1,000 rows)."""
    run = run_import(merged_down_plan(tmp_path / "plan.docx", 1_200), tmp_path / "plan.yaml", timeout=30)
    assert "Traceback" not in run.stderr and "damaged" not in run.stderr, run.stderr
    written = yaml.safe_load((tmp_path / "plan.yaml").read_text(encoding="utf-8"))
    actions = written["responses"]["6.3"]["actions"]
    assert [action["ref"] for action in actions] == [f"A{number}" for number in range(1, 1_201)]
    assert actions[-1]["action"].startswith("Review complaint case 1200 against the stage 1 time limit")
    assert actions[-1]["owner"] == "Complaints Team Leader"
