"""What a Word or Excel file unpacks to, measured before any of it is unpacked.

Word and Excel files are zip archives of parts. python-docx and openpyxl load a part by the
relationship that names it, whatever the part itself is called, so a part's name says nothing
about whether it will be parsed: every part is counted. A part is counted as text when an XML
parser would read it (it starts with `<`, after a byte-order mark or spaces), because parsing
is what costs memory, many times the text's size; pictures, fonts and other binary parts are only
held as bytes, so they have a larger limit of their own. The sizes are those the archive
declares: Python's zip reader never unpacks more than a part declares (a part that holds more
fails its checksum), so declared sizes bound the work.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from selfassess.importing import ImportFailed

#: The most text a file may hold for import: a year's form is well under 1 MB of it (its Word XML a
#: few MB). Parsing text costs some ten times its size in memory.
MAX_TEXT_BYTES = 16 * 1024 * 1024
#: The most a Word or Excel file may unpack to, its pictures, fonts and other parts included.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
#: The most parts one archive may hold: a form has a dozen or two, a workbook of 100 sheets a few
#: hundred. Each part is opened to see whether it is text, so this bounds that work too.
MAX_PARTS = 5_000
#: Enough of a part's start to see past a byte-order mark and the spaces before its first `<`.
_PEEK = 64
#: How Office applications pack parts; any other method is not an Office file (and bzip2 and LZMA,
#: which Python would also unpack, are not bounded chunk by chunk as deflate is).
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def _megabytes(limit: int) -> int:
    return limit // (1024 * 1024)


def _too_large(path: Path, what: str) -> ImportFailed:
    return ImportFailed(
        f"{path.name} {what}, more than selfassess reads from one document; save the tables of the "
        "form on their own in a new file and import that."
    )


def _is_text(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> bool:
    """Whether an XML parser would read the part: its first character, past a byte-order mark and
    spaces (in UTF-8 or UTF-16), is `<`. A part of spaces only is counted as text too."""
    with archive.open(part) as stream:
        start = stream.read(_PEEK)
    for mark in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if start.startswith(mark):
            start = start[len(mark) :]
            break
    start = start.replace(b"\x00", b"").lstrip(b" \t\r\n")
    return not start or start.startswith(b"<")


def measure(path: Path, damaged: ImportFailed) -> None:
    """Refuse, in one sentence, a Word or Excel file that unpacks to more than selfassess reads.

    `damaged` is raised when the file is not a zip archive an Office application would write.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            if len(parts) > MAX_PARTS:
                raise _too_large(path, f"is made of more than {MAX_PARTS:,} parts")
            if any(part.compress_type not in _METHODS for part in parts):
                raise damaged
            text = sum(part.file_size for part in parts if part.file_size and _is_text(archive, part))
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise damaged from error
    if text > MAX_TEXT_BYTES:
        raise _too_large(path, f"holds more than {_megabytes(MAX_TEXT_BYTES)} MB of text")
    if sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise _too_large(path, f"unpacks to more than {_megabytes(MAX_UNPACKED_BYTES)} MB, pictures and all")
