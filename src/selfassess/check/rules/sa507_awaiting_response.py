"""A recommendation or request in a tracker that has no response yet.

What it checks:
    In a tracker (a committee's recommendations, a commission's, an improvement plan), every
    recommendation, request and action of the code that has no response in the tracker, or a
    response with no answer (status) yet.

Why it matters:
    A committee keeps a tracker so that every recommendation gets an answer. One that has none
    is the first thing the committee will ask about, and the clerk should see it first.

Failing example:
    ```yaml
    responses:
      "7":
        answer: "In Progress"
      # recommendation 8 has no response yet
    ```

Passing example:
    ```yaml
    responses:
      "7":
        answer: "In Progress"
      "8":
        answer: "Done"
        commentary: The policy was published in plain English in March 2024.
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.answers import named
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule


def check(context: Context) -> Iterator[Problem]:
    assessment, code = context.answering()
    if not code.is_tracker:
        return  # in a self-assessment a missing answer is a gap: SA101
    for number, provision in code.provisions.items():
        if context.is_unreadable(("responses", number)):
            continue
        response = assessment.responses.get(number)
        if response is not None and (response.answer or "").strip():
            continue
        loc = ("responses", number, "answer") if response is not None else ("responses",)
        raised = f", raised on {provision.raised_on.text}," if provision.raised_on is not None else ""
        yield Problem(
            loc,
            f"{named(provision)}{raised} has no response yet; record the response when it is known.",
            number,
            at_key=response is None,
        )


RULE = Rule(
    id="SA507",
    name="awaiting-response",
    severity=Severity.WARNING,
    summary="A recommendation or request in a tracker that has no response yet.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
