"""An action past its due date, and not done.

What it checks:
    Every action with a due date: on the date the assessment speaks for (`assessed_on`), or on
    the date given with `--today`, an action past its due date must be done (or dropped).

Why it matters:
    An overdue action in a published self-assessment tells residents and the Ombudsman that the
    organisation does not do what it says. The board should hear about it first.

Failing example:
    ```yaml
    assessed_on: 2025-05-20
    responses:
      "6.3":
        actions:
          - action: Automated reminders in the case management system
            owner: Head of Complaints
            due: 2025-03-31
            status: in-progress
    ```

Passing example:
    ```yaml
    assessed_on: 2025-05-20
    responses:
      "6.3":
        actions:
          - action: Automated reminders in the case management system
            owner: Head of Complaints
            due: 2025-03-31
            status: done
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.answers import actions, quoted
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.timelimits.calendar import long_date

_FINISHED = frozenset(("done", "dropped"))


def check(context: Context) -> Iterator[Problem]:
    today = context.reference_date
    if today is None:
        return
    for number, index, action in actions(context):
        due = action.due.value if action.due is not None else None
        if due is None or due >= today or action.status in _FINISHED:
            continue
        status = f"its status is {action.status}" if action.status else "it has no status"
        yield Problem(
            ("responses", number, "actions", index, "due"),
            f"The action {quoted(action.action)} was due on {long_date(due)} and is not done on "
            f"{long_date(today)} ({status}).",
            number,
        )


RULE = Rule(
    id="SA501",
    name="overdue-action",
    severity=Severity.WARNING,
    summary="An action past its due date on assessed_on (or --today) and not done.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
