"""Not met or partly met, with no commentary explaining why.

What it checks:
    That every provision answered as not met or partly met ("No" or "Partial") has commentary
    saying what falls short and why.

Why it matters:
    The Ombudsman's Code says that where a landlord does not comply, its self-assessment must
    explain why and say when it will. A bare "No" tells residents and the board nothing.

Failing example:
    ```yaml
    responses:
      "6.3":
        answer: "Partial"
    ```

Passing example:
    ```yaml
    responses:
      "6.3":
        answer: "Partial"
        commentary: Stage 1 responses were on time in 87% of cases (358 of 412).
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.answers import answered, provision_said
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.model.code import SHORTFALL_MEANINGS


def check(context: Context) -> Iterator[Problem]:
    _, code = context.answering()
    for item in answered(context):
        if item.meaning in SHORTFALL_MEANINGS and not (item.response.commentary or "").strip():
            yield Problem(
                ("responses", item.number, "answer"),
                f"{provision_said(item, code)} is answered '{item.response.answer}' with no commentary; "
                "say what falls short and why.",
                item.number,
            )


RULE = Rule(
    id="SA301",
    name="shortfall-unexplained",
    severity=Severity.ERROR,
    summary="Not met or partly met, with no commentary explaining why.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
