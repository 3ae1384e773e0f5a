"""A large run uses every core, and gives exactly what one process gives, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path

from selfassess.check import runner
from selfassess.check.runner import CheckOptions, check_files
from selfassess.load.codes import CodeLibrary
from selfassess.load.discover import discover

REPO = Path(__file__).parents[2]


def test_parallel_and_serial_runs_agree(tmp_path):
    example = (REPO / "assessments" / "example-homes-2025.yaml").read_text(encoding="utf-8")
    shutil.copytree(REPO / "assessments" / "evidence", tmp_path / "evidence")
    for i in range(runner.PARALLEL_FROM + 12):
        text = example.replace("organisation: Fenbrook Homes", f"organisation: Fenbrook Homes {i}")
        if i % 3 == 0:
            text = text.replace('"2.5":\n    answer: "Yes"', '"2.5":\n    answer: YAC', 1)
        if i % 5 == 0:
            text = text.replace("stage1-response: 10 working days", "stage1-response: 2 weeks", 1)
        if i % 7 == 0:
            text = text.replace("commentary:", "commentary: [", 1)  # unreadable YAML
        (tmp_path / f"assessment-{i:03}.yaml").write_text(text, encoding="utf-8")
    files = discover([tmp_path]).files
    serial = check_files(files, CodeLibrary(), CheckOptions(), jobs=1)
    parallel = check_files(files, CodeLibrary(), CheckOptions(), jobs=2)
    assert len(serial.findings) > 40
    assert {f.rule for f in serial.findings} >= {"SA001", "SA103", "SA402"}
    assert parallel == serial
