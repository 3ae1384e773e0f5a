"""A board report in Word of tens of thousands of findings costs work in proportion to them: each
finding's paragraph was added by a search of the whole document so far (20,000 findings: 41 s)."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from selfassess.cli import main

REPO = Path(__file__).parents[2]
EXAMPLE = REPO / "assessments" / "example-homes-2025.yaml"


def misfiled(folder: Path, count: int) -> Path:
    """The example with `count` more responses, each under a number the Code does not have: one
    SA102 finding each, listed in the report."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "assessments" / "evidence", folder / "evidence", dirs_exist_ok=True)
    text = EXAMPLE.read_text(encoding="utf-8")
    extra = "".join(
        f'  "70.{n}":\n    answer: "Yes"\n    evidence: [complaints-policy]\n' for n in range(count)
    )
    path = folder / "misfiled.yaml"
    path.write_text(text.replace("\nresponses:\n", "\nresponses:\n" + extra, 1), encoding="utf-8")
    return path


def test_a_word_report_of_many_findings_costs_work_in_proportion(tmp_path: Path, capsys, monkeypatch) -> None:
    """Counted as the children of the document's body searched while it is built (python-docx's
    add_paragraph searched them all for every paragraph: 4,000 findings, eight million), not
    timed, so that a busy machine cannot fail it."""
    searched = 0
    search = BaseOxmlElement.first_child_found_in

    def counting(self: BaseOxmlElement, *tagnames: str) -> object:
        nonlocal searched
        if self.tag == qn("w:body"):
            searched += len(self)
        return search(self, *tagnames)

    monkeypatch.setattr(BaseOxmlElement, "first_child_found_in", counting)
    source = misfiled(tmp_path, 4_000)
    out = tmp_path / "report.docx"
    assert main(["report", "--format", "docx", "-o", str(out), str(source)]) == 0
    capsys.readouterr()
    with zipfile.ZipFile(out) as package:
        body = package.read("word/document.xml").decode("utf-8")
    # one line for the rule, then each provision it names on a line of its own (a page cannot fold)
    assert len(re.findall(r">70\.\d+<", body)) == 4_000
    assert searched < 100 * 4_000, f"{searched:,} children of the body searched for 4,000 findings"
