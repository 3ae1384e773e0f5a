"""An answer disagrees with the same requirement's answer in the counterpart assessment.

What it checks:
    For an assessment that names its `counterpart` (a council's assessment against the Housing
    Ombudsman's Code, say, beside its assessment against the LGSCO's), every provision the code
    says is `equal` to a provision of the counterpart's code: the two answers must stand alike.
    "Yes" in one and "No" (or "Partial") in the other is reported, quoting both. A section answered
    whole (the LGSCO's own form) is compared where it is answered as met, which says each of its
    provisions is; answered otherwise, it may fall short in another provision than the linked one.

Why it matters:
    Where two codes ask for the same thing in other words, one organisation cannot both meet it
    and not meet it. An auditor reading the two forms side by side finds the contradiction first;
    either one answer is wrong, or the requirement is met for one service and not another, which
    the commentary should say.

Failing example:
    ```yaml
    counterpart: housing-2026.yaml     # answers 6.3 of the Housing Code "No"
    responses:
      "6.3":                           # equal to the Housing Code's 6.3
        answer: "Yes"
        evidence: [complaints-policy]
    ```

Passing example:
    ```yaml
    counterpart: housing-2026.yaml     # answers 6.3 of the Housing Code "Yes"
    responses:
      "6.3":
        answer: "Yes"
        evidence: [complaints-policy]
    ```
"""

from __future__ import annotations

from collections.abc import Iterator

from selfassess.check.answers import answered, unit
from selfassess.check.context import Context
from selfassess.check.findings import Problem, Severity
from selfassess.check.rule import Rule
from selfassess.model.standing import band

_WORDS = {"met": "met", "partly": "partly met", "not-met": "not met"}


def check(context: Context) -> Iterator[Problem]:
    counterpart = context.counterpart
    if counterpart is None:
        return
    _, code = context.answering()
    whole = code.answered_per == "section"
    for item in answered(context):
        ours = band(code, item.response.answer)
        # A section answered whole is met only where each of its requirements is; answered partly
        # or not met, it may fall short in another of them than the one linked.
        if ours not in _WORDS or (whole and ours != "met"):
            continue
        same = "one of its requirements" if whole else "the same requirement"
        for link in item.provision.corresponds:
            if link.relation != "equal" or link.code != counterpart.code.id:
                continue
            response = counterpart.assessment.responses.get(link.provision)
            theirs = band(counterpart.code, response.answer if response is not None else None)
            if theirs in _WORDS and theirs != ours:
                yield Problem(
                    ("responses", item.number, "answer"),
                    f"{unit(code)} {item.number} is answered '{item.response.answer}' ({_WORDS[ours]}), but "
                    f"{counterpart.shown_as} answers {same}, {link.provision} of "
                    f"{counterpart.code.id}, '{response.answer if response else ''}' ({_WORDS[theirs]}); "
                    "make them agree, or say in the commentary why they differ.",
                    item.number,
                )


RULE = Rule(
    id="SA304",
    name="counterpart-disagrees",
    severity=Severity.WARNING,
    summary="An answer disagrees with the same requirement's answer in the counterpart assessment.",
    applies_to="assessment",
    doc=__doc__ or "",
    check=check,
)
