"""An action with no owner or no due date.

What it checks:
    That every action names an `owner` (a person or role) and a `due` date.

Why it matters:
    An action nobody owns does not happen, and one with no date cannot be late, so the board is
    never told it has slipped.

Failing example:
    ```yaml
    actions:
      - action: Review the unreasonable behaviour procedure
    ```

Passing example:
    ```yaml
    actions:
      - action: Review the unreasonable behaviour procedure
        owner: Head of Housing Management
        due: 2025-12-31
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.answers import actions, quoted
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule

_ADVICE = {
    ("owner",): "say who is responsible for it",
    ("due date",): "say by when it will be done",
    ("owner", "due date"): "say who is responsible for it and by when it will be done",
}


def check(context: Context) -> Iterator[Problem]:
    for number, index, action in actions(context):
        missing = tuple(
            name for name, value in (("owner", action.owner), ("due date", action.due)) if not value
        )
        if not missing:
            continue
        yield Problem(
            ("responses", number, "actions", index),
            f"The action {quoted(action.action)} has no {' and no '.join(missing)}; {_ADVICE[missing]}.",
            number,
        )


RULE = Rule(
    id="SA502",
    name="action-unowned-or-undated",
    severity=Severity.WARNING,
    summary="An action with no owner or no due date.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
