"""What the board report shows of the complaints log: CH01 and CH02, acknowledgements, how late
the late responses were, and two charts of each month, worked out here to the last coordinate so
that the templates only lay them out: the share of responses within the Code's timescale (stage 1
and stage 2), and stage 1 responses on time and late. Every chart has its figures in a table too.
No reference, name or date of any one case reaches the report: a board paper is often published.
"""

from __future__ import annotations

from dataclasses import dataclass

from selfassess.complaints.measures import Measures, Share
from selfassess.publish.complaints.words import band_words, of, quarter_words

#: The charts' drawing area, in the SVG's own units (it scales to the page).
WIDTH, HEIGHT = 720, 250
LEFT, RIGHT, TOP, BOTTOM = 52, 12, 14, 40
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    tone: str  # "stage1", "stage2", "on-time", "late"
    title: str  # what a pointer or a screen reader is told


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    title: str
    description: str
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    months: tuple[tuple[float, str], ...]  # (x of the label's middle, "Apr")
    legend: tuple[tuple[str, str], ...]  # (tone, words)
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    baseline: float = TOP + PLOT_H
    note: str = ""  # what an absent bar means, where one is absent


@dataclass(frozen=True)
class FigureRow:
    label: str
    cells: tuple[str, ...]
    stage1_percent: float | None = None  # for a bar beside the figures, where a format draws one


@dataclass(frozen=True)
class ComplaintsView:
    period: str
    code: str
    headline: tuple[str, ...]  # sentences: CH01, CH02, acknowledgements
    not_judged: str | None  # how many rows could not be judged, where any
    charts: tuple[Chart, ...]
    by_month_heading: tuple[str, ...]
    by_month: tuple[FigureRow, ...]
    by_quarter: tuple[FigureRow, ...]
    late: tuple[str, ...]  # per stage: how late the late responses were
    open_past_limit: str | None
    notes: tuple[str, ...]


def _y(value: float, top: float) -> float:
    return round(TOP + PLOT_H * (1 - value / top), 1)


