"""A time limit stated as an average.

What it checks:
    Every sentence of commentary that sets one of the code's time limits as a target to be met on
    average: "we aim to respond to stage 1 complaints within 15 working days on average", "our
    target is an average of 8 working days". The message quotes the limit and says what the code
    allows.

Why it matters:
    The Complaint Handling Code sets a limit for every complaint, not an average: an average of 8
    working days can hide complaints answered in 30. A form that states an average tells the
    Ombudsman the landlord does not measure itself against the Code. Say the limit every complaint
    is held to, and report the average as a result if you wish.

Failing example:
    ```yaml
    responses:
      "6.3":
        answer: "Yes"
        evidence: [complaints-policy]
        commentary: We aim to respond to stage 1 complaints within 8 working days on average.
    ```

Passing example:
    ```yaml
    responses:
      "6.3":
        answer: "Yes"
        evidence: [complaints-policy]
        commentary: We respond to every stage 1 complaint within 10 working days.
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.commentary import all_statements
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.limit_comparisons import code_name, what_for
from selfassess.check.rule import Rule


def check(context: Context) -> Iterator[Problem]:
    code = context.code
    if code is None:
        return
    for statement in all_statements(context):
        if not statement.average:
            continue
        limit = code.time_limits[statement.key]
        yield Problem(
            statement.loc,
            f"{statement.source[0].upper()}{statement.source[1:]} sets an average of {statement.written} "
            f"{what_for(limit, statement.key)}, but the {code_name(context)}'s {limit.limit} is a limit for "
            "every complaint, not an average.",
            statement.provision,
        )


RULE = Rule(
    id="SA405",
    name="limit-as-an-average",
    severity=Severity.WARNING,
    summary="A time limit stated as an average, where the code sets a limit for every complaint.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
