"""Not met or partly met, with no action that has an owner and a due date.

What it checks:
    That every provision answered as not met or partly met has at least one action under
    `actions:` with both an `owner` and a `due` date.

Why it matters:
    Where a landlord does not comply, the Code expects it to say by when it will. An action
    without an owner is nobody's job; one without a date is never late.

Failing example:
    ```yaml
    responses:
      "6.3":
        answer: "Partial"
        commentary: Stage 1 responses were on time in 87% of cases.
        actions:
          - action: Improve response times
    ```

Passing example:
    ```yaml
    responses:
      "6.3":
        answer: "Partial"
        commentary: Stage 1 responses were on time in 87% of cases.
        actions:
          - action: Daily report of complaints nearing their due date
            owner: Complaints Manager
            due: 2025-09-30
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.answers import answered, provision_said
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.model.code import SHORTFALL_MEANINGS


def check(context: Context) -> Iterator[Problem]:
    _, code = context.answering()
    for item in answered(context):
        if item.meaning not in SHORTFALL_MEANINGS:
            continue
        # A due date written but unreadable still counts here; SA503 reports the date itself.
        if any(action.owner and action.due for action in item.response.actions):
            continue
        where = "actions" if item.response.actions else "answer"
        yield Problem(
            ("responses", item.number, where),
            f"{provision_said(item, code)} is answered '{item.response.answer}' but has no action with an "
            "owner and a due date; add an action saying who will put it right and by when.",
            item.number,
        )


RULE = Rule(
    id="SA302",
    name="shortfall-without-action",
    severity=Severity.ERROR,
    summary="Not met or partly met, with no action that has an owner and a due date.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
