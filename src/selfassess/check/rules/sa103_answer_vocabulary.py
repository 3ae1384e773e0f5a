"""An answer outside the code's vocabulary.

What it checks:
    That every answer is one the code allows (for the Complaint Handling Code: Yes, No, Partial,
    N/A). Case and punctuation do not matter, so `yes` and `Yes.` are the same answer as `Yes`;
    anything else is reported with the answer that was probably meant, knowing what people type
    for each (the code's `aliases`: `Complies` and `Fully compliant` mean `Yes`).

Why it matters:
    An answer selfassess cannot read is an answer it cannot check, and it prints as written in
    the published form: `YAC` in a document the board signs.

Failing example:
    ```yaml
    responses:
      "2.5":
        answer: YAC
        evidence: [complaints-policy]
      "2.6":
        answer: Fully compliant
        evidence: [complaints-policy]
    ```

Passing example:
    ```yaml
    responses:
      "2.5":
        answer: "Yes"
        evidence: [complaints-policy]
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.didyoumean import suggest


def check(context: Context) -> Iterator[Problem]:
    assessment, code = context.answering()
    vocabulary = code.answers
    for number, response in assessment.responses.items():
        written = response.answer
        if not (written or "").strip() or vocabulary.meaning(written or "") is not None:
            continue
        spellings = vocabulary.spellings
        meant = suggest(written or "", spellings)
        hint = f" — did you mean '{spellings[meant]}'?" if meant else "."
        yield Problem(
            ("responses", number, "answer"),
            f"Answer '{written}' is not one of {vocabulary.listed()}{hint}",
            number,
        )


RULE = Rule(
    id="SA103",
    name="answer-vocabulary",
    severity=Severity.ERROR,
    summary="An answer outside the code's vocabulary.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
