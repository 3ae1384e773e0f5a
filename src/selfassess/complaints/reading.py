"""A log file to columns of numbers: only the columns it needs, each cell read once.

The headings are found (within the first rows, as an export may start with a title) by the words
systems use, or by what `[complaints.columns]` names; every other column is skipped unread. Each
cell becomes a number in a column array (a date as its day, a stage as 1 or 2); a cell that cannot
be read is a problem with its row and column, and the stage it belongs to is then not judged. A
log written with a row per complaint (stage 2 in columns of its own) and one with a row per stage
(a stage column) come out the same: two sets of stage columns, one row each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from selfassess.complaints import cells as cells_module
from selfassess.complaints.fields import (
    BY_HEADING,
    DATES,
    FIELDS,
    MEANS,
    REQUIRED,
    STAGE2_FIELDS,
    Field,
    headings_of,
)
from selfassess.complaints.problems import Kind, LogProblem
from selfassess.complaints.source import LogUnreadable, Row, columns_of, rows_of, text_of
from selfassess.didyoumean import normalise, suggest

#: How far down an export's headings may start (below a title, a date, a filter description).
HEADING_ROWS = 20

Flags = npt.NDArray[np.bool_]
Days = npt.NDArray[np.datetime64]
Small = npt.NDArray[np.int64]


@dataclass(frozen=True)
class StageColumns:
    """One stage of every row: its dates (NaT where blank), extension, and whether it can be judged."""

    present: Flags  # the row has this stage
    received: Days
    acknowledged: Days
    responded: Days
    extension_days: Small  # working days agreed, -1 for none given in days
    extension_date: Days  # the date agreed, NaT for none given as a date
    told: Small  # 1 the resident was told of the extension, 0 not told, -1 the log does not say
    outcome: Small  # cells.UPHELD ... (0 blank)
    unreadable: Flags  # a cell of this stage could not be read: the stage is not judged


@dataclass(frozen=True)
class Columns:
    """Where each column the log is read by stands: field -> (1-based column, its heading)."""

    found: Mapping[Field, tuple[int, str]]
    heading_row: int

    def has(self, name: Field) -> bool:
        return name in self.found

    def number(self, name: Field) -> int:
        return self.found[name][0] if name in self.found else 1


@dataclass(frozen=True)
class RawLog:
    path: Path
    shown_as: str
    columns: Columns | None  # None when the log cannot be read at all
    rows: Small  # each row's number in the file
    references: list[str]
    tenure: Small  # cells.LCRA, LCHO, OTHER_TENURE (0 blank or unreadable)
    stages: tuple[StageColumns, StageColumns]
    per_stage: bool  # a row per stage (a stage column), not a row per complaint
    problems: list[LogProblem] = field(default_factory=list)

    @property
    def size(self) -> int:
        return len(self.references)


def _empty_stage(size: int = 0) -> StageColumns:
    nat = np.full(size, np.datetime64("NaT", "D"))
    return StageColumns(
        np.zeros(size, bool),
        nat,
        nat.copy(),
        nat.copy(),
        np.full(size, -1),
        nat.copy(),
        np.full(size, -1),
        np.zeros(size, np.int64),
        np.zeros(size, bool),
    )


def unreadable_log(path: Path, shown: str, message: str, row: int = 1, column: int = 1) -> RawLog:
    empty = _empty_stage()
    return RawLog(
        path,
        shown,
        None,
        np.zeros(0, np.int64),
        [],
        np.zeros(0, np.int64),
        (empty, empty),
        False,
        [LogProblem(Kind.UNREADABLE_LOG, row, column, message)],
    )


# ------------------------------------------------------------------------------------ headings


def _match(headings: list[str], named: Mapping[str, str]) -> tuple[dict[Field, tuple[int, str]], list[str]]:
    """Each field's column in a heading row, and why any named column or repeated heading fails."""
    by_text = {normalise(text): text for text in headings if text}
    found: dict[Field, tuple[int, str]] = {}
    trouble: list[str] = []
    wanted = {normalise(heading): name for name, heading in named.items()}
    for index, text in enumerate(headings, start=1):
        key = normalise(text)
        if not key:
            continue
        name: Any = wanted.get(key)
        if name is None and key in BY_HEADING and BY_HEADING[key] not in named:
            name = BY_HEADING[key]
        if name is None:
            continue
        if name in found:
            trouble.append(
                f"Two columns are headed as {MEANS[name]} ('{found[name][1]}' in column {found[name][0]} and "
                f"'{text}' in column {index}); name the one to use in selfassess.toml under "
                f"[complaints.columns]."
            )
            continue
        found[name] = (index, text)
    for name, heading in named.items():
        if name not in found and normalise(heading) not in by_text:
            close = suggest(heading, [text for text in headings if text])
            hint = f" — did you mean '{close}'?" if close else "."
            trouble.append(
                f"selfassess.toml names the column '{heading}' for {MEANS[name]}, but no column of "
                f"the log is headed so{hint}"
            )
    return found, trouble


