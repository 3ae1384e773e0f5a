"""Answered as met, but no evidence cited where the code expects evidence.

What it checks:
    That every provision answered as met (for the Complaint Handling Code, "Yes") cites at
    least one piece of evidence under `evidence:`, unless the code marks the provision's
    evidence as optional.

Why it matters:
    The Ombudsman reads "Yes" with nothing beside it as an assertion, not an assessment. An
    auditor will ask for the evidence; it is quicker to name it now.

Failing example:
    ```yaml
    responses:
      "1.6":
        answer: "Yes"
        commentary: We tell residents how to complain when they answer our surveys.
    ```

Passing example:
    ```yaml
    responses:
      "1.6":
        answer: "Yes"
        evidence: [survey-script]
        commentary: We tell residents how to complain when they answer our surveys.
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.answers import answered, unit
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule


def check(context: Context) -> Iterator[Problem]:
    _, code = context.answering()
    for item in answered(context):
        if item.meaning != "met" or item.provision.evidence != "expected" or item.response.evidence:
            continue
        yield Problem(
            ("responses", item.number, "answer"),
            f"{unit(code)} {item.number} is answered '{item.response.answer}' but cites no evidence; "
            "list the documents that show it is met, under evidence.",
            item.number,
        )


RULE = Rule(
    id="SA201",
    name="met-without-evidence",
    severity=Severity.WARNING,
    summary="Answered as met, but no evidence cited where the code expects evidence.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
