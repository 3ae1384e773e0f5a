"""A date stated for a deliverable falls after the code's deadline for it.

What it checks:
    In the commentary of a provision that has a deadline (for the Complaint Handling Code, 8.1
    and 8.2: the first self-assessment by 30 June 2024, the annual submission by 30 September),
    every sentence that says when something will be published, submitted, approved or reported
    and gives a date, a month, a season or a financial quarter. It is after the deadline when
    even its earliest possible day is: "autumn 2024" begins on 1 September 2024, after 30 June,
    but "autumn" is not after 30 September. Where the code lets an organisation set its own date
    (a landlord with fewer than 1,000 homes), the assessment's `deadlines:` entry is used.

Why it matters:
    A self-assessment that says the report "will be published in autumn" when it was due in June
    tells the Ombudsman, in the organisation's own words, that it is late.

Failing example:
    ```yaml
    period: {from: 2023-04-01, to: 2024-03-31}
    responses:
      "8.1":
        answer: "Yes"
        evidence: [complaints-policy]
        commentary: Our 2023-24 report will be published in autumn 2024.
    ```

Passing example:
    ```yaml
    period: {from: 2023-04-01, to: 2024-03-31}
    responses:
      "8.1":
        answer: "Yes"
        evidence: [complaints-policy]
        commentary: Our 2023-24 report will be published by 28 June 2024.
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.commentary import sentences
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.timelimits.calendar import long_date
from selfassess.timelimits.deadlines import occurrence, parse_deadline_due
from selfassess.timelimits.statements import deliverable_dates
from selfassess.wording import mid_sentence


def check(context: Context) -> Iterator[Problem]:
    assessment, code = context.answering()
    if assessment.assessed_on.value is None:
        return
    period_to = assessment.period.to.value if assessment.period is not None else None
    for number, response in assessment.responses.items():
        provision = code.provisions.get(number)
        if provision is None or not provision.deadlines or not response.commentary:
            continue
        for key in provision.deadlines:
            deadline = code.deadlines.get(key)
            if deadline is None:
                continue
            own = assessment.deadlines.get(key) if deadline.varies else None
            due = parse_deadline_due(own) if own else deadline.schedule
            if due is None:
                continue
            falls = occurrence(due, period_to, assessment.assessed_on.value)
            if falls is None:
                continue
            late = [
                stated
                for sentence in sentences(context, number)
                for stated in deliverable_dates(sentence.text, falls.year)
                if stated.earliest > falls
            ]
            if not late:
                continue
            # A phrase that names its own year convinces more than one whose year was inferred.
            first = next((stated for stated in late if any(c.isdigit() for c in stated.text)), late[0])
            what = f" ({mid_sentence(deadline.describes)})" if deadline.describes else ""
            yield Problem(
                ("responses", number, "commentary"),
                f"Your commentary on {number} gives '{first.text}' (on {long_date(first.earliest)} at the "
                f"earliest), after the deadline of {long_date(falls)}{what}.",
                number,
            )


RULE = Rule(
    id="SA404",
    name="deliverable-after-deadline",
    severity=Severity.ERROR,
    summary="A date stated for a deliverable falls after the code's deadline for it.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
