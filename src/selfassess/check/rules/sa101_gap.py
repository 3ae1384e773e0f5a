"""A provision of the code has no response (a gap).

What it checks:
    That every provision of the code has a response with an answer. A provision that is missing
    from `responses:`, or whose `answer:` is empty, is a gap. In a tracker, where a
    recommendation awaiting the council's response is normal, SA507 reports it instead.

Why it matters:
    The Ombudsman asks landlords to answer every provision. A gap in the published form reads as
    something the organisation did not want to answer.

Failing example:
    ```yaml
    responses:
      "6.2":
        answer: "Yes"
        evidence: [complaints-policy]
      # 6.3 is not answered
    ```

Passing example:
    ```yaml
    responses:
      "6.2":
        answer: "Yes"
        evidence: [complaints-policy]
      "6.3":
        answer: "Partial"
        commentary: Stage 1 responses were on time in 87% of cases.
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.answers import unit
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule


def check(context: Context) -> Iterator[Problem]:
    assessment, code = context.answering()
    if code.is_tracker:
        return  # SA507 says it, as the warning a tracker's pending response is
    choices = code.answers.listed()
    for number in code.provisions:
        if context.is_unreadable(("responses", number)):
            continue  # it is there, and SA001 has said what is wrong with it
        response = assessment.responses.get(number)
        if response is None:
            yield Problem(
                ("responses",),
                f"{unit(code)} {number} has no response; answer it with one of {choices}.",
                number,
                at_key=True,
            )
        elif not (response.answer or "").strip():
            yield Problem(
                ("responses", number, "answer"),
                f"{unit(code)} {number} has no answer; answer it with one of {choices}.",
                number,
            )


RULE = Rule(
    id="SA101",
    name="gap",
    severity=Severity.ERROR,
    summary="A provision of the code has no response (a gap).",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
