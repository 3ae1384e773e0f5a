"""A logged extension is longer than the code allows.

What it checks:
    Each extension in the complaints log (a number of working days, or the date agreed for the
    response) against the code's limit for it: under the Complaint Handling Code 2024, no more
    than 10 working days at stage 1 and 20 at stage 2. The response is then judged against the
    latest date the code allows, not the date agreed.

Why it matters:
    The Code lets a landlord extend a response only so far, and only with good reason, telling
    the resident and giving the Ombudsman's details. A longer extension does not make a late
    response on time, and a log that shows them contradicts any "Yes" to the extension provisions.

Failing example:
    ```yaml
    complaints_log: evidence/complaints-2024-25.csv
    ```

    ```csv
    Reference,Date received,Date acknowledged,Stage 1 response date,Extension (working days)
    C-1001,02/04/2024,04/04/2024,09/05/2024,15
    ```

Passing example:
    ```yaml
    complaints_log: evidence/complaints-2024-25.csv
    ```

    ```csv
    Reference,Date received,Date acknowledged,Stage 1 response date,Extension (working days)
    C-1001,02/04/2024,04/04/2024,02/05/2024,10
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
    yield from log_problems(context, Kind.EXTENSION_BEYOND_CODE)


RULE = Rule(
    id="SA705",
    name="log-extension-beyond-code",
    severity=Severity.WARNING,
    summary="An extension in the complaints log is longer than the code allows (10 working days at stage 1).",
    applies_to="log",
    doc=__doc__ or "",
    check=check,
)
