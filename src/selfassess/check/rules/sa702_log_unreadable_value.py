"""A cell of the complaints log cannot be read.

What it checks:
    Every cell of the columns selfassess reads from a complaints log: a date that does not exist
    (`31/02/2024`) or cannot be read as a date, a date received left blank, a stage that is not 1
    or 2, an extension that is neither a date nor a number of working days, a tenure it does not
    know. Dates are read the British way, day first, with or without a time of day. A cell that
    is not shaped like a date is never quoted back, as it may hold a name or an address.

Why it matters:
    A case with an unreadable date cannot be judged, and is left out of the figures it needs
    that date for: every one of them makes the Regulator's measures less true. The report says
    how many rows could not be judged; this finding says where each one is.

Failing example:
    ```yaml
    complaints_log: evidence/complaints-2024-25.csv
    ```

    ```csv
    Reference,Date received,Date acknowledged,Stage 1 response date
    C-1001,31/02/2024,04/03/2024,14/03/2024
    ```

Passing example:
    ```yaml
    complaints_log: evidence/complaints-2024-25.csv
    ```

    ```csv
    Reference,Date received,Date acknowledged,Stage 1 response date
    C-1001,29/02/2024,04/03/2024,14/03/2024
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
    yield from log_problems(context, Kind.UNREADABLE_VALUE)


RULE = Rule(
    id="SA702",
    name="log-unreadable-value",
    severity=Severity.ERROR,
    summary="A cell of the complaints log cannot be read: a date that does not exist, a blank date received.",
    applies_to="log",
    doc=__doc__ or "",
    check=check,
)
