"""The rows of a log file, one at a time: a CSV export (any of the encodings Excel saves in) or an
Excel workbook, each row with the number a person finds it by.

Rows are streamed, never held all at once: a large landlord's decade is a million rows, and only
a few columns of each are kept (see reading.py). A row's number is the one a spreadsheet shows it
at: the first row is 1, a blank row is counted, and a CSV row whose quoted cell holds line breaks
is still one row, as Excel opens it. So `log.csv:412:5` is row 412, column 5 (E).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import polars as pl

SUFFIXES = (".csv", ".xlsx")

#: The widest a cell may be: no date or reference comes near it, and the csv module's own limit
#: (128 KB) would end the read with an error rather than a finding.
_FIELD_LIMIT = 1_000_000


class LogUnreadable(Exception):
    """The file cannot be read as a log at all; the message says why in a plain sentence."""


Row = Sequence[Any]  # one row's cells; rows are numbered from 1 in the order they come


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


def _delimiter(line: str) -> str:
    """Excel separates with commas, or semicolons where the comma is the decimal mark; some
    systems export tabs."""
    tabs, semicolons, commas = line.count("\t"), line.count(";"), line.count(",")
    return "\t" if tabs > max(semicolons, commas) else ";" if semicolons > commas else ","


def csv_rows(path: Path) -> Iterator[Row]:
    """The rows of a CSV file one at a time (for the heading rows; the rest is read by columns)."""
    encoding = _encoding(path)
    csv.field_size_limit(_FIELD_LIMIT)
    try:
        with path.open(encoding=encoding, errors="replace", newline="") as stream:
            delimiter = _delimiter(stream.readline())
            stream.seek(0)
            yield from csv.reader(stream, delimiter=delimiter)
    except csv.Error as error:
        raise LogUnreadable(f"cannot be read as CSV: {error}") from None


def _csv_columns(path: Path, heading_row: int, columns: Sequence[int]) -> pl.DataFrame:
    import polars as pl  # a third of a second to load, for the check of an assessment with a log only

    encoding = _encoding(path)
    with path.open(encoding=encoding, errors="replace", newline="") as stream:
        delimiter = _delimiter(stream.readline())
    source: Path | io.BytesIO = path
    if encoding == "utf-16":
        source = io.BytesIO(path.read_text(encoding="utf-16").encode("utf-8"))
    try:
        frame = pl.read_csv(
            source,
            has_header=False,
            skip_rows=heading_row,
            columns=sorted(set(columns)),
            separator=delimiter,
            infer_schema=False,
            encoding="utf8" if encoding != "cp1252" else "utf8-lossy",  # valid UTF-8 is read in place
            truncate_ragged_lines=True,
            raise_if_empty=False,
        )
    except (pl.exceptions.PolarsError, OSError, ValueError):
        raise LogUnreadable(
            "cannot be read as CSV below its headings: a quoted cell may not be closed; open it in a "
            "spreadsheet and save it again as CSV"
        ) from None
    return frame.rename({name: f"c{int(name.removeprefix('column_'))}" for name in frame.columns})


def _cell_text(value: Any) -> str | None:
    """A workbook's cell as the text a CSV export would hold: a date as 2024-04-02, 10.0 as 10."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_columns(path: Path, heading_row: int, columns: Sequence[int]) -> pl.DataFrame:
    import polars as pl  # as in _csv_columns

    wanted = sorted(set(columns))
    cells: list[list[str | None]] = [[] for _ in wanted]
    for number, row in enumerate(xlsx_rows(path), start=1):
        if number <= heading_row:
            continue
        width = len(row)
        for values, index in zip(cells, wanted, strict=True):
            values.append(_cell_text(row[index]) if index < width else None)
    return pl.DataFrame(
        {f"c{index}": values for index, values in zip(wanted, cells, strict=True)},
        schema={f"c{index}": pl.String for index in wanted},
    )


_polars_started = False


def polars_started() -> bool:
    """Whether this process has run polars, whose pool of threads a forked copy of the process
    would inherit with its locks in whatever state they were (and could wait on for ever)."""
    return _polars_started


def columns_of(path: Path, heading_row: int, columns: Sequence[int]) -> pl.DataFrame:
    """The cells below the heading row of each of `columns` (0-based; named "c3" for column 3),
    as text, a blank cell as null, every row kept (a blank row too, so that a row's position gives
    its number). A CSV file is parsed by polars, which keeps only these columns as it reads: a
    million rows take about a second, where reading them one by one in Python takes ten. Cells
    that are not UTF-8 (Excel's plain "CSV" is in the Windows code page) have odd characters
    replaced: the columns read hold dates, numbers and references, never such characters."""
    global _polars_started
    _polars_started = True
    if path.suffix.lower() == ".xlsx":
        return _xlsx_columns(path, heading_row, columns)
    return _csv_columns(path, heading_row, columns)


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
        yield from sheet.iter_rows(values_only=True)
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
