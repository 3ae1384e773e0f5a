"""The jinja2 templates of the published formats: shipped with selfassess, and overridable.

An organisation restyles its forms with `--template-dir DIR`: a template in DIR with the same
name as one of ours (form.html.j2, style.css, form.md.j2, report.html.j2) is used instead; the
rest come from selfassess. HTML templates escape everything they are given.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from selfassess.resources import packaged_dir
from selfassess.text.markdown import link_target, plain_cell, table_cell, to_html


@lru_cache(maxsize=8)
def environment(template_dir: Path | None = None) -> Environment:
    folders = [str(template_dir)] if template_dir is not None else []
    folders.append(str(packaged_dir("templates")))
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(folder) for folder in folders]),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2", "htm"), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["markdown"] = to_html
    env.filters["cell"] = table_cell
    env.filters["text"] = plain_cell
    env.filters["target"] = link_target
    return env
