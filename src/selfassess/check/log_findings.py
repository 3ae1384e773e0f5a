"""What the complaints-log rules share: the problems reading and judging the log found, each
handed to its rule as a problem at its row and column of the log."""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.context import Context
from selfassess.check.findings import Problem
from selfassess.complaints.problems import Kind
from selfassess.load.positions import Position


def log_problems(context: Context, kind: Kind) -> Iterator[Problem]:
    judged = context.complaints
    if judged is None:
        return
    for found in judged.problems:
        if found.kind is kind:
            yield Problem(
                (), found.message, position=Position(found.row, found.column), path=judged.raw.shown_as
            )
