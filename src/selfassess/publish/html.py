"""The published form, or a tracker, as one self-contained HTML file."""

from __future__ import annotations

from pathlib import Path

from selfassess.publish.templates import environment
from selfassess.publish.tracker_view import RAG_WORDS, TrackerView
from selfassess.publish.view import FormView


def render_html(form: FormView, template_dir: Path | None = None) -> str:
    return environment(template_dir).get_template("form.html.j2").render(form=form)


def render_tracker_html(tracker: TrackerView, template_dir: Path | None = None) -> str:
    return (
        environment(template_dir).get_template("tracker.html.j2").render(tracker=tracker, rag_words=RAG_WORDS)
    )
