from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).parents[2]


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A copy of the repository's assessments in a fresh folder, as a user's own would be."""
    shutil.copytree(REPO / "assessments", tmp_path / "assessments")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(path: Path, *replacements: tuple[str, str]) -> None:
    """Change an assessment in place: each (old, new) text must be found exactly once."""
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
