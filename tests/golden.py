"""Golden files: a whole output kept in the repository and compared byte for byte.

After a deliberate change to an output, regenerate them and read the difference before committing:

    SELFASSESS_UPDATE_GOLDEN=1 .venv/bin/python -m pytest
"""

from __future__ import annotations

import os
from pathlib import Path


def assert_golden(path: Path, actual: str) -> None:
    """`actual` must equal the golden file at `path` (written instead, when regenerating)."""
    if os.environ.get("SELFASSESS_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")
