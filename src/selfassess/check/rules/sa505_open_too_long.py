"""A response still open long after the meeting that raised it.

What it checks:
    In a tracker, every recommendation, request or action whose response is still open ("In
    Progress", "Consider in more detail", "Awaiting response" in the code's own words) on the
    date the tracker speaks for (or `--today`): it should not be open more than 90 days after
    the meeting that raised it (`raised_on`). The number of days is an option:
    `[rules.SA505] days = 120` in selfassess.toml.

Why it matters:
    A scrutiny committee tracks its recommendations so that none is quietly forgotten. A request
    still "In Progress" half a year after the meeting is one the committee should chase.

Failing example:
    ```yaml
    # in the code:  - {number: "7", raised_on: "12.12.23", kind: information-request, text: …}
    assessed_on: 2024-06-20
    responses:
      "7":
        answer: "In Progress"
        commentary: Awaiting response.
    ```

Passing example:
    ```yaml
    assessed_on: 2024-02-20
    responses:
      "7":
        answer: "In Progress"
        commentary: Awaiting response.
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.answers import answered, named
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.options import RuleOption
from selfassess.check.rule import Rule
from selfassess.model.code import OPEN_MEANINGS
from selfassess.timelimits.calendar import long_date

DAYS = RuleOption(
    "days",
    default=90,
    meaning="a whole number of days above 0",
    describes="how many days after the meeting that raised it a response may stay open",
)
_KIND_WORDS = {
    "recommendation": "Recommendation",
    "information-request": "Request for information",
    "action": "Action",
}


def check(context: Context) -> Iterator[Problem]:
    today = context.reference_date
    if today is None:
        return
    allowed = context.option("SA505", DAYS)
    for item in answered(context):
        raised = item.provision.raised_on
        if item.meaning not in OPEN_MEANINGS or raised is None or raised.value is None:
            continue
        age = (today - raised.value).days
        if age <= allowed:
            continue
        yield Problem(
            ("responses", item.number, "answer"),
            f"{named(item.provision)}, raised on {raised.text}, is still "
            f"'{item.response.answer}' {age} days later (on {long_date(today)}); chase a response, "
            "or say why it is still open.",
            item.number,
        )


RULE = Rule(
    id="SA505",
    name="open-too-long",
    severity=Severity.WARNING,
    summary="A response still open long after the meeting that raised it (90 days, configurable).",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
    options=(DAYS,),
)