def _missing_message(name: Field, headings: list[str]) -> str:
    close = None
    for text in headings:
        if text and suggest(text, headings_of(name)):
            close = text
            break
    hint = f"; did you mean '{close}'?" if close else ""
    usual = ", ".join(f"'{heading.title()}'" for heading in headings_of(name)[:3])
    return (
        f"No column of the log is headed as {MEANS[name]} (such as {usual}){hint} Name it in "
        f'selfassess.toml under [complaints.columns], like {name} = "Your heading".'
    )


def _headings(rows: Iterator[Row], named: Mapping[str, str]) -> tuple[Columns | None, list[str], int]:
    """The heading row and its columns, or None with why (and the row to say it at). Reads the
    rows up to the heading row, and no further."""
    first: tuple[int, list[str]] | None = None
    for number, values in enumerate(rows, start=1):
        headings = [text_of(value) for value in values]
        if any(headings):
            if first is None:
                first = (number, headings)
            found, trouble = _match(headings, named)
            if all(name in found for name in REQUIRED):
                if trouble:
                    return None, trouble, number
                return Columns(found, number), [], number
        if number >= HEADING_ROWS:
            break
    if first is None:
        return None, ["The log is empty: it has no heading row and no complaints."], 1
    number, headings = first
    found, trouble = _match(headings, named)
    missing = [_missing_message(name, headings) for name in REQUIRED if name not in found]
    return None, trouble + missing, number


# -------------------------------------------------------------------------------------- cells


class _Column:
    """One column being read: each distinct cell read once, then every cell given its number by
    polars (a hash join over the column, not a Python call per row)."""

    def __init__(self, name: Field, number: int, reader: Callable[[Any], Any]) -> None:
        self.name = name
        self.number = number
        self.index = number - 1
        self.read = reader
        self.blank = _blank_of(name)

    def take(self, cells: pl.Series, numbers: Small, problems: list[LogProblem]) -> tuple[list[Small], Small]:
        """The column as numbers (a list: an extension is two), and the positions of unreadable cells."""
        distinct = [value for value in cells.unique().to_list() if value is not None]
        parts = 2 if isinstance(self.blank, tuple) else 1
        blank = self.blank if parts == 2 else (self.blank,)
        known: list[tuple[Any, ...]] = []
        failed: dict[str, str] = {}
        for value in distinct:
            try:
                read = self.read(value.strip())
            except cells_module.Unreadable as error:
                failed[value] = error.said_of(_label(self.name))
                read = self.blank
            known.append(read if parts == 2 else (read,))
        columns = [
            cells.replace_strict(
                distinct, [k[part] for k in known], default=blank[part], return_dtype=pl.Int64
            )
            .fill_null(blank[part])
            .to_numpy()
            for part in range(parts)
        ]
        if not failed:
            return columns, np.zeros(0, np.int64)
        bad = np.flatnonzero(cells.is_in(list(failed)).fill_null(False).to_numpy())
        texts = cells.gather(bad).to_list()
        for i, text in zip(bad.tolist(), texts, strict=True):
            problems.append(LogProblem(Kind.UNREADABLE_VALUE, int(numbers[i]), self.number, failed[text]))
        return columns, bad


