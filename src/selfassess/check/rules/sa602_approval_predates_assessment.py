"""An approval dated before the assessment it approves.

What it checks:
    That the governing body's sign-off under `approved:` is dated on or after the day the
    assessment was made (`assessed_on`) and on or after the last day of the period it speaks for.

Why it matters:
    A board cannot approve an assessment before it exists, nor a year's self-assessment before
    the year has ended. An earlier date is almost always last year's approval carried into this
    year's file, and `render` would then publish a form nobody has approved as approved.
    `migrate` leaves the old approval behind as a comment for this reason.

Failing example:
    ```yaml
    code: hos-chc-2024
    organisation: Fenbrook Homes
    assessed_on: 2025-05-20
    period: {from: 2024-04-01, to: 2025-03-31}
    approved: {by: Board, on: 2024-06-12}
    ```

Passing example:
    ```yaml
    code: hos-chc-2024
    organisation: Fenbrook Homes
    assessed_on: 2025-05-20
    period: {from: 2024-04-01, to: 2025-03-31}
    approved: {by: Board, on: 2025-06-12}
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.timelimits.calendar import long_date


def check(context: Context) -> Iterator[Problem]:
    assessment, _ = context.answering()
    approval = assessment.approved
    approved_on = approval.on.value if approval is not None else None
    if approved_on is None:
        return
    made = assessment.assessed_on.value
    ended = assessment.period.to.value if assessment.period is not None else None
    if made is not None and approved_on < made:
        before = f"before this assessment was made on {long_date(made)}"
    elif ended is not None and approved_on < ended:
        before = f"before the end of the period it covers, {long_date(ended)}"
    else:
        return
    yield Problem(
        ("approved", "on"),
        f"The approval is dated {long_date(approved_on)}, {before}, so it cannot be this "
        "assessment's; record the approval the governing body gives to this one.",
    )


RULE = Rule(
    id="SA602",
    name="approval-predates-assessment",
    severity=Severity.ERROR,
    summary="An approval dated before the assessment it approves.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
