"""The summary as one self-contained HTML page: its charts drawn inline, nothing fetched, no script."""

from __future__ import annotations

from pathlib import Path

from selfassess.model.standing import BANDS
from selfassess.publish.templates import environment
from selfassess.summary.view import BAND_WORDS, SummaryView


def render_summary_html(view: SummaryView, template_dir: Path | None = None) -> str:
    return (
        environment(template_dir)
        .get_template("summary.html.j2")
        .render(summary=view, bands=BANDS, words=BAND_WORDS)
    )