def _reader(name: Field) -> Callable[[Any], Any]:
    if name in DATES:
        return cells_module.read_date
    if name in ("extension", "stage2-extension"):
        return cells_module.read_extension
    if name in ("extension-told", "stage2-extension-told"):
        return cells_module.read_yes_no
    if name == "stage":
        return cells_module.read_stage
    if name in ("outcome", "stage2-outcome"):
        return cells_module.read_outcome
    if name == "tenure":
        return cells_module.read_tenure
    return text_of


_BLANK: dict[Field, Any] = {
    "extension": (-1, cells_module.EMPTY),
    "stage2-extension": (-1, cells_module.EMPTY),
}


def _blank_of(name: Field) -> Any:
    if name in DATES:
        return cells_module.EMPTY
    if name in _BLANK:
        return _BLANK[name]
    if name in ("extension-told", "stage2-extension-told"):
        return -1
    return 0 if name != "reference" else ""


def read_log(path: Path, shown: str, named: Mapping[str, str] | None = None) -> RawLog:
    """The log at `path`, its needed columns read. Never raises for what the file holds."""
    named = dict(named or {})
    try:
        return _read(path, shown, named)
    except LogUnreadable as error:
        return unreadable_log(path, shown, f"The log {error}.")
    except OSError as error:
        return unreadable_log(path, shown, f"The log cannot be read ({error.strerror or error}).")


def _read(path: Path, shown: str, named: Mapping[str, str]) -> RawLog:
    columns, trouble, at = _headings(iter(rows_of(path)), named)
    if columns is None:
        return RawLog(
            path,
            shown,
            None,
            np.zeros(0, np.int64),
            [],
            np.zeros(0, np.int64),
            (_empty_stage(), _empty_stage()),
            False,
            [LogProblem(Kind.UNREADABLE_LOG, at, 1, message) for message in trouble],
        )
    reading = [
        _Column(name, number, _reader(name))
        for name, (number, _) in columns.found.items()
        if name != "reference"
    ]
    reference = columns.found["reference"][0] - 1
    frame = columns_of(path, columns.heading_row, [reference, *(column.index for column in reading)])
    numbers = np.arange(columns.heading_row + 1, columns.heading_row + 1 + frame.height, dtype=np.int64)
    # Blank rows are skipped, but counted, so that every row keeps the number a spreadsheet shows.
    # Only a row with neither a reference nor a date received can be blank: the rest are not looked at.
    received = columns.found["received"][0] - 1
    maybe = (frame[f"c{reference}"].is_null() & frame[f"c{received}"].is_null()).to_numpy()
    if maybe.any():
        filled = ~(maybe & frame.select(pl.all_horizontal(pl.all().is_null())).to_series().to_numpy())
        frame = frame.filter(pl.Series(filled))
        numbers = numbers[filled]
    problems: list[LogProblem] = []
    unreadable: list[tuple[int, Field]] = []  # (position among rows, field)
    by_name: dict[Field, Any] = {
        "reference": frame[f"c{reference}"].str.strip_chars().fill_null("").to_list()
    }
    for column in reading:
        values, bad = column.take(frame[f"c{column.index}"], numbers, problems)
        by_name[column.name] = values
        unreadable.extend((i, column.name) for i in bad.tolist())
    return _assemble(path, shown, columns, numbers, by_name, unreadable, problems)


def _label(name: Field) -> str:
    return {
        "reference": "reference",
        "stage": "stage",
        "received": "date received",
        "acknowledged": "date acknowledged",
        "responded": "date of response",
        "extension": "extension",
        "extension-told": "answer to whether the resident was told of the extension",
        "outcome": "outcome",
        "stage2-requested": "date escalation was asked for",
        "stage2-acknowledged": "stage 2 acknowledgement date",
        "stage2-responded": "stage 2 response date",
        "stage2-extension": "stage 2 extension",
        "stage2-extension-told": "answer to whether the resident was told of the stage 2 extension",
        "stage2-outcome": "stage 2 outcome",
        "tenure": "tenure",
    }[name]


