"""Every Word file selfassess publishes, for every bundled example, is built for a screen reader:
real heading styles (the Title, then Heading 1, Heading 2, never a level skipped), and every table a
header row that repeats on each page, marked as such, with alt text."""

from __future__ import annotations

import shutil
from itertools import pairwise
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from selfassess.cli import main

pytestmark = pytest.mark.slow  # a dozen Word files, each with its chart drawn

REPO = Path(__file__).parents[2]
EXAMPLES = sorted(path.stem for path in (REPO / "assessments").glob("*.yaml"))


@pytest.mark.parametrize("stem", EXAMPLES)
@pytest.mark.parametrize("command", ["render", "report"])
def test_headings_are_heading_styles_and_tables_have_header_rows(tmp_path, capsys, stem, command):
    shutil.copytree(REPO / "assessments", tmp_path / "assessments")
    out = tmp_path / f"{stem}.docx"
    draft = ["--draft"] if command == "render" else []
    assert (
        main(
            [
                command,
                str(tmp_path / "assessments" / f"{stem}.yaml"),
                *draft,
                "--format",
                "docx",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    document = docx.Document(str(out))
    levels = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if style == "Title":
            levels.append(0)
        elif style.startswith("Heading "):
            levels.append(int(style.removeprefix("Heading ")))
    assert levels[0] == 0 and levels.count(0) == 1, levels
    assert 1 in levels
    for before, after in pairwise(levels):
        assert after <= before + 1, f"a Heading {after} straight after a Heading {before}"
    assert document.tables
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        assert all(r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None for r in table.rows[1:])
        assert all(cell.text.strip() for cell in table.rows[0].cells), "a header cell with no words"
        caption = table._tbl.tblPr.find(qn("w:tblCaption"))
        assert caption is not None and caption.get(qn("w:val"))
