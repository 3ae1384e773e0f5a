"""The rows of a log file, one at a time: a CSV export (any of the encodings Excel saves in) or an
Excel workbook, each row with the number a person finds it by.

Rows are streamed, never held all at once: a large landlord's decade is a million rows, and only
a few columns of each are kept (see reading.py). A row's number is the line it starts on in a CSV
file (a quoted cell may hold line breaks) and its row number in a workbook, so `log.csv:412:5`
is where a spreadsheet or an editor shows it.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SUFFIXES = (".csv", ".xlsx")

#: The widest a cell may be: no date or reference comes near it, and the csv module's own limit
#: (128 KB) would end the read with an error rather than a finding.
_FIELD_LIMIT = 1_000_000


class LogUnreadable(Exception):
    """The file cannot be read as a log at all; the message says why in a plain sentence."""


Row = tuple[int, list[Any]]  # (the row's number as a person finds it, its cells)


def _encoding(path: Path) -> str:
    """How the file is encoded: UTF-8 (with or without Excel's byte-order mark), else the Windows
    code page Excel's plain "CSV" uses. Decided by reading the whole file once, in pieces."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as stream:
        first = stream.read(4)
        if first.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "utf-16"
        try:
            decoder.decode(first)
            while piece := stream.read(1 << 20):
                decoder.decode(piece)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8-sig"


def csv_rows(path: Path) -> Iterator[Row]:
    encoding = _encoding(path)
    csv.field_size_limit(_FIELD_LIMIT)
    try:
        with path.open(encoding=encoding, errors="replace", newline="") as stream:
            first = stream.readline()
            stream.seek(0)
            tabs, semicolons, commas = first.count("\t"), first.count(";"), first.count(",")
            delimiter = "\t" if tabs > max(semicolons, commas) else ";" if semicolons > commas else ","
            reader = csv.reader(stream, delimiter=delimiter)
            line = 1
            for record in reader:
                yield line, record
                line = reader.line_num + 1
    except csv.Error as error:
        raise LogUnreadable(f"cannot be read as CSV after line {line}: {error}") from None


def xlsx_rows(path: Path) -> Iterator[Row]:
    import zipfile

    import openpyxl

    damaged = LogUnreadable("cannot be read as an Excel workbook: it may be damaged, or not really .xlsx")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or mislabelled file
        raise damaged from error
    try:
        sheet = book.worksheets[0]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, list(values)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as error:
        raise damaged from error
    finally:
        book.close()


def rows_of(path: Path) -> Iterator[Row]:
    """Every row of the log, in order. Raises LogUnreadable when the file is not one."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return xlsx_rows(path)
    if suffix == ".csv":
        return csv_rows(path)
    raise LogUnreadable("is not a .csv or .xlsx file; save the log from its system as CSV or Excel")


def text_of(value: Any) -> str:
    """A heading as text."""
    return "" if value is None else str(value).strip()