def _dates(values: list[Small] | None, size: int, part: int = 0) -> Days:
    if values is None:
        return np.full(size, np.datetime64("NaT", "D"))
    days = values[part].copy()
    days[days == cells_module.EMPTY] = np.iinfo(np.int64).min  # numpy's NaT
    return days.astype("datetime64[D]")


def _numbers(values: list[Small] | None, size: int, blank: int) -> Small:
    return values[0] if values is not None else np.full(size, blank, np.int64)


def _stage(
    by_name: Mapping[Field, list[Any]],
    names: tuple[Field, Field, Field, Field, Field, Field],
    present: Flags,
    unreadable: Flags,
) -> StageColumns:
    size = len(present)
    received, acknowledged, responded, extension, told, outcome = names
    agreed = by_name.get(extension)
    days = agreed[0] if agreed is not None else np.full(size, -1, np.int64)
    on = _dates(agreed, size, 1)
    return StageColumns(
        present,
        _dates(by_name.get(received), size),
        _dates(by_name.get(acknowledged), size),
        _dates(by_name.get(responded), size),
        days,
        on,
        _numbers(by_name.get(told), size, -1),
        _numbers(by_name.get(outcome), size, 0),
        unreadable & present,
    )


_STAGE1: tuple[Field, Field, Field, Field, Field, Field] = (
    "received",
    "acknowledged",
    "responded",
    "extension",
    "extension-told",
    "outcome",
)
_STAGE2: tuple[Field, Field, Field, Field, Field, Field] = (
    "stage2-requested",
    "stage2-acknowledged",
    "stage2-responded",
    "stage2-extension",
    "stage2-extension-told",
    "stage2-outcome",
)


def _assemble(
    path: Path,
    shown: str,
    columns: Columns,
    numbers: Small,
    by_name: Mapping[Field, Any],
    unreadable: list[tuple[int, Field]],
    problems: list[LogProblem],
) -> RawLog:
    size = len(numbers)
    references: list[str] = by_name["reference"]
    own_stage2 = any(columns.has(name) for name in STAGE2_FIELDS)
    per_stage = columns.has("stage") and not own_stage2
    bad1 = np.zeros(size, bool)
    bad2 = np.zeros(size, bool)
    stage2_cells = frozenset(STAGE2_FIELDS)
    for position, name in unreadable:
        if name == "tenure" or name in ("outcome", "stage2-outcome"):
            continue  # counted without it
        if name in stage2_cells:
            bad2[position] = True
        else:
            bad1[position] = bad2[position] = True
    if per_stage:
        stage = _numbers(by_name.get("stage"), size, 0)
        for position in np.flatnonzero(stage == 0).tolist():
            if not bad1[position]:
                problems.append(
                    LogProblem(
                        Kind.UNREADABLE_VALUE,
                        int(numbers[position]),
                        columns.number("stage"),
                        "The stage is blank; give 1 or 2.",
                    )
                )
        # A row whose stage is blank or unreadable belongs to neither stage: it is not judged.
        first = _stage(by_name, _STAGE1, stage == 1, bad1)
        second = _stage(by_name, _STAGE1, stage == 2, bad2)
    else:
        first = _stage(by_name, _STAGE1, np.ones(size, bool), bad1)
        empty = _stage(by_name, _STAGE2, np.zeros(size, bool), bad2)
        present = ~np.isnat(empty.received) | ~np.isnat(empty.acknowledged) | ~np.isnat(empty.responded)
        second = _stage(by_name, _STAGE2, present | bad2 & own_stage2, bad2)
    for position in np.flatnonzero(np.array([not text for text in references], bool)).tolist():
        problems.append(
            LogProblem(
                Kind.UNREADABLE_VALUE,
                int(numbers[position]),
                columns.number("reference"),
                "The complaint has no reference; every row needs one.",
            )
        )
    return RawLog(
        path,
        shown,
        columns,
        numbers,
        references,
        _numbers(by_name.get("tenure"), size, 0),
        (first, second),
        per_stage,
        problems,
    )


__all__ = ["FIELDS", "Columns", "RawLog", "StageColumns", "read_log", "unreadable_log"]
