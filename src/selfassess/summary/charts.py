"""Bar charts as the page draws them: every position worked out here, so the template only
places rectangles and words. Each row is a stack of parts; the same figures are in a table
beside every chart, for a screen reader and for anyone who wants the numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

ROW = 22  # the height of a row, bar and gap
BAR = 16
PLOT = 380  # the width of a full bar, unless a chart with long labels asks for less
GAP = 8  # between the bar's end and its figure
FIGURE = 70  # room for the figure after a bar, unless a chart with long figures asks for more
LABEL_CHARACTERS = 36  # a longer label is shortened, ending '…' (the table gives it whole)


@dataclass(frozen=True)
class Part:
    """A piece of a bar: how it is coloured (a CSS class), its size, and what it says on hover."""

    tone: str
    value: float
    says: str


@dataclass(frozen=True)
class Segment:
    tone: str
    x: float
    width: float
    says: str


@dataclass(frozen=True)
class Row:
    label: str
    y: float
    segments: tuple[Segment, ...]
    figure: str  # said after the bar
    figure_x: float


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    width: int
    height: int
    label_width: int
    rows: tuple[Row, ...]
    legend: tuple[tuple[str, str], ...]  # (tone, words)


def shortened(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1].rstrip() + "…"


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    rows: Sequence[tuple[str, Sequence[Part], str]],
    legend: Sequence[tuple[str, str]],
    full: float | None = None,
    label_width: int = 90,
    plot: int = PLOT,
    figure_width: int = FIGURE,
) -> Chart:
    """Rows of (label, parts, figure), stacked left to right; a bar of `full` (by default the
    largest row) spans the plot. A part of nothing is left out rather than drawn as a hairline."""
    largest = (
        full if full is not None else max((sum(p.value for p in parts) for _, parts, _ in rows), default=0)
    )
    scale = plot / largest if largest > 0 else 0.0
    drawn: list[Row] = []
    for index, (label, parts, figure) in enumerate(rows):
        y = index * ROW + 4
        x = float(label_width)
        segments = []
        for part in parts:
            if part.value <= 0:
                continue
            width = round(part.value * scale, 1)
            segments.append(Segment(part.tone, round(x, 1), width, part.says))
            x += width
        drawn.append(Row(shortened(label), y, tuple(segments), figure, round(x + GAP, 1)))
    return Chart(
        id=chart_id,
        title=title,
        description=description,
        width=label_width + plot + GAP + figure_width,
        height=max(len(rows), 1) * ROW + 8,
        label_width=label_width,
        rows=tuple(drawn),
        legend=tuple(legend),
    )
