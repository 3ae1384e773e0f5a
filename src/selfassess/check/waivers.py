"""Waivers: a response may set a rule aside for its provision, with a reason that stays visible."""

from __future__ import annotations

from selfassess.check.context import Context
from selfassess.check.findings import Finding

#: Rules whose findings no waiver can hide: the file cannot be read or trusted (SA001, SA003), a
#: waiver is itself the problem (SA004, which a waiver of its own would only hide), or
#: the form itself is incomplete or unreadable — a gap, a response to no provision, an answer
#: outside the vocabulary, a date that does not exist. These are fixed, never set aside: a
#: provision that does not apply is answered "N/A".
UNWAIVABLE = frozenset(("SA001", "SA003", "SA004", "SA101", "SA102", "SA103", "SA503"))


def waiver_reason(finding: Finding, context: Context) -> str | None:
    """The reason the finding's provision gives for waiving its rule, if it gives one."""
    assessment = context.assessment
    if assessment is None or finding.provision is None or finding.rule in UNWAIVABLE:
        return None
    response = assessment.responses.get(finding.provision)
    reason = response.waive.get(finding.rule) if response is not None else None
    return reason.strip() if reason and reason.strip() else None
