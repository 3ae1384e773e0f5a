"""A judged log summed up for a year: the Regulator's CH01 and CH02, per stage, per month and per
quarter, how late the late responses were, and what is still open past its limit.

Counting follows the Tenant Satisfaction Measures: CH01 counts complaints received in the year
(stage 1, and stage 2 by the day escalation was asked for) per 1,000 homes; CH02 counts the
responses made in the year and the share of them made within the Code's timescales, an extension
agreed within the Code included. Low-cost rental (LCRA) and low-cost home ownership (LCHO) are
counted apart where the log gives the tenure. Only counts and dates leave this module, with a
case's reference where it is shaped like one (never a name, an address or what a resident wrote).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from selfassess.complaints import cells
from selfassess.complaints.judging import JudgedLog, JudgedStage
from selfassess.complaints.workdays import working_days_after
from selfassess.model.assessment import Assessment
from selfassess.timelimits.calendar import long_date

Flags = npt.NDArray[np.bool_]

#: How late a late response was, in working days: (first, last) of each band, None for no end.
LATE_BANDS: tuple[tuple[int, int | None], ...] = ((1, 5), (6, 10), (11, 20), (21, None))


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    @property
    def words(self) -> str:
        return f"{long_date(self.first)} to {long_date(self.last)}"


@dataclass(frozen=True)
class Homes:
    total: int | None = None
    lcra: int | None = None
    lcho: int | None = None


#: No number of homes given: counts without the figures per 1,000 homes.
NO_HOMES = Homes()


@dataclass(frozen=True)
class Share:
    """Of `done` things in the period, `kept` were in time."""

    done: int
    kept: int

    @property
    def missed(self) -> int:
        return self.done - self.kept

    @property
    def percent(self) -> float | None:
        return round(100 * self.kept / self.done, 1) if self.done else None


@dataclass(frozen=True)
class StageFigures:
    stage: int
    acknowledge_limit: str | None  # "5 working days", None where the code sets none
    respond_limit: str | None
    extend_limit: str | None
    received: int
    received_lcra: int
    received_lcho: int
    acknowledgements: Share
    responses: Share  # CH02: responded within the timescale (an agreed extension included)
    responses_lcra: Share
    responses_lcho: Share
    late_without_extension: int  # responses with no extension later than the plain limit
    extended: Share  # responses with an extension: kept = by the extended date, within the Code
    beyond_code: int
    untold: int
    from_acknowledgement_due: int
    late_bands: tuple[int, ...]  # counts, one per LATE_BANDS
    open_past_limit: int
    outcomes: tuple[int, ...]  # one per cells.OUTCOMES, then blank

    def per_thousand(self, homes: int | None, received: int | None = None) -> float | None:
        count = self.received if received is None else received
        return round(1000 * count / homes, 1) if homes else None


@dataclass(frozen=True)
class MonthFigures:
    first: date  # the month's first day
    received: tuple[int, int]  # stage 1, stage 2
    responses: tuple[Share, Share]
    median_taken: tuple[float | None, float | None]  # working days to respond, the middle case


@dataclass(frozen=True)
class LateCase:
    stage: int
    row: int
    reference: str | None  # only where shaped like a case reference
    received: date
    due: date
    responded: date | None  # None: still open
    working_days_late: int
    extended: bool


@dataclass(frozen=True)
class Measures:
    shown_as: str
    code_id: str
    code_title: str
    period: Period
    today: date | None
    homes: Homes
    rows: int
    unjudged_rows: int
    problems: int
    has_tenure: bool
    has_acknowledged: bool
    told_recorded: bool
    stages: tuple[StageFigures, StageFigures]
    months: tuple[MonthFigures, ...]
    late_cases: tuple[LateCase, ...]

    @property
    def quarters(self) -> tuple[tuple[MonthFigures, ...], ...]:
        return tuple(self.months[i : i + 3] for i in range(0, len(self.months), 3))


def _in(days: npt.NDArray[np.datetime64], period: Period) -> Flags:
    return (days >= np.datetime64(period.first, "D")) & (days <= np.datetime64(period.last, "D"))


def period_of(assessment: Assessment) -> Period | None:
    """The days an assessment speaks for: its period, or the year that ends on its date."""
    period = assessment.period
    if period is not None and period.from_.value is not None and period.to.value is not None:
        return Period(period.from_.value, period.to.value)
    last = assessment.assessed_on.value
    if last is None:
        return None
    try:
        year_before = last.replace(year=last.year - 1)
    except ValueError:  # 29 February
        year_before = last.replace(year=last.year - 1, day=28)
    return Period(year_before + timedelta(days=1), last)


def default_period(judged: JudgedLog) -> Period | None:
    """The financial year (1 April to 31 March) of the latest complaint received in the log."""
    received = judged.stages[0].received[judged.stages[0].counted]
    if received.size == 0:
        return None
    latest: date = received.max().astype(object)
    year = latest.year if latest.month >= 4 else latest.year - 1
    return Period(date(year, 4, 1), date(year + 1, 3, 31))


def _share(done: Flags, kept: Flags) -> Share:
    return Share(int(np.count_nonzero(done)), int(np.count_nonzero(done & kept)))


def _stage_figures(
    stage: JudgedStage, tenure: npt.NDArray[np.int64], period: Period, today: date | None
) -> StageFigures:
    limits = stage.limits
    received = stage.counted & _in(stage.received, period)
    acknowledged = stage.judged & ~np.isnat(stage.acknowledged) & _in(stage.acknowledged, period)
    responded = (
        stage.judged & ~np.isnat(stage.responded) & ~np.isnat(stage.due) & _in(stage.responded, period)
    )
    in_time = ~stage.late
    late = responded & stage.late
    bands = []
    for first, last in LATE_BANDS:
        band = late & (stage.late_days >= first)
        if last is not None:
            band &= stage.late_days <= last
        bands.append(int(np.count_nonzero(band)))
    open_past = 0
    if today is not None:
        still_open = stage.judged & np.isnat(stage.responded) & ~np.isnat(stage.due)
        still_open &= (stage.outcome != cells.WITHDRAWN) & (stage.received <= np.datetime64(period.last, "D"))
        open_past = int(np.count_nonzero(still_open & (stage.due < np.datetime64(today, "D"))))
    outcomes = np.bincount(stage.outcome[responded], minlength=len(cells.OUTCOMES) + 1)
    return StageFigures(
        stage=stage.stage,
        acknowledge_limit=str(limits.acknowledge) if limits.acknowledge else None,
        respond_limit=str(limits.respond) if limits.respond else None,
        extend_limit=str(limits.extend) if limits.extend else None,
        received=int(np.count_nonzero(received)),
        received_lcra=int(np.count_nonzero(received & (tenure == cells.LCRA))),
        received_lcho=int(np.count_nonzero(received & (tenure == cells.LCHO))),
        acknowledgements=_share(acknowledged & ~np.isnat(stage.acknowledge_due), ~stage.acknowledged_late),
        responses=_share(responded, in_time),
        responses_lcra=_share(responded & (tenure == cells.LCRA), in_time),
        responses_lcho=_share(responded & (tenure == cells.LCHO), in_time),
        late_without_extension=int(np.count_nonzero(late & ~stage.extended)),
        extended=_share(responded & stage.extended, in_time & ~stage.beyond_code),
        beyond_code=int(np.count_nonzero(responded & stage.beyond_code)),
        untold=int(np.count_nonzero(responded & stage.untold)),
        from_acknowledgement_due=int(np.count_nonzero(responded & stage.from_acknowledgement_due)),
        late_bands=tuple(bands),
        open_past_limit=open_past,
        outcomes=(*(int(count) for count in outcomes[1:]), int(outcomes[0])),
    )


def _months(period: Period) -> list[date]:
    months = []
    day = date(period.first.year, period.first.month, 1)
    while day <= period.last:
        months.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def _by_month(stages: tuple[JudgedStage, JudgedStage], period: Period) -> tuple[MonthFigures, ...]:
    months = _months(period)
    start = np.datetime64(months[0], "M")
    count = len(months)

    def index(days: npt.NDArray[np.datetime64], where: Flags) -> npt.NDArray[np.int64]:
        return (days[where].astype("datetime64[M]") - start).astype(np.int64)

    received = []
    done = []
    kept = []
    medians: list[list[float | None]] = []
    for stage in stages:
        arrived = stage.counted & _in(stage.received, period)
        received.append(np.bincount(index(stage.received, arrived), minlength=count))
        responded = (
            stage.judged & ~np.isnat(stage.responded) & ~np.isnat(stage.due) & _in(stage.responded, period)
        )
        where = index(stage.responded, responded)
        done.append(np.bincount(where, minlength=count))
        kept.append(np.bincount(where, weights=~stage.late[responded], minlength=count).astype(np.int64))
        taken = stage.taken[responded]
        medians.append([float(np.median(taken[where == m])) if done[-1][m] else None for m in range(count)])
    return tuple(
        MonthFigures(
            first=month,
            received=(int(received[0][m]), int(received[1][m])),
            responses=(Share(int(done[0][m]), int(kept[0][m])), Share(int(done[1][m]), int(kept[1][m]))),
            median_taken=(medians[0][m], medians[1][m]),
        )
        for m, month in enumerate(months)
    )


def _late_cases(judged: JudgedLog, period: Period, today: date | None) -> tuple[LateCase, ...]:
    cases: list[LateCase] = []
    for stage in judged.stages:
        responded = stage.judged & ~np.isnat(stage.responded) & _in(stage.responded, period) & stage.late
        chosen = [(i, int(stage.late_days[i])) for i in np.flatnonzero(responded).tolist()]
        if today is not None:
            still_open = stage.judged & np.isnat(stage.responded) & ~np.isnat(stage.due)
            still_open &= (stage.outcome != cells.WITHDRAWN) & (
                stage.received <= np.datetime64(period.last, "D")
            )
            still_open &= stage.due < np.datetime64(today, "D")
            rows = np.flatnonzero(still_open)
            if rows.size:
                past = working_days_after(stage.due[rows], np.full(rows.size, np.datetime64(today, "D")))
                chosen += list(zip(rows.tolist(), past.tolist(), strict=True))
        for i, late in chosen:
            responded_on = stage.responded[i]
            cases.append(
                LateCase(
                    stage=stage.stage,
                    row=int(judged.raw.rows[i]),
                    reference=cells.shown_reference(judged.raw.references[i]),
                    received=stage.received[i].astype(object),
                    due=stage.due[i].astype(object),
                    responded=None if np.isnat(responded_on) else responded_on.astype(object),
                    working_days_late=int(late),
                    extended=bool(stage.extended[i]),
                )
            )
    cases.sort(key=lambda case: (case.stage, -case.working_days_late, case.row))
    return tuple(cases)


def measures(
    judged: JudgedLog, period: Period, homes: Homes = Homes(), today: date | None = None
) -> Measures:
    """The log summed up for `period`; `today` counts what is still open past its limit."""
    raw = judged.raw
    columns = raw.columns
    first, second = (_stage_figures(stage, raw.tenure, period, today) for stage in judged.stages)
    return Measures(
        shown_as=raw.shown_as,
        code_id=judged.limits.code_id,
        code_title=judged.limits.code_title,
        period=period,
        today=today,
        homes=homes,
        rows=raw.size,
        unjudged_rows=judged.unjudged_rows,
        problems=len(judged.problems),
        has_tenure=columns is not None and columns.has("tenure"),
        has_acknowledged=columns is not None and columns.has("acknowledged"),
        told_recorded=columns is not None and columns.has("extension-told"),
        stages=(first, second),
        months=_by_month(judged.stages, period),
        late_cases=_late_cases(judged, period, today),
    )
