"""Two versions of a made-up landlord's standards (and a third), and an assessment against each."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from selfassess.load.codes import CodeLibrary
from selfassess.model.code import Code

FIXTURES = Path(__file__).parent / "fixtures"
SRC = Path(__file__).resolve().parents[2] / "src"


def selfassess(*args: str, cwd: Path = FIXTURES) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it, from `cwd`, with this repository's code."""
    path = os.pathsep.join(part for part in (str(SRC), os.environ.get("PYTHONPATH", "")) if part)
    return subprocess.run(
        [sys.executable, "-m", "selfassess", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": path},
        check=False,
    )


def fixture_code(code_id: str) -> Code:
    found = CodeLibrary([FIXTURES / "codes"]).find(code_id, FIXTURES)
    assert found is not None and found.code is not None, code_id
    return found.code


def copy_fixtures(folder: Path) -> Path:
    """The fixtures in a folder of their own, to write beside."""
    shutil.copytree(FIXTURES, folder, dirs_exist_ok=True)
    return folder