def _ticks(top: float, step: float, suffix: str) -> tuple[Tick, ...]:
    count = int(top // step)
    return tuple(Tick(_y(i * step, top), f"{i * step:g}{suffix}") for i in range(count + 1))


def _month_slots(measures: Measures) -> tuple[float, tuple[tuple[float, str], ...]]:
    slot = PLOT_W / max(1, len(measures.months))
    labels = tuple(
        (round(LEFT + slot * (i + 0.5), 1), f"{m.first:%b}") for i, m in enumerate(measures.months)
    )
    return slot, labels


def _timeliness_chart(measures: Measures) -> Chart:
    slot, labels = _month_slots(measures)
    width = slot * 0.34
    bars = []
    for i, month in enumerate(measures.months):
        for n, share in enumerate(month.responses):
            if not share.done or share.percent is None:
                continue
            x = LEFT + slot * i + slot * 0.14 + n * width
            y = _y(share.percent, 100)
            words = (
                f"{month.first:%B %Y}, stage {n + 1}: {share.kept} of {share.done} in time "
                f"({share.percent:.0f}%)"
            )
            bars.append(
                Bar(round(x, 1), y, round(width, 1), round(TOP + PLOT_H - y, 1), f"stage{n + 1}", words)
            )
    limits = [s.respond_limit for s in measures.stages]
    # an absent bar is no responses, not a share of none in time: said, under the legend
    notes = []
    for n in range(len(measures.stages)):
        empty = [f"{m.first:%B}" for m in measures.months if not m.responses[n].done]
        if empty:
            months = ", ".join(empty[:-1]) + (" and " if len(empty) > 1 else "") + empty[-1]
            notes.append(f"{months} had no stage {n + 1} responses, so no stage {n + 1} bar.")
    return Chart(
        title="Responses within the Code's timescale, each month",
        description=(
            f"For each month, the share of stage 1 responses made within {limits[0]} "
            "(or the extension agreed) "
            f"and of stage 2 responses within {limits[1]}. The figures are in the table below."
        ),
        bars=tuple(bars),
        ticks=_ticks(100, 25, "%"),
        months=labels,
        legend=(("stage1", "Stage 1"), ("stage2", "Stage 2")),
        note=" ".join(notes),
    )


def _volume_chart(measures: Measures) -> Chart:
    slot, labels = _month_slots(measures)
    most = max((m.responses[0].done for m in measures.months), default=0)
    step = max(1, -(-most // 4))
    for nice in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        if nice >= step:
            step = nice
            break
    top = max(step, step * -(-most // step))
    bars = []
    width = slot * 0.6
    for i, month in enumerate(measures.months):
        share = month.responses[0]
        x = round(LEFT + slot * i + slot * 0.2, 1)
        kept_top = _y(share.kept, top)
        all_top = _y(share.done, top)
        if share.kept:
            bars.append(
                Bar(
                    x,
                    kept_top,
                    round(width, 1),
                    round(TOP + PLOT_H - kept_top, 1),
                    "on-time",
                    f"{month.first:%B %Y}: {share.kept} stage 1 responses on time",
                )
            )
        if share.missed:
            bars.append(
                Bar(
                    x,
                    all_top,
                    round(width, 1),
                    round(kept_top - all_top, 1),
                    "late",
                    f"{month.first:%B %Y}: {share.missed} stage 1 responses late",
                )
            )
    return Chart(
        title="Stage 1 responses each month, on time and late",
        description="For each month, how many stage 1 responses were made, split into those on time "
        "and those "
        "late. The figures are in the table below.",
        bars=tuple(bars),
        ticks=_ticks(top, step, ""),
        months=labels,
        legend=(("on-time", "On time"), ("late", "Late")),
    )


def _cell(share: Share) -> str:
    return f"{share.kept} of {share.done} ({share.percent:.0f}%)" if share.percent is not None else "none"


def complaints_view(measures: Measures) -> ComplaintsView:
    homes = measures.homes
    headline: list[str] = []
    for stage in measures.stages:
        words = f"Stage {stage.stage}: {stage.received:,} complaints received"
        if homes.total:
            words += f", {stage.per_thousand(homes.total):.1f} per 1,000 homes (CH01)"
        if homes.lcra:
            words += f"; LCRA {stage.per_thousand(homes.lcra, stage.received_lcra):.1f} per 1,000 homes"
        if homes.lcho:
            words += f"; LCHO {stage.per_thousand(homes.lcho, stage.received_lcho):.1f} per 1,000 homes"
        if stage.respond_limit:
            words += (
                f"; {of(stage.responses, 'responses')} within {stage.respond_limit} or the extension "
                "agreed (CH02)"
            )
        if stage.acknowledge_limit and stage.acknowledgements.done:
            words += f"; {stage.acknowledgements.percent:.1f}% acknowledged within {stage.acknowledge_limit}"
        headline.append(words + ".")
    if not (homes.total or homes.lcra or homes.lcho):
        headline.append("The number of homes was not given, so complaints per 1,000 homes are not shown.")
    not_judged = None
    if measures.unjudged_rows:
        not_judged = (
            f"{measures.unjudged_rows:,} of the log's {measures.rows:,} rows could not be judged, as a "
            "date in them is missing, cannot be read or cannot be right; they are left out of the "
            "figures they affect until "
            "the log is corrected."
        )
    months = tuple(
        FigureRow(
            f"{m.first:%B %Y}",
            (str(m.received[0]), _cell(m.responses[0]), str(m.received[1]), _cell(m.responses[1])),
            m.responses[0].percent,
        )
        for m in measures.months
    )
    quarters = []
    for number, group in enumerate(measures.quarters, start=1):
        shares = [
            Share(sum(m.responses[i].done for m in group), sum(m.responses[i].kept for m in group))
            for i in (0, 1)
        ]
        quarters.append(
            FigureRow(
                quarter_words(group[0].first, group[-1].first, number),
                (
                    str(sum(m.received[0] for m in group)),
                    _cell(shares[0]),
                    str(sum(m.received[1] for m in group)),
                    _cell(shares[1]),
                ),
            )
        )
    late = tuple(
        f"Stage {stage.stage}: "
        + (
            "; ".join(
                f"{count:,} late by {band_words(i)}" for i, count in enumerate(stage.late_bands) if count
            )
            or "no late responses"
        )
        + "."
        for stage in measures.stages
    )
    open_past = None
    if measures.today is not None:
        first, second = (stage.open_past_limit for stage in measures.stages)
        open_past = f"On {measures.today:%d %B %Y}".replace(" 0", " ") + (
            f", {first:,} stage 1 and {second:,} stage 2 complaints were still open past their time limit."
        )
    notes = []
    if not measures.told_recorded:
        notes.append(
            "The log does not say whether residents were told of extensions; "
            "every extension is counted as agreed."
        )
    if (homes.lcra or homes.lcho) and not measures.has_tenure:
        notes.append("The log has no tenure column, so LCRA and LCHO are not counted apart.")
    return ComplaintsView(
        period=measures.period.words,
        code=measures.code_title,
        headline=tuple(headline),
        not_judged=not_judged,
        charts=(_timeliness_chart(measures), _volume_chart(measures)),
        by_month_heading=(
            "Month",
            "Stage 1 received",
            "Stage 1 responses in time",
            "Stage 2 received",
            "Stage 2 responses in time",
        ),
        by_month=months,
        by_quarter=tuple(quarters),
        late=late,
        open_past_limit=open_past,
        notes=tuple(notes),
    )
