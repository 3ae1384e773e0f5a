"""The complaints log cannot be read.

What it checks:
    The complaints log an assessment names under `complaints_log:` (or `check --log`, or
    `selfassess complaints LOG`): that it lies inside the assessment's folder, exists, is a CSV
    or Excel file, and has a heading row with a column for each complaint's reference and the
    date it was received. Other columns are found by their headings (`Date acknowledged`,
    `Stage 1 response date`, `Escalated`, `Tenure` …) or named in `selfassess.toml` under
    `[complaints.columns]`; a column named there that the log does not have is reported, with
    the heading you probably meant.

Why it matters:
    A log that cannot be read cannot show whether complaints were answered in time, so the
    answers about time limits go unchecked and the Regulator's measures cannot be counted. A log
    outside the assessment's folder works on one computer only.

Failing example:
    ```yaml
    complaints_log: ../../housing/complaints-2024-25.csv
    ```

Passing example:
    ```yaml
    complaints_log: evidence/complaints-2024-25.csv
    ```

    ```csv
    Reference,Date received,Date acknowledged,Stage 1 response date
    C-1001,02/04/2024,04/04/2024,16/04/2024
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
    if context.complaints_trouble is not None:
        yield Problem(("complaints_log",), context.complaints_trouble)
    yield from log_problems(context, Kind.UNREADABLE_LOG)


RULE = Rule(
    id="SA701",
    name="log-unreadable",
    severity=Severity.ERROR,
    summary="The complaints log cannot be read: missing, outside the folder, or without a column it needs.",
    applies_to="log",
    doc=__doc__ or "",
    check=check,
)
