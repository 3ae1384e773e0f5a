"""An action that finishes after the deadline of the recommendation it serves.

What it checks:
    In an improvement plan, every action with a due date against the deadlines of the
    recommendation it sits under and of those it also `serves` (a part such as "R3.1" counts
    for its recommendation R3): an action due after such a deadline cannot deliver that
    recommendation on time.

Why it matters:
    An inspector's recommendation comes with a timescale. A plan whose actions finish after it
    has already missed it, however green its status column looks.

Failing example:
    ```yaml
    # in the code: deadlines: {r1: {due: "2009-11-30"}}, and R1 lists deadlines: [r1]
    responses:
      "R1":
        actions:
          - ref: A.19
            action: Revise rents and arrears function
            owner: Andrew Wilson
            due: 15/12/09
    ```

Passing example:
    ```yaml
    responses:
      "R1":
        actions:
          - ref: A.19
            action: Revise rents and arrears function
            owner: Andrew Wilson
            due: 08/10/09
    ```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from selfassess.check.answers import actions, quoted
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.model.code import Code
from selfassess.timelimits.calendar import long_date
from selfassess.timelimits.deadlines import occurrence
from selfassess.wording import mid_sentence

_PART = re.compile(r"\.\d+$")


def _provision_of(reference: str, code: Code) -> str | None:
    """The provision a reference names: itself, or the recommendation of a part ('R3.1' -> 'R3')."""
    while reference:
        if reference in code.provisions:
            return reference
        shorter = _PART.sub("", reference)
        if shorter == reference:
            return None
        reference = shorter
    return None


def check(context: Context) -> Iterator[Problem]:
    assessment, code = context.answering()
    period_to = assessment.period.to.value if assessment.period is not None else None
    reference = assessment.assessed_on.value
    for number, index, action in actions(context):
        due = action.due.value if action.due is not None else None
        if due is None:
            continue
        served = [number, *(p for p in (_provision_of(s.strip(), code) for s in action.serves) if p)]
        deadlines: list[tuple[date, str, str]] = []
        for provision_number in dict.fromkeys(served):
            for key in (
                code.provisions[provision_number].deadlines if provision_number in code.provisions else ()
            ):
                deadline = code.deadlines.get(key)
                if deadline is None:
                    continue
                schedule = deadline.schedule
                falls = (
                    date(schedule.year, schedule.month, schedule.day)
                    if schedule.year is not None
                    else (occurrence(schedule, period_to, reference) if reference else None)
                )
                if falls is not None and due > falls:
                    deadlines.append((falls, provision_number, deadline.describes or key))
        if not deadlines:
            continue
        falls, provision_number, describes = min(deadlines)
        label = f"{action.ref} " if action.ref else ""
        yield Problem(
            ("responses", number, "actions", index, "due"),
            f"The action {label}{quoted(action.action, 50)} is due on {long_date(due)}, after the deadline "
            f"of {provision_number}, {long_date(falls)} ({mid_sentence(describes)}).",
            number,
        )


RULE = Rule(
    id="SA506",
    name="action-after-deadline",
    severity=Severity.ERROR,
    summary="An action that finishes after the deadline of the recommendation it serves.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
