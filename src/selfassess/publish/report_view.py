"""What the board report shows: a governing body's five-minute read of an assessment.

Compliance by section, the open findings in plain words, actions overdue on the assessment date
and due in the next 90 days, and, given last year's assessment, what changed: answers that moved,
gaps opened and gaps closed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from selfassess import __version__
from selfassess.check.findings import Finding, Severity
from selfassess.model.assessment import Assessment
from selfassess.model.code import Code
from selfassess.publish.view import ActionView, form_view, shown_date

#: Columns of the compliance count, in the order a board reads them.
BANDS = ("met", "partly", "not-met", "none", "unanswered")
BAND_WORDS = {
    "met": "Met",
    "partly": "Partly met",
    "not-met": "Not met",
    "none": "Not applicable",
    "unanswered": "No valid answer",  # not answered, or not one of the code's answers
}
#: How far each meaning is from met, to say whether an answer moved up or down.
_STANDING = {"not-met": 0, "partly-met": 1, "met": 2}
UPCOMING_DAYS = 90


@dataclass(frozen=True)
class SectionCount:
    number: str
    title: str
    counts: dict[str, int]  # band -> number of provisions

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class FindingLine:
    """One finding, as the report words it."""

    provision: str | None
    rule: str
    message: str


@dataclass(frozen=True)
class Change:
    provision: str
    before: str | None  # the answer as written last time (None: not answered, or not in the code)
    after: str | None
    direction: str  # 'better' | 'worse' | 'changed'


@dataclass(frozen=True)
class ReportView:
    title: str
    organisation: str
    code_title: str
    assessed_on: str
    assessed_on_date: date | None
    period: str | None
    approval: str | None
    answer_label: str
    sections: tuple[SectionCount, ...]
    totals: dict[str, int]
    errors: tuple[FindingLine, ...]
    warnings: tuple[FindingLine, ...]
    waived: int
    overdue: tuple[ActionView, ...]
    upcoming: tuple[ActionView, ...]
    upcoming_until: str
    previous: str | None  # "1 April 2023 to 31 March 2024" of the assessment compared with
    changes: tuple[Change, ...]
    gaps_opened: tuple[str, ...]
    gaps_closed: tuple[str, ...]
    draft: bool
    made_with: str = f"selfassess {__version__}"

    @property
    def provisions(self) -> int:
        return sum(self.totals.values())


def _band(code: Code, answer: str | None) -> str:
    meaning = code.answers.meaning(answer) if answer else None
    if meaning is None:
        return "unanswered"
    if meaning in ("met", "done", "accepted"):
        return "met"
    if meaning in ("not-met", "rejected"):
        return "not-met"
    if meaning in ("not-applicable", "noted"):
        return "none"
    return "partly"


def _is_gap(code: Code, answer: str | None) -> bool:
    return _band(code, answer) in ("partly", "not-met", "unanswered")


def _lines(findings: Sequence[Finding], severity: Severity) -> tuple[FindingLine, ...]:
    return tuple(
        FindingLine(f.provision, f.rule, f.message)
        for f in findings
        if f.severity is severity and f.waived is None
    )


def _previous_answer(number: str, code: Code, previous: Assessment) -> str | None:
    """Last year's answer to a provision, found under its old number where it was renumbered."""
    provision = code.provisions[number]
    for old in provision.previously or [number]:
        response = previous.responses.get(old)
        if response is not None and response.answer:
            return response.answer
    return None


def _changes(
    code: Code, assessment: Assessment, previous: Assessment, previous_code: Code
) -> tuple[tuple[Change, ...], tuple[str, ...], tuple[str, ...]]:
    changes: list[Change] = []
    opened: list[str] = []
    closed: list[str] = []
    for number in code.provisions:
        now = assessment.responses.get(number)
        after = now.answer if now is not None and now.answer else None
        before = _previous_answer(number, code, previous)
        was_gap = _is_gap(previous_code, before)
        is_gap = _is_gap(code, after)
        if is_gap and not was_gap:
            opened.append(number)
        elif was_gap and not is_gap:
            closed.append(number)
        old_meaning = previous_code.answers.meaning(before) if before else None
        new_meaning = code.answers.meaning(after) if after else None
        if old_meaning == new_meaning:
            continue
        old_rank, new_rank = _STANDING.get(old_meaning or ""), _STANDING.get(new_meaning or "")
        if old_rank is not None and new_rank is not None:
            direction = "better" if new_rank > old_rank else "worse"
        else:
            direction = "changed"
        changes.append(Change(number, before, after, direction))
    return tuple(changes), tuple(opened), tuple(closed)


def report_view(
    assessment: Assessment,
    code: Code,
    findings: Sequence[Finding] = (),
    previous: tuple[Assessment, Code] | None = None,
    draft: bool = False,
) -> ReportView:
    form = form_view(assessment, code, findings, draft)
    sections: list[SectionCount] = []
    totals = dict.fromkeys(BANDS, 0)
    for section in code.sections:
        counts = dict.fromkeys(BANDS, 0)
        for provision in section.provisions:
            response = assessment.responses.get(provision.number)
            band = _band(code, response.answer if response is not None else None)
            counts[band] += 1
            totals[band] += 1
        sections.append(SectionCount(section.number, section.title, counts))
    today = assessment.assessed_on.value
    horizon = today + timedelta(days=UPCOMING_DAYS) if today is not None else None
    overdue = tuple(action for action in form.actions if action.overdue)
    upcoming = tuple(
        action
        for action in form.actions
        if today is not None
        and horizon is not None
        and action.due_on is not None
        and today <= action.due_on <= horizon
        and not action.finished
    )
    changes: tuple[Change, ...] = ()
    opened: tuple[str, ...] = ()
    closed: tuple[str, ...] = ()
    previous_period: str | None = None
    if previous is not None:
        previous_assessment, previous_code = previous
        changes, opened, closed = _changes(code, assessment, previous_assessment, previous_code)
        period = previous_assessment.period
        previous_period = (
            f"{shown_date(period.from_)} to {shown_date(period.to)}"
            if period is not None
            else shown_date(previous_assessment.assessed_on)
        )
    return ReportView(
        title="Complaint handling self-assessment: report to the governing body"
        if "complaint" in code.title.lower()
        else f"Self-assessment against the {code.title}: report to the governing body",
        organisation=assessment.organisation,
        code_title=code.title,
        assessed_on=form.assessed_on,
        assessed_on_date=form.assessed_on_date,
        period=form.period,
        approval=form.approval,
        answer_label=code.answers.label,
        sections=tuple(sections),
        totals=totals,
        errors=_lines(findings, Severity.ERROR),
        warnings=_lines(findings, Severity.WARNING),
        waived=sum(1 for f in findings if f.waived is not None),
        overdue=overdue,
        upcoming=upcoming,
        upcoming_until=shown_date_of(horizon),
        previous=previous_period,
        changes=changes,
        gaps_opened=opened,
        gaps_closed=closed,
        draft=draft,
    )


def shown_date_of(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day is not None else ""
