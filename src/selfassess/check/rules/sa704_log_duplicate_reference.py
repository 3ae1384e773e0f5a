"""A complaint's reference is in the complaints log twice.

What it checks:
    Each reference in the log: in a log with a row per complaint it may appear once; in a log
    with a row per stage, once at each stage. The finding is at the later row and names the
    earlier one.

Why it matters:
    A complaint exported twice is counted twice: in the complaints received per 1,000 homes
    (CH01), and in the share answered on time (CH02). Either the row is a copy, or one of the
    two references is mistyped.

Failing example:
    ```yaml
    complaints_log: evidence/complaints-2024-25.csv
    ```

    ```csv
    Reference,Date received,Date acknowledged,Stage 1 response date
    C-1001,02/04/2024,04/04/2024,12/04/2024
    C-1001,02/04/2024,04/04/2024,12/04/2024
    ```

Passing example:
    ```yaml
    complaints_log: evidence/complaints-2024-25.csv
    ```

    ```csv
    Reference,Date received,Date acknowledged,Stage 1 response date
    C-1001,02/04/2024,04/04/2024,12/04/2024
    C-1002,02/04/2024,04/04/2024,12/04/2024
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
    yield from log_problems(context, Kind.DUPLICATE_REFERENCE)


RULE = Rule(
    id="SA704",
    name="log-duplicate-reference",
    severity=Severity.ERROR,
    summary="A complaint's reference appears twice in the complaints log (twice at one stage).",
    applies_to="log",
    doc=__doc__ or "",
    check=check,
)
