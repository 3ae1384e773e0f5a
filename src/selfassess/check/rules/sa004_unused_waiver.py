"""A waiver that waives nothing.

What it checks:
    Every `waive:` entry of a response, after the other checks have run: a waiver of a rule
    that ran and found nothing at its provision is set aside for nothing. It is judged only for
    rules that ran (a rule turned off by `--ignore` or the configuration could have found
    something) and only for waivers SA003 accepts. A waiver of a rule that speaks of the whole
    file rather than of one provision (such as SA601, approval) never waives anything, so it is
    reported too.

Why it matters:
    A waiver stays in the file after the problem it excused is fixed. Left there, it hides the
    next finding of that rule at that provision without anyone deciding it should: the board
    would never see it. Remove it, and write a new one, with its reason, if the finding returns.

Failing example:
    ```yaml
    responses:
      "1.6":
        answer: "Yes"
        evidence: [satisfaction-survey]
        waive: {SA201: "Survey scripts were seen by the auditor"}
    ```

Passing example:
    ```yaml
    responses:
      "1.6":
        answer: "Yes"
        evidence: [satisfaction-survey]
    ```
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence

from selfassess.check.context import Context
from selfassess.check.findings import Finding, Problem, Severity
from selfassess.check.rule import Rule
from selfassess.check.waivers import UNWAIVABLE


def review(context: Context, findings: Sequence[Finding], ran: Collection[str]) -> Iterator[Problem]:
    """Judged on the other rules' findings, so the engine runs it after them."""
    assessment, _ = context.answering()
    waived = {(finding.rule, finding.provision) for finding in findings if finding.waived is not None}
    for number, response in assessment.responses.items():
        for rule, reason in response.waive.items():
            if rule in UNWAIVABLE or rule not in ran or not (reason or "").strip():
                continue  # SA003 says what is wrong with these; an unrun rule might have found something
            if (rule, number) not in waived:
                yield Problem(
                    ("responses", number, "waive", rule),
                    f"The waiver of {rule} waives nothing: {rule} finds nothing at {number} now; remove "
                    "the waiver, so that it cannot hide a finding that comes later.",
                    number,
                    at_key=True,
                )


RULE = Rule(
    id="SA004",
    name="unused-waiver",
    severity=Severity.WARNING,
    summary="A waiver that waives nothing: the rule it sets aside finds nothing at its provision.",
    applies_to="assessment",
    doc=__doc__ or "",
    review=review,
)
