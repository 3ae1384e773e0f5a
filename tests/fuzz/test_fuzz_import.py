"""Fuzzing `selfassess import`: any table, in any file, gives a written assessment or one sentence.

Tables are drawn from the words real forms and trackers use (their headings, provision numbers,
answers) mixed with any text at all, and written as CSV, TSV and Word files; files of random bytes
stand in for damaged Word and Excel files. Each is imported with the command itself, in this
process: exit status 0 or 1, never an exception. The budget is shared with test_fuzz.py
(SELFASSESS_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import contextlib
import csv
import io
import tempfile
from pathlib import Path

import docx
import pytest
import yaml
from hypothesis import given, note
from hypothesis import strategies as st

from selfassess.cli import main
from tests.fuzz.test_fuzz import FUZZ

pytestmark = pytest.mark.slow

_WORDS = [
    "Code provision", "Code requirement", "Comply?", "Evidence", "Commentary / explanation",
    "Recommendation", "Lead", "Status", "Response", "Meeting date", "Item",
    "1.2", "6.3", "6.3.", "6.10", "9.8", "12", "A.1", "R3", "Yes", "No", "Partial", "N/A", "YAC",
    "Complaints policy; Training log", "15-Nov-24", "31/11/09", "- a bullet", "",
]  # fmt: skip
_CELLS = st.one_of(st.sampled_from(_WORDS), st.text(max_size=40))
_GRIDS = st.lists(st.lists(_CELLS, min_size=1, max_size=6), min_size=1, max_size=12)


def _import(source: Path, folder: Path) -> int:
    out = folder / "out.yaml"
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        status = main(["import", str(source), "--code", "hos-chc-2024", "-o", str(out), "--force"])
    note(err.getvalue())
    assert "Traceback" not in err.getvalue()
    if out.exists():  # what was written reads back as YAML (the check says what it means)
        yaml.safe_load(out.read_text(encoding="utf-8"))
    return status


def _delimited(grid: list[list[str]], delimiter: str) -> str:
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter).writerows(grid)
    return text.getvalue()


def _word(grid: list[list[str]], path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=len(grid), cols=max(len(row) for row in grid))
    for r, row in enumerate(grid):
        for c, value in enumerate(row):
            # Word cannot hold control characters: python-docx refuses them, as Word would
            table.cell(r, c).text = "".join(ch for ch in value if ch >= " " or ch in "\t\n")
    document.save(str(path))


@FUZZ
@given(grid=_GRIDS, suffix=st.sampled_from([".csv", ".tsv", ".docx"]))
def test_any_table_is_imported_or_refused_in_a_sentence(grid: list[list[str]], suffix: str) -> None:
    note(repr(grid))
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        source = folder / f"form{suffix}"
        if suffix == ".docx":
            _word(grid, source)
        else:
            source.write_text(_delimited(grid, "\t" if suffix == ".tsv" else ","), encoding="utf-8")
        assert _import(source, folder) in (0, 1)


@FUZZ
@given(raw=st.binary(max_size=2000), suffix=st.sampled_from([".docx", ".xlsx", ".csv"]))
def test_any_bytes_are_imported_or_refused_in_a_sentence(raw: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        source = folder / f"form{suffix}"
        source.write_bytes(raw)
        assert _import(source, folder) in (0, 1)
