"""An action that finishes before it starts.

What it checks:
    That no action's `due` date is earlier than its `start` date.

Why it matters:
    One of the two dates is wrong, and a plan with impossible dates is not a plan a board can
    hold anyone to. Often the day and month have been swapped, or the wrong year typed.

Failing example:
    ```yaml
    actions:
      - action: Refresh complaint handling training
        owner: Learning and Development Manager
        start: 2025-09-01
        due: 2025-06-30
    ```

Passing example:
    ```yaml
    actions:
      - action: Refresh complaint handling training
        owner: Learning and Development Manager
        start: 2025-06-01
        due: 2025-09-30
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.answers import actions, quoted
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.timelimits.calendar import long_date


def check(context: Context) -> Iterator[Problem]:
    for number, index, action in actions(context):
        start = action.start.value if action.start is not None else None
        due = action.due.value if action.due is not None else None
        if start is None or due is None or due >= start:
            continue
        yield Problem(
            ("responses", number, "actions", index, "due"),
            f"The action {quoted(action.action)} is due on {long_date(due)}, before it starts on "
            f"{long_date(start)}; one of the two dates is wrong.",
            number,
        )


RULE = Rule(
    id="SA504",
    name="action-ends-before-start",
    severity=Severity.ERROR,
    summary="An action that finishes before it starts.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
