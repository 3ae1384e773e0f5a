"""Writing small complaints logs for the tests, and judging them as `selfassess complaints` does."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from selfassess.complaints.judging import JudgedLog, judge
from selfassess.complaints.limits import limits_of
from selfassess.complaints.reading import read_log
from selfassess.load.codes import CodeLibrary
from selfassess.model.code import Code

REPO = Path(__file__).parents[2]
EXAMPLE_LOG = REPO / "assessments" / "evidence" / "fenbrook-complaints-2024-25.csv"


def code(code_id: str = "hos-chc-2024") -> Code:
    found = CodeLibrary().find(code_id, REPO)
    assert found is not None and found.code is not None
    return found.code


def write_log(path: Path, headings: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(headings)
        writer.writerows(rows)
    return path


def judged(path: Path, today: date | None = None, code_id: str = "hos-chc-2024") -> JudgedLog:
    return judge(read_log(path, path.name), limits_of(code(code_id)), today)


def d(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day is not None else ""
