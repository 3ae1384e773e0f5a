"""The published form as one self-contained HTML page, or as GitHub-flavoured Markdown."""

from __future__ import annotations

from pathlib import Path

from selfassess.publish.form.view import FormView
from selfassess.publish.templates import environment


def render_html(form: FormView, template_dir: Path | None = None) -> str:
    return environment(template_dir).get_template("form.html.j2").render(form=form)


def render_markdown(form: FormView, template_dir: Path | None = None) -> str:
    return environment(template_dir).get_template("form.md.j2").render(form=form)
