"""Words Word keeps inside wrappers: content controls (a form's fill-in boxes and repeating rows),
tracked insertions and smart tags. python-docx reads only what stands directly in a table, row or
paragraph; the import must read them all, and leave tracked deletions out."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from tests.importing.builders import FORM_HEADER
from tests.importing.helpers import responses, run_import

W = nsdecls("w")


def _wrap(element, wrapper: str) -> None:
    """Put `element` inside a new `wrapper` element where it stands."""
    parent = element.getparent()
    place = parent.index(element)
    outer = parse_xml(wrapper)
    inner = outer.find(qn("w:sdtContent")) if outer.tag == qn("w:sdt") else outer
    parent.remove(element)
    inner.append(element)
    parent.insert(place, outer)


def _run(text: str) -> str:
    return f"<w:r {W}><w:t xml:space='preserve'>{text}</w:t></w:r>"


def _form(path: Path) -> Path:
    document = docx.Document()
    rows = [
        FORM_HEADER,
        ["6.2", "Acknowledge within 5 working days.", "Yes", "Complaints policy", "We acknowledge."],
        ["6.3", "Respond within 10 working days.", "Partial", "Case log", "Most are on time."],
    ]
    table = document.add_table(rows=len(rows), cols=len(FORM_HEADER))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    commentary = table.cell(1, 4).paragraphs[0]._p
    commentary.append(parse_xml(f"<w:ins {W} w:id='1' w:author='A'>{_run(' Tracked in.')}</w:ins>"))
    commentary.append(
        parse_xml(f"<w:sdt {W}><w:sdtPr/><w:sdtContent>{_run(' Typed in a box.')}</w:sdtContent></w:sdt>")
    )
    commentary.append(parse_xml(f"<w:smartTag {W} w:element='place'>{_run(' Tagged.')}</w:smartTag>"))
    commentary.append(
        parse_xml(f"<w:del {W} w:id='2' w:author='A'><w:r><w:delText>DELETED WORDS</w:delText></w:r></w:del>")
    )
    _wrap(table._tbl.tr_lst[2], f"<w:sdt {W}><w:sdtPr/><w:sdtContent/></w:sdt>")  # a repeating row
    _wrap(table._tbl, f"<w:sdt {W}><w:sdtPr/><w:sdtContent/></w:sdt>")  # the whole table in a control
    document.save(str(path))
    return path


def test_every_word_inside_a_wrapper_is_read_and_deleted_words_are_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _form(tmp_path / "form.docx")
    assert docx.Document(str(source)).tables == []  # python-docx alone sees no table at all
    status, _, err = run_import(capsys, source, "hos-chc-2024")
    assert "cannot be read" not in err and "No table" not in err
    written = source.with_suffix(".yaml").read_text(encoding="utf-8")
    got = responses(written)
    assert got["6.2"]["answer"] == "Yes"
    assert got["6.2"]["commentary"] == "We acknowledge. Tracked in. Typed in a box. Tagged."
    assert got["6.3"]["answer"] == "Partial"
    assert got["6.3"]["commentary"] == "Most are on time."
    assert "DELETED" not in written
    assert status == 1  # gaps elsewhere in the Code: the check says so
