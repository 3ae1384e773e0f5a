"""Answered as met, but the commentary admits a shortfall.

What it checks:
    Every provision answered as met ("Yes"), sentence by sentence through its commentary, for words
    that admit it is not fully met, in five families: an open statement of the gap ("below
    target", "not consistently", "we do not currently record", "residents are not currently
    consulted"), work still to do ("further work is needed", "there is still some way to go", "we
    recognise the need to improve"), a plan for what should already exist ("the policy is to be
    revised", "will be picked up in training", "is being rewritten"), a hedge over how often ("in
    most cases", "not every team"), and figures that show a time limit missed ("81% of stage 1
    responses within 10 working days", an average longer than the provision's limit). It respects
    negation and tense ("we have no backlog"), reads conditions as procedure ("when we have not
    been able to meet our target we send a holding response"), knows a target that is a ceiling
    ("complaints per 1,000 homes below our target"), and tells an admission from an improvement to
    what already works. The message quotes the words that decided it.

Why it matters:
    A "Yes" beside "our performance was below target" is the contradiction the Ombudsman, an
    auditor and a resident will each find first, and it undermines every other "Yes" in the
    form. Either the answer is "Partial", with an action, or the sentence needs rewording.

Failing example:
    ```yaml
    responses:
      "6.3":
        answer: "Yes"
        evidence: [complaints-policy]
        commentary: >-
          Our policy sets a 10 working day target. We know that our performance in this area
          was below target.
    ```

Passing example:
    ```yaml
    responses:
      "6.3":
        answer: "Partial"
        evidence: [complaints-policy]
        commentary: >-
          Our policy sets a 10 working day target. We know that our performance in this area
          was below target.
        actions:
          - action: Daily report of complaints nearing their due date
            owner: Complaints Manager
            due: 2025-09-30
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.answers import answered, unit
from selfassess.check.commentary import sentences, shortfall_reader_for
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule


def check(context: Context) -> Iterator[Problem]:
    reader = shortfall_reader_for(context.code)
    _, code = context.answering()
    for item in answered(context):
        commentary = item.response.commentary
        if item.meaning != "met" or not commentary:
            continue
        phrases: list[str] = []
        for admission in reader.admissions_in(sentences(context, item.number), item.provision.time_limits):
            if admission.phrase not in phrases:
                phrases.append(admission.phrase)
        if not phrases:
            continue
        said = " and ".join(f"'{phrase}'" for phrase in phrases[:2])
        more = f" (and {len(phrases) - 2} more)" if len(phrases) > 2 else ""
        yield Problem(
            ("responses", item.number, "commentary"),
            f"{unit(code)} {item.number} is answered '{item.response.answer}', but its commentary says "
            f"{said}{more}; answer 'Partial' with an action, or explain why it is met.",
            item.number,
        )


RULE = Rule(
    id="SA303",
    name="met-but-admits-shortfall",
    severity=Severity.WARNING,
    summary="Answered as met, but the commentary admits a shortfall ('below target', 'will be developed').",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
