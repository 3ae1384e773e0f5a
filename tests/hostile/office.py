"""Word and Excel files an attacker would make from an ordinary form: a part renamed so that no
name says it is XML, padded until it unpacks to far more than the file's size; and Word tables
whose spans and merges are absurd, or merely long. Shared by the hostile tests and the benchmarks."""

from __future__ import annotations

import zipfile
from pathlib import Path

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
