"""Evidence dated more than 12 months before the assessment.

What it checks:
    Every entry of the evidence register that gives a `dated:` (when the document was issued or
    last reviewed): it should be no more than 12 months older than `assessed_on`.

Why it matters:
    A policy last reviewed two years ago may not say what the assessment claims it says, and the
    Code expects policies to be kept in line with it. Either the document has been reviewed since
    (give the date) or it needs reviewing.

Failing example:
    ```yaml
    assessed_on: 2025-05-20
    evidence:
      complaints-policy:
        title: Complaints policy
        dated: 2023-04-01
    ```

Passing example:
    ```yaml
    assessed_on: 2025-05-20
    evidence:
      complaints-policy:
        title: Complaints policy
        dated: 2025-01-15
    ```
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from selfassess.check.answers import quoted
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.timelimits.calendar import long_date


def _a_year_before(day: date) -> date:
    return day.replace(year=day.year - 1) if (day.month, day.day) != (2, 29) else date(day.year - 1, 2, 28)


def check(context: Context) -> Iterator[Problem]:
    assessment, _ = context.answering()
    if assessment.assessed_on.value is None:
        return
    assessed_on = assessment.assessed_on.value
    oldest_allowed = _a_year_before(assessed_on)
    for key, item in assessment.evidence.items():
        dated = item.dated.value if item.dated is not None else None
        if dated is None or dated >= oldest_allowed:
            continue
        yield Problem(
            ("evidence", key, "dated"),
            f"{quoted(item.title)} is dated {long_date(dated)}, more than 12 months before this "
            f"assessment ({long_date(assessed_on)}); check it is still current and give the date it was "
            "last reviewed.",
        )


RULE = Rule(
    id="SA202",
    name="stale-evidence",
    severity=Severity.WARNING,
    summary="Evidence dated more than 12 months before assessed_on.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
