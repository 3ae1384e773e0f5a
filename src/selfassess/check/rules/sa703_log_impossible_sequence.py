"""A case in the complaints log cannot have happened as it is logged.

What it checks:
    The dates of each case, in order: a complaint acknowledged or answered before it was
    received, escalation asked for before the complaint was received, a stage 2 with no stage 1
    (in a log with a row per stage, a stage 2 row whose reference has no stage 1 row), and, with
    `--today`, a date after today.

Why it matters:
    One of the dates is wrong, and any figure worked out from them would be too: a response
    "before" receipt would count as on time however late it really was. The case is still
    counted as received, but its times are not judged until the dates are put right.

Failing example:
    ```yaml
    complaints_log: evidence/complaints-2024-25.csv
    ```

    ```csv
    Reference,Date received,Date acknowledged,Stage 1 response date
    C-1001,12/04/2024,15/04/2024,02/04/2024
    ```

Passing example:
    ```yaml
    complaints_log: evidence/complaints-2024-25.csv
    ```

    ```csv
    Reference,Date received,Date acknowledged,Stage 1 response date
    C-1001,02/04/2024,04/04/2024,12/04/2024
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.log_findings import log_problems
from selfassess.check.rule import Rule
from selfassess.complaints.problems import Kind


def check(context: Context) -> Iterator[Problem]:
    yield from log_problems(context, Kind.IMPOSSIBLE_SEQUENCE)


RULE = Rule(
    id="SA703",
    name="log-impossible-sequence",
    severity=Severity.ERROR,
    summary="A logged case cannot have happened as written: a response before receipt, stage 2 without 1.",
    applies_to="log",
    doc=__doc__ or "",
    check=check,
)
