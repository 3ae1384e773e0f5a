"""A check loads the heavy libraries of complaints logs (numpy, polars: a third of a second) only
when it reads a log."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parents[2]

_PROBE = (
    "import sys\n"
    "from selfassess.cli import main\n"
    "try:\n"
    "    main(['check', '--format', 'json', sys.argv[1]])\n"
    "except SystemExit:\n"
    "    pass\n"
    "print(sorted({'numpy', 'polars'} & set(sys.modules)), file=sys.stderr)\n"
)


def _loaded(path: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, path], capture_output=True, text=True, check=False, cwd=REPO
    )
    return done.stderr.splitlines()[-1]


def test_numpy_and_polars_only_for_an_assessment_with_a_complaints_log():
    assert _loaded("assessments/example-homes-2025.yaml") == "[]"
    assert _loaded("tests/check/fixtures/SA406/failing/assessment.yaml") == "['numpy', 'polars']"
