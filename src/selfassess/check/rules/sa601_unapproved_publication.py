"""An assessment being published without the governing body's approval.

What it checks:
    Run by `check --for-publication` and before every `render`: that a self-assessment records
    the governing body's sign-off under `approved:` (who, and on which date). A committee's
    tracker is its working paper, and needs no such sign-off to be published.

Why it matters:
    The Code requires the self-assessment to be reported to the governing body and published
    with its response. A form published before the board has seen it is not the landlord's
    self-assessment yet.

Failing example:
    ```yaml
    code: hos-chc-2024
    organisation: Fenbrook Homes
    assessed_on: 2025-05-20
    ```

Passing example:
    ```yaml
    code: hos-chc-2024
    organisation: Fenbrook Homes
    assessed_on: 2025-05-20
    approved: {by: Board, on: 2025-06-12}
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule


def check(context: Context) -> Iterator[Problem]:
    assessment, code = context.answering()
    if not context.for_publication or assessment.approved is not None or code.is_tracker:
        return
    yield Problem(
        (),
        f"This assessment has not been approved by the {code.term('governing body')}; record the "
        "approval, as approved: {by: Board, on: DATE}, before publishing it.",
    )


RULE = Rule(
    id="SA601",
    name="unapproved-publication",
    severity=Severity.ERROR,
    summary="An assessment being published without the governing body's approval.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
