"""The published form as GitHub-flavoured Markdown, for websites built from Markdown."""

from __future__ import annotations

from pathlib import Path

from selfassess.publish.templates import environment
from selfassess.publish.view import FormView


def render_markdown(form: FormView, template_dir: Path | None = None) -> str:
    return environment(template_dir).get_template("form.md.j2").render(form=form)
