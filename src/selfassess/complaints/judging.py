"""Every case of a log judged against a code's time limits, a column at a time.

For each stage: when acknowledgement was due (from receipt) and whether it came in time; when
the response was due (from acknowledgement, or, where the log has no acknowledgement date, from
the day acknowledgement was due), moved by an extension that was agreed and told to the resident,
never by more than the code allows; whether the response came by then, and how many working days
late it was. What cannot have happened as logged (a response before the complaint was received,
a stage 2 without a stage 1, a reference twice) is a problem at its row and column; the rest of
the row is still counted where it can be.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from selfassess.complaints import cells
from selfassess.complaints.limits import LogLimits, StageLimits
from selfassess.complaints.problems import Kind, LogProblem
from selfassess.complaints.reading import Columns, RawLog, StageColumns
from selfassess.complaints.workdays import (
    NAT,
    Counts,
    Days,
    due_dates,
    working_calendar,
    working_days_after,
)
from selfassess.timelimits.calendar import long_date

Flags = npt.NDArray[np.bool_]


@dataclass(frozen=True)
class JudgedStage:
    """One stage of every row, judged. Arrays are one entry per row of the log."""

    stage: int
    limits: StageLimits
    present: Flags  # the row has this stage
    counted: Flags  # its receipt can be counted (a readable date received)
    judged: Flags  # its times can be judged (nothing about it unreadable or impossible)
    received: Days
    acknowledged: Days
    responded: Days
    acknowledge_due: Days  # NaT where the code sets no acknowledgement limit
    due: Days  # when the response was due, an agreed extension included
    extended: Flags  # an extension agreed and counted
    untold: Flags  # an extension the log says the resident was not told of (not counted)
    beyond_code: Flags  # an extension longer than the code allows (counted up to the code's limit)
    from_acknowledgement_due: Flags  # no acknowledgement date: the response counted from when it was due
    late: Flags  # responded after `due`
    late_days: Counts  # working days late (0 where not late)
    taken: Counts  # working days from the clock's start to the response
    acknowledged_late: Flags
    outcome: npt.NDArray[np.int64]


@dataclass(frozen=True)
class JudgedLog:
    raw: RawLog
    limits: LogLimits
    stages: tuple[JudgedStage, JudgedStage]
    problems: list[LogProblem] = field(default_factory=list)
    today: date | None = None

    @property
    def readable(self) -> bool:
        return self.raw.columns is not None

    @property
    def unjudged_rows(self) -> int:
        """Rows with a stage that could not be judged."""
        first, second = self.stages
        return int(
            np.count_nonzero(
                (first.present & ~first.judged)
                | (second.present & ~second.judged)
                | ~(first.present | second.present)
            )
        )


def _shown(day: Any) -> str:
    return long_date(day.astype(object))


class _Problems:
    def __init__(self, raw: RawLog, columns: Columns) -> None:
        self.raw = raw
        self.columns = columns
        self.found: list[LogProblem] = []

    def each(self, where: Flags, kind: Kind, column: str, say: object) -> None:
        """A problem at each row where `where` holds; `say(i)` words it."""
        number = self.columns.number(column)  # type: ignore[arg-type]
        for i in np.flatnonzero(where).tolist():
            self.found.append(LogProblem(kind, int(self.raw.rows[i]), number, say(i)))  # type: ignore[operator]


def _names(stage: int, per_stage: bool) -> tuple[str, str, str, str]:
    if stage == 1 or per_stage:
        return "received", "acknowledged", "responded", "extension"
    return "stage2-requested", "stage2-acknowledged", "stage2-responded", "stage2-extension"


def _judge_stage(
    raw: RawLog,
    columns: StageColumns,
    limits: StageLimits,
    problems: _Problems,
    today: date | None,
    bad: Flags,
) -> JudgedStage:
    received_at, acknowledged_at, responded_at, extension_at = _names(limits.stage, raw.per_stage)
    stage_words = f"stage {limits.stage}"
    present = columns.present
    received, acknowledged, responded = columns.received, columns.acknowledged, columns.responded
    readable = present & ~columns.unreadable
    has_received = ~np.isnat(received)
    wrong = bad.copy()
    # Dates that cannot follow one another as written.
    for later, at, what in (
        (acknowledged, acknowledged_at, "acknowledged"),
        (responded, responded_at, "answered"),
    ):
        before = readable & has_received & ~np.isnat(later) & (later < received)
        problems.each(
            before,
            Kind.IMPOSSIBLE_SEQUENCE,
            at,
            lambda i, later=later, what=what: (
                f"The {stage_words} complaint is {what} on {_shown(later[i])}, before it was received on "
                f"{_shown(received[i])}; correct whichever date is wrong."
            ),
        )
        wrong |= before
    if today is not None:
        limit = np.datetime64(today, "D")
        for dates, at in (
            (received, received_at),
            (acknowledged, acknowledged_at),
            (responded, responded_at),
        ):
            future = readable & ~np.isnat(dates) & (dates > limit)
            problems.each(
                future,
                Kind.IMPOSSIBLE_SEQUENCE,
                at,
                lambda i, dates=dates: (
                    f"The date {_shown(dates[i])} is after today ({long_date(today)}); a log records what "
                    "has happened."
                ),
            )
            wrong |= future
    counted = readable & has_received
    judged = counted & ~wrong

    acknowledge_due = (
        due_dates(received, limits.acknowledge) if limits.acknowledge else np.full(received.shape, NAT)
    )
    has_acknowledged = ~np.isnat(acknowledged)
    acknowledged_late = (
        judged & has_acknowledged & ~np.isnat(acknowledge_due) & (acknowledged > acknowledge_due)
    )
    no_acknowledgement = judged & ~has_acknowledged
    start = np.where(has_acknowledged, acknowledged, acknowledge_due if limits.acknowledge else received)
    from_acknowledgement_due = no_acknowledgement & bool(limits.acknowledge) & ~np.isnat(responded)

    if limits.respond is None:
        empty = np.zeros(received.shape, bool)
        zero = np.zeros(received.shape, np.int64)
        return JudgedStage(
            limits.stage,
            limits,
            present,
            counted,
            judged,
            received,
            acknowledged,
            responded,
            acknowledge_due,
            np.full(received.shape, NAT),
            empty,
            empty,
            empty,
            empty,
            empty,
            zero,
            zero,
            acknowledged_late,
            columns.outcome,
        )
    plain_due = due_dates(start, limits.respond)
    # An extension: the date agreed, or the working days agreed counted on from the day it was due.
    by_days = columns.extension_days > 0
    agreed = columns.extension_date.copy()
    usable = by_days & ~np.isnat(plain_due)
    agreed[usable] = np.busday_offset(
        plain_due[usable], columns.extension_days[usable], roll="backward", busdaycal=working_calendar()
    )
    has_extension = judged & ~np.isnat(agreed) & ~np.isnat(plain_due) & (agreed > plain_due)
    untold = has_extension & (columns.told == 0)
    extended = has_extension & ~untold
    if limits.extend is not None:
        furthest = due_dates(plain_due, limits.extend)
        beyond = extended & ~np.isnat(furthest) & (agreed > furthest)
        extension_days = np.where(by_days, columns.extension_days, working_days_after(plain_due, agreed))
        problems.each(
            beyond,
            Kind.EXTENSION_BEYOND_CODE,
            extension_at,
            lambda i: (
                f"The {stage_words} extension of {int(extension_days[i])} working days is longer than the "
                f"{limits.extend} the Code allows; the response is judged by the Code's limit, "
                f"{_shown(furthest[i])}."
            ),
        )
        agreed = np.where(beyond, furthest, agreed)
    else:
        beyond = np.zeros(received.shape, bool)
    due = np.where(extended, agreed, plain_due)
    has_responded = judged & ~np.isnat(responded) & ~np.isnat(due)
    late = has_responded & (responded > due)
    late_days = np.where(late, working_days_after(due, responded), 0)
    taken = np.where(has_responded, working_days_after(start, responded), 0)
    return JudgedStage(
        limits.stage,
        limits,
        present,
        counted,
        judged,
        received,
        acknowledged,
        responded,
        acknowledge_due,
        due,
        extended,
        untold,
        beyond,
        from_acknowledgement_due,
        late,
        late_days,
        taken,
        acknowledged_late,
        columns.outcome,
    )


def _blank_receipts(raw: RawLog, problems: _Problems) -> tuple[Flags, Flags]:
    """Stages whose receipt is blank: (stage 1, stage 2) rows that cannot be judged, each reported."""
    first, second = raw.stages
    blank1 = first.present & ~first.unreadable & np.isnat(first.received)
    blank2 = second.present & ~second.unreadable & np.isnat(second.received)
    if raw.per_stage:
        problems.each(
            blank1 | blank2,
            Kind.UNREADABLE_VALUE,
            "received",
            lambda i: "The date received is blank; every complaint needs one.",
        )
        return blank1, blank2
    without_first = blank1 & second.present
    problems.each(
        without_first,
        Kind.IMPOSSIBLE_SEQUENCE,
        "received",
        lambda i: (
            "The complaint went to stage 2 but has no stage 1 (no date received); give the date the "
            "stage 1 complaint was received."
        ),
    )
    problems.each(
        blank1 & ~second.present,
        Kind.UNREADABLE_VALUE,
        "received",
        lambda i: "The date received is blank; every complaint needs one.",
    )
    problems.each(
        blank2,
        Kind.UNREADABLE_VALUE,
        "stage2-requested",
        lambda i: "The complaint has stage 2 dates but no date escalation was asked for.",
    )
    escalated_early = (
        second.present
        & ~np.isnat(second.received)
        & ~np.isnat(first.received)
        & (second.received < first.received)
    )
    problems.each(
        escalated_early,
        Kind.IMPOSSIBLE_SEQUENCE,
        "stage2-requested",
        lambda i: (
            f"Escalation is asked for on {_shown(second.received[i])}, before the complaint was received on "
            f"{_shown(first.received[i])}; correct whichever date is wrong."
        ),
    )
    return blank1 | without_first, blank2 | escalated_early


def _references(raw: RawLog, problems: _Problems) -> None:
    """A reference written twice (twice at the same stage, in a log with a row per stage), and,
    in such a log, a stage 2 with no stage 1."""
    number = problems.columns.number("reference")
    if not raw.per_stage and len(set(raw.references)) == raw.size:
        return  # every reference once: the usual case, found without a loop
    seen: dict[tuple[str, int], int] = {}
    first_stage: set[str] = set()
    stage = np.where(raw.stages[1].present, 2, 1) if raw.per_stage else np.ones(raw.size, np.int64)
    for i, (reference, at_stage) in enumerate(zip(raw.references, stage.tolist(), strict=True)):
        if not reference:
            continue
        key = (reference, at_stage if raw.per_stage else 1)
        if at_stage == 1:
            first_stage.add(reference)
        earlier = seen.setdefault(key, i)
        if earlier != i:
            shown = cells.shown_reference(reference)
            named = f"The reference '{shown}'" if shown else "This reference"
            again = f" at stage {at_stage}" if raw.per_stage else ""
            problems.found.append(
                LogProblem(
                    Kind.DUPLICATE_REFERENCE,
                    int(raw.rows[i]),
                    number,
                    f"{named} is already used{again} in row {int(raw.rows[earlier])}; each complaint is "
                    "counted once for every row it has, so remove the copy or correct the reference.",
                )
            )
    if raw.per_stage:
        for i in np.flatnonzero(raw.stages[1].present).tolist():
            reference = raw.references[i]
            if reference and reference not in first_stage:
                problems.found.append(
                    LogProblem(
                        Kind.IMPOSSIBLE_SEQUENCE,
                        int(raw.rows[i]),
                        number,
                        "This stage 2 complaint has no stage 1 row in the log; add its stage 1 "
                        "(from an earlier "
                        "export if it began before this one).",
                    )
                )


def judge(raw: RawLog, limits: LogLimits, today: date | None = None) -> JudgedLog:
    """Every row of `raw` judged against `limits`; `today` marks dates after it as impossible."""
    if raw.columns is None:
        empty = _judge_stage(
            raw, raw.stages[0], limits.stages[0], _Problems(raw, Columns({}, 1)), None, np.zeros(0, bool)
        )
        return JudgedLog(raw, limits, (empty, empty), list(raw.problems), today)
    problems = _Problems(raw, raw.columns)
    bad1, bad2 = _blank_receipts(raw, problems)
    _references(raw, problems)
    first = _judge_stage(raw, raw.stages[0], limits.stages[0], problems, today, bad1)
    second = _judge_stage(raw, raw.stages[1], limits.stages[1], problems, today, bad2)
    found = sorted([*raw.problems, *problems.found], key=lambda p: (p.row, p.column, p.kind.value))
    return JudgedLog(raw, limits, (first, second), found, today)
