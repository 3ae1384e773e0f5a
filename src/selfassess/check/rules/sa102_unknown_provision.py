"""A response to a provision number the code does not have.

What it checks:
    That every key under `responses:` is the number of a provision of the code. Where the number
    is a slip (`6.30` for `6.3`), it says which provision was probably meant, preferring one
    that has no response yet (for the first 500 unknown numbers of a file: a file with more
    was written against another code, and guessing for each would only cost time).

Why it matters:
    A response filed under the wrong number is published against nothing, and the provision it
    was meant for shows as unanswered.

Failing example:
    ```yaml
    responses:
      "6.30":
        answer: "Yes"
        evidence: [complaints-policy]
    ```

Passing example:
    ```yaml
    responses:
      "6.3":
        answer: "Yes"
        evidence: [complaints-policy]
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.didyoumean import MAX_SUGGESTED, Candidates


def check(context: Context) -> Iterator[Problem]:
    assessment, code = context.answering()
    unknown = [number for number in assessment.responses if number not in code.provisions]
    if not unknown:
        return
    unanswered = Candidates(number for number in code.provisions if number not in assessment.responses)
    every = Candidates(code.provisions)
    for count, number in enumerate(unknown):
        meant = (unanswered.suggest(number) or every.suggest(number)) if count < MAX_SUGGESTED else None
        hint = f" — did you mean '{meant}'?" if meant else "."
        yield Problem(
            ("responses", number),
            f"There is no provision {number} in {code.title} ({code.id}){hint}",
            number,
            at_key=True,
        )


RULE = Rule(
    id="SA102",
    name="unknown-provision",
    severity=Severity.ERROR,
    summary="A response to a provision number the code does not have.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
