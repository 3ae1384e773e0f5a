"""The house rules, checked with the tools that keep them: the layers only point down, no part of a
package imports another that imports it back, and the types hold (mypy, strict)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"{name} is not installed; the README's test command installs it with the dev extra")
    return found


def test_layers_point_down_and_nothing_imports_in_a_circle():
    done = subprocess.run([_tool("lint-imports")], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 kept, 0 broken" in done.stdout


def test_the_types_hold():
    done = subprocess.run([_tool("mypy")], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
