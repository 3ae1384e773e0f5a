"""A stated time limit breaks the code's on every start day.

What it checks:
    Every time limit the assessment states, in `policy:` or in a sentence of commentary, against
    the code's: counted from every day in the assessment's period (or the 365 days up to
    `assessed_on`), with the bank holidays of England and Wales. A limit longer than the code
    allows on every one of those days (or, for a minimum such as the 12 months residents have to
    complain, shorter on every day) is an error. The message shows the arithmetic for one day.

Why it matters:
    A policy that gives longer than the Code allows does not comply, whatever the performance
    figures say, and the Ombudsman checks published policies against the Code.

Failing example:
    ```yaml
    policy:
      stage2-response: 30 working days
    ```

Passing example:
    ```yaml
    policy:
      stage2-response: 20 working days
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.limit_comparisons import (
    beyond_code,
    code_name,
    compared,
    example,
    stated,
    stated_against_code,
)
from selfassess.check.rule import Rule


def check(context: Context) -> Iterator[Problem]:
    name = code_name(context)
    for item in compared(context):
        statement = item.statement
        if item.outside is not None:
            yield Problem(
                statement.loc,
                f"{stated_against_code(item, name)}, but they cannot be compared: {item.outside}",
                statement.provision,
            )
            continue
        comparison = item.comparison
        if comparison is None or not comparison.always_fails:
            continue
        yield Problem(
            statement.loc,
            f"{stated(item)}, {beyond_code(item, name)} whatever the day: {example(item, comparison.first)}.",
            statement.provision,
        )


RULE = Rule(
    id="SA401",
    name="limit-always-breaks-code",
    severity=Severity.ERROR,
    summary=(
        "A stated time limit is longer than the code allows (or shorter, for a minimum) "
        "whatever day it starts."
    ),
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
