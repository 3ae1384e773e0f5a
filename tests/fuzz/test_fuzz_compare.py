"""Fuzzing `diff` and `migrate`: any two assessments compare, any assessment carries forward.

Assessments are drawn as in test_fuzz.py (valid for the code, then sometimes corrupted), written to
files, and given to the commands themselves in this process: `diff` in each format, and `migrate`
from the Fenbrook standards of 2024 to those of 2025 (renumbered, merged, split and new
provisions). Exit status 0 or 1, never an exception; what `migrate` writes checks without SA001.
"""

from __future__ import annotations

import contextlib
import io
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

from selfassess.check.runner import CheckOptions, check_files
from selfassess.cli import main
from selfassess.load.codes import CodeLibrary
from selfassess.load.documents import read_document
from tests.fuzz.strategies import assessments, dump, wrong_types
from tests.fuzz.test_fuzz import CODES, FUZZ

pytestmark = pytest.mark.slow

FENBROOK = Path(__file__).parents[1] / "compare" / "fixtures" / "codes"
FENBROOK_2024 = read_document(FENBROOK / "fenbrook-standards-2024.yaml").code


def _run(*arguments: str) -> tuple[int, str]:
    with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.redirect_stderr(io.StringIO()) as err:
        status = main(list(arguments))
    note(err.getvalue())
    assert "Traceback" not in err.getvalue()
    return status, out.getvalue()


@FUZZ
@given(data=st.data(), corrupt=st.booleans())
def test_any_two_assessments_compare(data: st.DataObject, corrupt: bool) -> None:
    code, _ = CODES["hos-chc-2024"]
    old = data.draw(assessments(code), label="old")
    new = data.draw(assessments(code), label="new")
    if corrupt:
        new = data.draw(wrong_types(new), label="corrupted new")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / "old.yaml").write_text(dump(old), encoding="utf-8")
        (folder / "new.yaml").write_text(dump(new), encoding="utf-8")
        for form in ("text", "json", "md"):
            status, printed = _run(
                "diff", str(folder / "old.yaml"), str(folder / "new.yaml"), "--format", form
            )
            assert status == 0 if not corrupt else status in (0, 1)
            assert status == 1 or printed


@FUZZ
@given(data=st.data())
def test_any_assessment_carries_forward(data: st.DataObject) -> None:
    assert FENBROOK_2024 is not None
    old = data.draw(assessments(FENBROOK_2024), label="old")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        (folder / "old.yaml").write_text(dump(old), encoding="utf-8")
        out = folder / "new.yaml"
        status, _ = _run(
            "migrate", str(folder / "old.yaml"), "--to", "fenbrook-standards-2025", "-o", str(out),
            "--codes", str(FENBROOK),
        )  # fmt: skip
        assert status == 0
        result = check_files([(out, "new.yaml")], CodeLibrary([FENBROOK]), CheckOptions())
        assert [f for f in result.findings if f.rule == "SA001"] == []
