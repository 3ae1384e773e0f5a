"""Answered as met, but the complaints log shows the time limit missed.

What it checks:
    Every provision that sets a stage 1 or stage 2 time limit (acknowledging, responding,
    extending) and is answered as met ("Yes"), against the complaints log the assessment names
    (`complaints_log:`, or `check --log`). Each case is judged in working days, bank holidays of
    England and Wales excluded, by the code's own limits, and counted in the assessment's period
    by the day it was acknowledged or answered. The message gives the figures: how many of the
    period's acknowledgements or responses took longer than the limit.

Why it matters:
    A "Yes" to "respond within 10 working days" is a statement of fact that the log can prove or
    disprove, and the Ombudsman, the Regulator and residents read both. When the log shows late
    responses, the honest answer is "Partial", with an action to put it right, or the log is
    wrong and needs correcting first.

Failing example:
    ```yaml
    complaints_log: evidence/complaints-2024-25.csv
    responses:
      "6.3":
        answer: "Yes"
        evidence: [complaints-policy]
    ```

    ```csv
    Reference,Date received,Date acknowledged,Stage 1 response date
    C-1001,02/04/2024,04/04/2024,12/04/2024
    C-1002,03/04/2024,05/04/2024,26/04/2024
    ```

Passing example:
    ```yaml
    complaints_log: evidence/complaints-2024-25.csv
    responses:
      "6.3":
        answer: "Partial"
        evidence: [complaints-policy]
        commentary: One stage 1 response in April was late.
        actions:
          - action: Daily report of complaints nearing their due date
            owner: Complaints Manager
            due: 2025-09-30
    ```

    ```csv
    Reference,Date received,Date acknowledged,Stage 1 response date
    C-1001,02/04/2024,04/04/2024,12/04/2024
    C-1002,03/04/2024,05/04/2024,26/04/2024
    ```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from selfassess.check.answers import answered, provision_said
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule

if TYPE_CHECKING:
    from selfassess.complaints.measures import Measures, StageFigures


def _measures(context: Context) -> Measures | None:
    if context.complaints is None or not context.complaints.readable:
        return None
    period = context.complaints_period
    if period is None:
        return None
    # Measuring a log loads numpy (a third of a second): only for an assessment with a log.
    from selfassess.complaints.measures import measures

    return measures(context.complaints, period)


def _late(figures: StageFigures, what: str) -> tuple[int, int, str] | None:
    """(late, of how many, what they are and what they took longer than), for one kind of limit."""
    stage = f"stage {figures.stage}"
    if what == "acknowledge" and figures.acknowledge_limit:
        share = figures.acknowledgements
        return (
            share.missed,
            share.done,
            f"{stage} acknowledgements in the period took longer than {figures.acknowledge_limit}",
        )
    if what == "response" and figures.respond_limit:
        return (
            figures.late_without_extension,
            figures.responses.done,
            f"{stage} responses in the period took longer than {figures.respond_limit} "
            "with no extension agreed",
        )
    if what == "extension" and figures.respond_limit:
        share = figures.extended
        beyond = (
            f", or were extended by more than the {figures.extend_limit} the code allows"
            if figures.extend_limit
            else ""
        )
        return (
            share.missed,
            share.done,
            f"{stage} responses with an extension in the period came after the date agreed{beyond}",
        )
    return None


def check(context: Context) -> Iterator[Problem]:
    figures = context.derived("complaints-measures", _measures)
    if figures is None:
        return
    _, code = context.answering()
    for item in answered(context):
        if item.meaning != "met":
            continue
        for key in item.provision.time_limits:
            stage, _, what = key.partition("-")
            if stage not in ("stage1", "stage2"):
                continue
            found = _late(figures.stages[0 if stage == "stage1" else 1], what)
            if found is None or not found[0]:
                continue
            late, done, said = found
            yield Problem(
                ("responses", item.number, "answer"),
                f"{provision_said(item, code)} is answered '{item.response.answer}', "
                f"but {late:,} of {done:,} "
                f"{said.replace(' in the period', f' in the period ({100 * late / done:.1f}%)', 1)}; answer "
                "'Partial' with an action, or correct the log.",
                item.number,
            )


RULE = Rule(
    id="SA406",
    name="met-but-log-shows-late",
    severity=Severity.WARNING,
    summary="Answered as met, but the complaints log shows cases in the period outside the time limit.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
