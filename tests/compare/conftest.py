"""The Fenbrook fixtures, copied where a test may write beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compare.fenbrook import copy_fixtures


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    return copy_fixtures(tmp_path)
