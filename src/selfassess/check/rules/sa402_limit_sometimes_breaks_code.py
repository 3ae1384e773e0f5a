"""A stated time limit in other units breaks the code's on some start days but not others.

What it checks:
    A time limit stated in other units than the code's ("2 weeks" against "10 working days"),
    counted from every day in the assessment's period with the bank holidays of England and
    Wales, that is longer than the code allows on some start days and not on others. The message
    names one start day where it fails and one where it holds, with both due dates.

Why it matters:
    "2 weeks" sounds like 10 working days, but a complaint received on a Saturday, or before a
    bank holiday, is due a day later than the Code allows. Stating the limit in the Code's own
    units removes the doubt.

Failing example:
    ```yaml
    period: {from: 2024-04-01, to: 2025-03-31}
    policy:
      stage1-response: 2 weeks
    ```

Passing example:
    ```yaml
    period: {from: 2024-04-01, to: 2025-03-31}
    policy:
      stage1-response: 10 working days
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.limit_comparisons import beyond_code, code_name, compared, example, stated
from selfassess.check.rule import Rule


def check(context: Context) -> Iterator[Problem]:
    name = code_name(context)
    for item in compared(context):
        comparison = item.comparison
        if comparison is None or not comparison.sometimes_fails:
            continue
        assert comparison.first_fail is not None and comparison.first_hold is not None
        yield Problem(
            item.statement.loc,
            f"{stated(item)}, {beyond_code(item, name)} on {comparison.failing} of {comparison.days} days: "
            f"{example(item, comparison.first_fail)}; {example(item, comparison.first_hold, both=True)}.",
            item.statement.provision,
        )


RULE = Rule(
    id="SA402",
    name="limit-sometimes-breaks-code",
    severity=Severity.WARNING,
    summary="A stated time limit in other units breaks the code's on some start days but not others.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
