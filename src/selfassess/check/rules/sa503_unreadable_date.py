"""A date that does not exist or cannot be read.

What it checks:
    Every date in the file: when the assessment was made and approved, its period, evidence
    dates, action start and due dates, and meeting dates in a tracker. Dates are read the
    British way, day first (`17/06/09` is 17 June 2009), and two-digit years are 20yy. A date
    that does not exist, like `31/11/09`, is reported exactly as written, never corrected. So is
    a year outside 1900 to 2199: `0001` typed for `2025`, or `9999-12-31` written for "no end"
    (leave a date out when it is not known).

Why it matters:
    An action due on a day that does not exist is never overdue, so nobody is ever told it has
    slipped. A wrong date in a board paper is also the first thing an auditor notices.

Failing example:
    ```yaml
    actions:
      - action: Review the tenancy audit process
        owner: Tenancy Services Manager
        start: 1/10/09
        due: 31/11/09
    ```

Passing example:
    ```yaml
    actions:
      - action: Review the tenancy audit process
        owner: Tenancy Services Manager
        start: 1/10/09
        due: 30/11/09
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.load.positions import Loc
from selfassess.timelimits.written_date import OUT_OF_RANGE, WrittenDate


def _dates(context: Context) -> Iterator[tuple[Loc, WrittenDate | None, str | None]]:
    """Every date field of the document: (where, the date, the provision it belongs to)."""
    assessment, code = context.assessment, context.code
    if assessment is not None:
        yield ("assessed_on",), assessment.assessed_on, None
        if assessment.period is not None:
            yield ("period", "from"), assessment.period.from_, None
            yield ("period", "to"), assessment.period.to, None
        if assessment.approved is not None:
            yield ("approved", "on"), assessment.approved.on, None
        for key, item in assessment.evidence.items():
            yield ("evidence", key, "dated"), item.dated, None
        for number, response in assessment.responses.items():
            for i, action in enumerate(response.actions):
                yield ("responses", number, "actions", i, "start"), action.start, number
                yield ("responses", number, "actions", i, "due"), action.due, number
    elif code is not None and context.is_code:
        yield ("effective_from",), code.effective_from, None
        for s, section in enumerate(code.sections):
            for p, provision in enumerate(section.provisions):
                yield ("sections", s, "provisions", p, "raised_on"), provision.raised_on, provision.number


def check(context: Context) -> Iterator[Problem]:
    for loc, written, provision in _dates(context):
        if written is None or written.value is not None or not written.text:
            continue  # nothing written at all is SA001's to report (a form not filled in yet)
        if written.problem == "does not exist":
            message = (
                f"The date '{written.text}' does not exist; check the day and the month "
                "(dates are read day first, as in 31/03/2025)."
            )
        elif written.problem == OUT_OF_RANGE:
            message = (
                f"The date '{written.text}' {OUT_OF_RANGE}; check the year, and leave out a date that is "
                "not known."
            )
        else:
            message = f"The date '{written.text}' cannot be read; write it like 2025-03-31 or 31/03/2025."
        yield Problem(loc, message, provision)


RULE = Rule(
    id="SA503",
    name="unreadable-date",
    severity=Severity.ERROR,
    summary="A date that does not exist or cannot be read (31/11/09), or a year outside 1900 to 2199.",
    applies_to="any",
    doc=__doc__ or "",
    check=check,
)
