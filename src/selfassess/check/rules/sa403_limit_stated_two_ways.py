"""The assessment states the same time limit two different ways.

What it checks:
    Every time limit stated more than once, in `policy:` and in commentary: all must say the same
    (10 working days and "ten working days" agree; 10 working days and 15 working days, or "two
    weeks" and 10 working days, do not). It reports the later statement and names the earlier.

Why it matters:
    Residents, staff and the Ombudsman read the published form as one document. Two different
    limits for the same stage leave everyone to guess which applies, and the longer one is the
    one a resident will be held to.

Failing example:
    ```yaml
    policy:
      stage1-response: 10 working days
    responses:
      "6.3":
        answer: "Yes"
        evidence: [complaints-policy]
        commentary: We respond to stage 1 complaints within 15 working days.
    ```

Passing example:
    ```yaml
    policy:
      stage1-response: 10 working days
    responses:
      "6.3":
        answer: "Yes"
        evidence: [complaints-policy]
        commentary: We respond to stage 1 complaints within ten working days.
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.commentary import Statement, statements
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.limit_comparisons import what_for
from selfassess.check.rule import Rule
from selfassess.timelimits.durations import Duration, Unit


def _same(one: Duration, other: Duration) -> bool:
    """Whether two durations always end on the same day (2 weeks and 14 days do)."""

    def in_days_or_months(duration: Duration) -> tuple[int, Unit]:
        if duration.unit is Unit.WEEKS:
            return duration.count * 7, Unit.DAYS
        if duration.unit is Unit.YEARS:
            return duration.count * 12, Unit.MONTHS
        return duration.count, duration.unit

    return in_days_or_months(one) == in_days_or_months(other)


def check(context: Context) -> Iterator[Problem]:
    positions = context.document.positions
    code = context.code
    if code is None:
        return
    first_of: dict[str, Statement] = {}
    for statement in sorted(statements(context), key=lambda s: positions.value(s.loc)):
        first = first_of.setdefault(statement.key, statement)
        if first is statement or _same(first.duration, statement.duration):
            continue
        line = positions.value(first.loc).line
        yield Problem(
            statement.loc,
            f"{statement.source[0].upper()}{statement.source[1:]} gives {statement.written} "
            f"{what_for(code.time_limits[statement.key], statement.key)}, but {first.source} (line {line}) "
            f"gives {first.written}; state it one way.",
            statement.provision,
        )


RULE = Rule(
    id="SA403",
    name="limit-stated-two-ways",
    severity=Severity.WARNING,
    summary="The assessment states the same time limit two different ways.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
