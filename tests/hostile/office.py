"""Word and Excel files an attacker would make from an ordinary form: a part renamed so that no
name says it is XML, padded until it unpacks to far more than the file's size; and Word tables
whose spans and merges are absurd, or merely long. Shared by the hostile tests and the benchmarks."""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.importing import builders

#: The part each kind of file keeps its tables in, and what it is renamed to.
_RENAMED = {
    ".docx": ("word/document.xml", "word/body.bin"),
    ".xlsx": ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.bin"),
}
#: What pads the renamed part: elements the reader must build, not spaces it may skip.
_PADDING = {".docx": b"<w:p/>", ".xlsx": b'<row r="1048576"/>'}


def _rels_of(part: str) -> str:
    folder, _, name = part.rpartition("/")
    return f"{folder}/_rels/{name}.rels"


def renamed_part_bomb(path: Path, unpacked_bytes: int) -> Path:
    """Westminster's form with its tables' part renamed `.bin` (relationships and content types
    follow it, so Word, Excel and the libraries still find it), padded to `unpacked_bytes`."""
    ordinary = path.with_name("ordinary" + path.suffix)
    if path.suffix == ".docx":
        builders.write_docx(builders.westminster_form(), ordinary)
    else:
        builders.write_xlsx(builders.westminster_form(), ordinary)
    old, new = _RENAMED[path.suffix]
    with zipfile.ZipFile(ordinary) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == old:
                close = b"</w:body>" if path.suffix == ".docx" else b"</sheetData>"
                pad = _PADDING[path.suffix]
                count = max(0, unpacked_bytes - len(data)) // len(pad)
                if path.suffix == ".xlsx":  # the padding rows go after the sheet's own rows
                    data = data.replace(close, pad * count + close, 1)
                else:  # empty paragraphs before the body's closing section properties
                    data = data.replace(b"<w:sectPr", pad * count + b"<w:sectPr", 1)
                out.writestr(new, data)
            else:  # the part's own relationships are named after it too
                name = part.filename.replace(_rels_of(old), _rels_of(new))
                out.writestr(name, data.replace(old.encode(), new.encode()))
    ordinary.unlink()
    return path


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _rewritten(path: Path, change: Callable[[Any], None]) -> Path:
    """The Word file with its document part parsed, changed by `change`, and written back."""
    from lxml import etree

    with zipfile.ZipFile(path) as source:
        parts = [(part, source.read(part)) for part in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for part, data in parts:
            if part.filename == "word/document.xml":
                root = etree.fromstring(data)
                change(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            out.writestr(part, data)
    return path


def _property(parent: Any, holder: str, name: str, value: str | None) -> None:
    """Set `w:name w:val=value` in the element's properties (`w:tcPr` or `w:trPr`), made if missing."""
    from lxml import etree

    properties = parent.find(_W + holder)
    if properties is None:
        properties = etree.Element(_W + holder)
        parent.insert(0, properties)
    made = etree.SubElement(properties, _W + name)
    if value is not None:
        made.set(_W + "val", value)


def spanned_form(path: Path, span: int, before: int) -> Path:
    """Westminster's form with the first provision's commentary cell claiming to span `span` grid
    columns, and the next row claiming to start `before` columns late (0: left as it is)."""
    builders.write_docx(builders.westminster_form(), path, cover=False)

    def change(root: Any) -> None:
        rows = root.iter(_W + "tr")
        next(rows)  # the header
        first, second = next(rows), next(rows)
        _property(first.findall(_W + "tc")[-1], "tcPr", "gridSpan", str(span))
        if before:
            _property(second, "trPr", "gridBefore", str(before))

    return _rewritten(path, change)


def wide_row_form(path: Path, cells: int) -> Path:
    """Westminster's form with a header row of `cells` cells, far more than any Word table has."""
    builders.write_docx(builders.westminster_form(), path, cover=False)

    def change(root: Any) -> None:
        header = next(root.iter(_W + "tr"))
        last = header.findall(_W + "tc")[-1]
        for _ in range(cells - len(header.findall(_W + "tc"))):
            header.append(copy.deepcopy(last))

    return _rewritten(path, change)


#: A plan of actions, each linked to the provision it serves.
PLAN_HEADER = ["Ref", "Action", "Lead officer", "Due date", "Link to Code provision"]


def merged_down_plan(path: Path, actions: int) -> Path:
    """An action plan of `actions` rows serving provision 6.3, whose link cell is merged down over
    all of them (as Word's "Merge cells" writes it: `w:vMerge` restart, then continue, the
    continued cells empty). The rows are written as XML: python-docx finds a cell by walking the
    table, so filling a long one through it takes minutes."""
    import docx
    from lxml import etree

    document = docx.Document()
    document.add_paragraph("Complaint handling action plan")
    table = document.add_table(rows=0, cols=len(PLAN_HEADER))

    def row(texts: list[str], merge: str | None = None) -> str:
        cells = []
        for column, text in enumerate(texts):
            merged = ""
            if merge is not None and column == len(texts) - 1:
                merged = (
                    '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
                    if merge
                    else "<w:tcPr><w:vMerge/></w:tcPr>"
                )
            cells.append(f"<w:tc>{merged}<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
        return f'<w:tr xmlns:w="{_W[1:-1]}">{"".join(cells)}</w:tr>'

    table._tbl.append(etree.fromstring(row(PLAN_HEADER)))
    for number in range(1, actions + 1):
        texts = [
            f"A{number}",
            f"Review complaint case {number:04d} against the stage 1 time limit and write to the resident.",
            "Complaints Team Leader",
            f"2025-{1 + number % 12:02d}-28",
            "6.3" if number == 1 else "",
        ]
        table._tbl.append(etree.fromstring(row(texts, "restart" if number == 1 else "")))
    document.save(str(path))
    return path
