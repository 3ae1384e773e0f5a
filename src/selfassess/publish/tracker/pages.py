"""A tracker as one self-contained HTML page, or as GitHub-flavoured Markdown."""

from __future__ import annotations

from pathlib import Path

from selfassess.publish.templates import environment
from selfassess.publish.tracker.view import RAG_WORDS, TrackerView


def render_tracker_html(tracker: TrackerView, template_dir: Path | None = None) -> str:
    return (
        environment(template_dir).get_template("tracker.html.j2").render(tracker=tracker, rag_words=RAG_WORDS)
    )


def render_tracker_markdown(tracker: TrackerView, template_dir: Path | None = None) -> str:
    return (
        environment(template_dir).get_template("tracker.md.j2").render(tracker=tracker, rag_words=RAG_WORDS)
    )
