"""The compliance chart as a picture, for the Word report: drawn by matplotlib (Agg, no screen),
in the HTML chart's colours, each section named as the table beside it names it.

The picture is the same bytes for the same figures (no date or version in its metadata), so
the Word report stays the same bytes for the same assessment.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from io import BytesIO

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from selfassess.publish.report.view import SectionCount

#: The HTML report's colours; "no valid answer" is white with a dashed edge there, hatched here.
COLOURS = {
    "met": "#1d6b36",
    "partly": "#c98a00",
    "not-met": "#a4262c",
    "none": "#8a969c",
    "unanswered": "#ffffff",
}
LABEL_WIDTH = 38  # characters of a section's name on one line
DPI = 150


def chart_description(sections: Sequence[SectionCount], words: Mapping[str, str]) -> str:
    """The picture in words, for its alt text: every section's counts, as a reader would say them."""
    parts = []
    for section in sections:
        counts = ", ".join(
            f"{count} {words[band].lower()}" for band, count in section.counts.items() if count
        )
        parts.append(f"{section.name}: {counts or 'no provisions'}")
    return "Compliance by section, as a bar for each section. " + "; ".join(parts) + "."


def compliance_png(sections: Sequence[SectionCount], bands: Sequence[str], words: Mapping[str, str]) -> bytes:
    """A horizontal bar for each section, its provisions split by answer, as a PNG."""
    labels = [textwrap.fill(s.name, LABEL_WIDTH) for s in sections]
    lines = sum(label.count("\n") + 1 for label in labels)
    figure = Figure(figsize=(9.5, 0.9 + 0.32 * lines + 0.25 * len(sections)), dpi=DPI)
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
            height=0.62,
            color=COLOURS[band],
            edgecolor="#1b1b1b" if band == "unanswered" else COLOURS[band],
            hatch="//" if band == "unanswered" else None,
            linewidth=0.8,
            label=words[band],
        )
        left = [start + share for start, share in zip(left, shares, strict=True)]
    for row, section in zip(rows, sections, strict=True):
        axes.text(1.01, row, f"{section.counts['met']}/{section.total} met", va="center", fontsize=9)
    axes.set_yticks(rows, labels, fontsize=9)
    axes.set_xlim(0, 1)
    axes.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0%", "25%", "50%", "75%", "100%"], fontsize=9)
    axes.set_xlabel("Share of the section's provisions", fontsize=9)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    handles, names = axes.get_legend_handles_labels()
    figure.legend(handles, names, loc="lower center", ncols=len(bands), fontsize=9, frameon=False)
    height = figure.get_figheight()
    figure.tight_layout(rect=(0, 0.35 / height, 1, 1))  # room at the foot for the legend
    out = BytesIO()
    figure.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()
