"""An evidence key that the register does not have.

What it checks:
    Every item a response lists under `evidence:`. An item written like a key (lower-case
    letters, digits and hyphens, such as `complaints-policy`) refers to the evidence register
    and must be in it. Anything else (a title with capitals or spaces, a web address) is taken
    as a title written out in full.

Why it matters:
    A mistyped key is evidence that silently disappears from the published form, beside a "Yes"
    that now looks unsupported.

Failing example:
    ```yaml
    evidence:
      complaints-policy: {title: Complaints policy}
    responses:
      "1.2":
        answer: "Yes"
        evidence: [complaint-policy]
    ```

Passing example:
    ```yaml
    evidence:
      complaints-policy: {title: Complaints policy}
    responses:
      "1.2":
        answer: "Yes"
        evidence: [complaints-policy, "Complaints page on our website"]
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.didyoumean import MAX_SUGGESTED, Candidates, end_with_hint
from selfassess.model.types import KEY_PATTERN


def check(context: Context) -> Iterator[Problem]:
    assessment, _ = context.answering()
    register = assessment.evidence
    keys: Candidates | None = None  # made at the first unknown key: most files have none
    count = 0
    for number, response in assessment.responses.items():
        for index, cited in enumerate(response.evidence):
            if not KEY_PATTERN.fullmatch(cited) or cited in register:
                continue
            if context.is_unreadable(("evidence", cited)):
                continue  # it is in the register, and SA001 has said what is wrong with it
            keys = keys or Candidates(register)
            hint = end_with_hint(cited, keys) if count < MAX_SUGGESTED else "."
            count += 1
            yield Problem(
                ("responses", number, "evidence", index),
                f"The evidence '{cited}' is not in the evidence register{hint}",
                number,
            )


RULE = Rule(
    id="SA204",
    name="unknown-evidence-key",
    severity=Severity.ERROR,
    summary="An evidence key that the register does not have.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
