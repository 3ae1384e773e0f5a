"""A waiver without a reason, or one that cannot apply.

What it checks:
    Every `waive:` entry of a response. A response may waive a rule for its provision with a
    reason (`waive: {SA201: "evidence held offline by the auditor"}`); the reason is required,
    the rule must exist, and the checks that say the form cannot be read or is incomplete
    cannot be waived: SA001, SA003, SA004 (a waiver that waives nothing), a gap (SA101), a
    response to no provision (SA102), an answer outside the vocabulary (SA103) and a date that
    does not exist (SA503). Fix those; a provision that does not apply is answered "N/A".

Why it matters:
    A waived finding still appears, marked as waived with its reason, in every report; a waiver
    without a reason is a finding hidden from the board with no explanation.

Failing example:
    ```yaml
    responses:
      "1.6":
        answer: "Yes"
        waive: {SA201: ""}
    ```

Passing example:
    ```yaml
    responses:
      "1.6":
        answer: "Yes"
        waive: {SA201: "Survey scripts are held by our research contractor and were seen by the auditor"}
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.check.waivers import UNWAIVABLE


def check(context: Context) -> Iterator[Problem]:
    assessment, _ = context.answering()
    for number, response in assessment.responses.items():
        for rule, reason in response.waive.items():
            loc = ("responses", number, "waive", rule)
            if rule not in context.rule_ids:
                yield Problem(
                    loc,
                    f"There is no rule {rule} to waive; 'selfassess rules' lists them.",
                    number,
                    at_key=True,
                )
            elif rule in UNWAIVABLE:
                yield Problem(
                    loc, f"{rule} cannot be waived: fix what it reports instead.", number, at_key=True
                )
            elif not (reason or "").strip():
                yield Problem(
                    loc,
                    f"The waiver of {rule} gives no reason; say why the finding does not apply here.",
                    number,
                )


RULE = Rule(
    id="SA003",
    name="waiver",
    severity=Severity.ERROR,
    summary="A waiver without a reason, or one that cannot apply.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
