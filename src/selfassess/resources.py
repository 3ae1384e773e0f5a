"""Where the data shipped with selfassess (codes, templates) is found."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def packaged_dir(name: str) -> Path:
    """The folder `name` ("codes" or "templates") shipped with the package.

    A wheel carries it inside the package; a source checkout (an editable install, or the
    tests) has it at the top of the repository, two levels above this file's folder.
    """
    inside = Path(str(resources.files("selfassess"))) / name
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[2] / name
