"""The board report as one self-contained HTML page, its chart drawn inline."""

from __future__ import annotations

from pathlib import Path

from selfassess.publish.report.view import ReportView
from selfassess.publish.templates import environment


def render_report_html(view: ReportView, template_dir: Path | None = None) -> str:
    return (
        environment(template_dir)
        .get_template("report.html.j2")
        .render(report=view, bands=view.bands, words=view.words)
    )
