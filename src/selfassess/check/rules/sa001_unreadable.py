"""The file cannot be read.

What it checks:
    That the file is YAML selfassess can read and that every field is one the format knows,
    holding the right kind of value: YAML syntax, a key written twice, a field selfassess does
    not know (with the field you probably meant), text where a list belongs, a file that is not
    UTF-8, a time limit in `policy:` that the code does not have, and a file or folder that
    cannot be opened at all (a link in a loop of links, a folder you may not read, a folder
    nested too deep to search), so that no file is left unchecked without a word.

Why it matters:
    A value selfassess cannot read is a value nobody has checked. A key written twice is worse:
    most tools silently keep the second one, so half of what you wrote disappears without a word.

Failing example:
    ```yaml
    responses:
      "6.3":
        answer: "Partial"
        evidnce: [complaints-policy]
        answer: "Yes"
    ```

Passing example:
    ```yaml
    responses:
      "6.3":
        answer: "Partial"
        evidence: [complaints-policy]
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.didyoumean import end_with_hint


def _provision_of(loc: tuple[str | int, ...]) -> str | None:
    return str(loc[1]) if len(loc) >= 2 and loc[0] == "responses" else None


def check(context: Context) -> Iterator[Problem]:
    for problem in context.document.problems:
        yield Problem(problem.loc, problem.message, _provision_of(problem.loc), position=problem.position)
    assessment, code = context.assessment, context.code
    if assessment is None or code is None:
        return
    for key in assessment.policy:
        if key not in code.time_limits:
            yield Problem(
                ("policy", key),
                f"'{key}' is not a time limit of {code.id}{end_with_hint(key, code.time_limits)}",
                at_key=True,
            )
    for key in assessment.deadlines:
        deadline = code.deadlines.get(key)
        if deadline is None:
            yield Problem(
                ("deadlines", key),
                f"'{key}' is not a deadline of {code.id}{end_with_hint(key, code.deadlines)}",
                at_key=True,
            )
        elif not deadline.varies:
            yield Problem(
                ("deadlines", key),
                f"The deadline '{key}' is fixed by {code.id} at {deadline.due}; "
                "an assessment cannot set its own date for it.",
                at_key=True,
            )


RULE = Rule(
    id="SA001",
    name="unreadable",
    severity=Severity.ERROR,
    summary="The file cannot be read: YAML syntax, duplicate key, wrong type, unknown field.",
    applies_to="any",
    doc=__doc__ or "",
    check=check,
)
