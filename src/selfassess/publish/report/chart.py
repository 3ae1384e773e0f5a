"""The compliance chart as a picture, for the Word report: drawn by matplotlib (Agg, no screen),
in the HTML chart's colours, each section named as the table beside it names it.

The picture is the same bytes for the same figures (no date or version in its metadata), so
the Word report stays the same bytes for the same assessment.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from io import BytesIO

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from selfassess.publish.report.complaints import Chart
from selfassess.publish.report.view import SectionCount

#: The HTML report's colours; "no valid answer" is white with a dashed edge there, hatched here.
COLOURS = {
    "met": "#1d6b36",
    "partly": "#c98a00",
    "not-met": "#a4262c",
    "none": "#8a969c",
    "unanswered": "#ffffff",
}
#: The complaints charts' tones, as the HTML report colours them.
TONES = {"stage1": "#1f3864", "stage2": "#5b9bd5", "on-time": "#1d6b36", "late": "#a4262c"}
LABEL_WIDTH = 60  # characters of a section's name on one line
DPI = 150
#: What no font draws (control characters, non-characters): shown as Word shows them, '\ufffd'.
_UNDRAWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _drawn(name: str) -> str:
    """A section's name as matplotlib should draw it: every character as typed. A '$' is escaped,
    as two of them would start mathematical notation (and a formula it cannot read stops it)."""
    return _UNDRAWABLE.sub("\ufffd", " ".join(name.split())).replace("$", r"\$")


def chart_description(
    sections: Sequence[SectionCount], words: Mapping[str, str], title: str = "Compliance by section"
) -> str:
    """The picture in words, for its alt text: every section's counts, as a reader would say them."""
    parts = []
    for section in sections:
        counts = ", ".join(
            f"{count} {words[band].lower()}" for band, count in section.counts.items() if count
        )
        parts.append(f"{section.name}: {counts or 'none'}")
    return f"{title}, as a bar for each section. " + "; ".join(parts) + "."


def compliance_png(
    sections: Sequence[SectionCount],
    bands: Sequence[str],
    words: Mapping[str, str],
    figures: Sequence[str],
    counted: str = "provisions",
) -> bytes:
    """A horizontal bar for each section, its provisions split by answer, as a PNG."""
    labels = [textwrap.fill(_drawn(s.name), LABEL_WIDTH) for s in sections]
    lines = sum(label.count("\n") + 1 for label in labels)
    # low enough to stand under the report's header on its first page, as the HTML's chart does
    figure = Figure(figsize=(11, 0.9 + 0.19 * lines + 0.17 * len(sections)), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    rows = list(range(len(sections)))[::-1]  # the first section at the top, as in the table
    left = [0.0] * len(sections)
    for band in bands:
        shares = [s.counts[band] / s.total if s.total else 0.0 for s in sections]
        axes.barh(
            rows,
            shares,
            left=left,
            height=0.7,
            color=COLOURS[band],
            edgecolor="#1b1b1b" if band == "unanswered" else COLOURS[band],
            hatch="//" if band == "unanswered" else None,
            linewidth=0.8,
            label=words[band],
        )
        left = [start + share for start, share in zip(left, shares, strict=True)]
    for row, figure_said in zip(rows, figures, strict=True):  # as the HTML chart says it
        axes.text(1.01, row, figure_said, va="center", fontsize=9)
    axes.set_yticks(rows, labels, fontsize=9)
    axes.set_xlim(0, 1)
    axes.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0%", "25%", "50%", "75%", "100%"], fontsize=9)
    axes.set_xlabel(f"Share of the section's {counted}", fontsize=9)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    handles, names = axes.get_legend_handles_labels()
    figure.legend(handles, names, loc="lower center", ncols=len(bands), fontsize=9, frameon=False)
    height = figure.get_figheight()
    figure.tight_layout(rect=(0, 0.35 / height, 1, 1))  # room at the foot for the legend
    return _png(figure)


def _png(figure: Figure) -> bytes:
    out = BytesIO()
    figure.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()


def complaints_png(chart: Chart) -> bytes:
    """A chart of the complaints section as a PNG: the bars the view placed for the HTML's SVG,
    drawn in the same units (y downwards, as SVG counts), so both formats show the same picture."""
    foot = 0.4  # inches for the legend
    figure = Figure(figsize=(chart.width / 80, chart.height / 80 + foot), dpi=DPI)
    FigureCanvasAgg(figure)
    share = foot / figure.get_figheight()
    axes = figure.add_axes((0, share, 1, 1 - share))
    axes.set_xlim(0, chart.width)
    axes.set_ylim(chart.height, 0)
    axes.axis("off")
    for tick in chart.ticks:
        axes.plot([chart.left, chart.right_edge], [tick.y, tick.y], color="#c8ced1", linewidth=0.8, zorder=0)
        axes.text(chart.left - 6, tick.y, tick.label, ha="right", va="center", fontsize=8)
    for bar in chart.bars:
        axes.add_patch(Rectangle((bar.x, bar.y), bar.width, bar.height, color=TONES[bar.tone], linewidth=0))
    axes.plot([chart.left, chart.right_edge], [chart.baseline, chart.baseline], color="#1b1b1b", linewidth=1)
    for x, label in chart.months:
        axes.text(x, chart.baseline + 6, label, ha="center", va="top", fontsize=8)
    handles = [Rectangle((0, 0), 1, 1, color=TONES[tone]) for tone, _ in chart.legend]
    names = [words for _, words in chart.legend]
    figure.legend(handles, names, loc="lower center", ncols=len(handles), fontsize=8, frameon=False)
    return _png(figure)
