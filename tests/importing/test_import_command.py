"""`selfassess import` as a user runs it: a process, then `selfassess check` on what it wrote."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.importing import builders


def _selfassess(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "selfassess", *arguments],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=environment,
    )


def _findings(done: subprocess.CompletedProcess[str]) -> list[tuple[str, str | None]]:
    return sorted((f["rule"], f["provision"]) for f in json.loads(done.stdout)["findings"])


def test_import_then_check_finds_what_the_transcription_has(tmp_path: Path) -> None:
    builders.write_docx(builders.westminster_form(), tmp_path / "westminster-2024.docx")
    done = _selfassess(
        "import",
        "westminster-2024.docx",
        "--code",
        "hos-chc-2024",
        "-o",
        "westminster-2024.yaml",
        "--organisation",
        "Westminster City Council",
        "--assessed-on",
        "2024-10-22",
        cwd=tmp_path,
    )
    assert done.returncode == 1, done.stderr  # 'YAC', as published
    assert "Traceback" not in done.stderr
    assert done.stdout.endswith("Checked 1 file: 1 error, 36 warnings.\n")
    checked = _selfassess("check", "--format", "json", "westminster-2024.yaml", cwd=tmp_path)
    assert checked.returncode == 1
    transcription = builders.REPO / "assessments" / "westminster-2024.yaml"
    expected = _selfassess("check", "--format", "json", str(transcription), cwd=tmp_path)
    # The same findings as the hand transcription, but SA404: its `period` (which the form does not
    # print) dates the annual report that 8.1's "autumn 2024" is measured against.
    assert _findings(checked) == [f for f in _findings(expected) if f[0] != "SA404"]


def test_a_clean_tracker_exits_0(tmp_path: Path) -> None:
    builders.write_docx(builders.wcc_tracker(), tmp_path / "tracker.docx")
    done = _selfassess(
        "import", "tracker.docx", "--code", "wcc-policy-scrutiny-2023", "-o", "tracker.yaml",
        "--organisation", "Westminster City Council", "--assessed-on", "2024-02-01", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert _selfassess("check", "tracker.yaml", cwd=tmp_path).returncode == 0


ABOUT = ("--organisation", "Westminster City Council", "--assessed-on", "2024-10-22")


def test_printed_output_is_checked_with_the_configuration_of_the_forms_folder(tmp_path: Path) -> None:
    """`import -o -` checks the printed text with the configuration of the imported form's own
    folder: one above a temporary folder the command is run from, or above the system's temporary
    folder, never applies (one there once hid every error)."""
    temporary = tmp_path / "tmp" / "inner"
    temporary.mkdir(parents=True)
    (tmp_path / "tmp" / "selfassess.toml").write_text('ignore = ["SA1", "SA2", "SA3", "SA4", "SA5"]\n')
    here = tmp_path / "here"
    here.mkdir()
    builders.write_docx(builders.westminster_form(), here / "form.docx")
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "TMPDIR": str(temporary)}
    for cwd, form in ((here, "form.docx"), (temporary, str(here / "form.docx"))):
        done = subprocess.run(
            [sys.executable, "-m", "selfassess", "import", form, "--code", "hos-chc-2024", "-o", "-", *ABOUT],
            capture_output=True, text=True, check=False, cwd=cwd, env=environment,
        )  # fmt: skip
        assert done.returncode == 1, cwd
        assert "standard output:" in done.stderr and "SA103" in done.stderr, cwd
    (here / "selfassess.toml").write_text('ignore = ["SA103"]\n')
    quieter = subprocess.run(
        [sys.executable, "-m", "selfassess", "import", str(here / "form.docx"), "--code", "hos-chc-2024", "-o", "-", *ABOUT],
        capture_output=True, text=True, check=False, cwd=temporary, env=environment,
    )  # fmt: skip
    assert "SA103" not in quieter.stderr
