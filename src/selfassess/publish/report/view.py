"""What the board report shows: a governing body's five-minute read of an assessment.

Compliance by section, the open findings in plain words, actions overdue on the assessment date
and due in the next 90 days, and, given last year's assessment, what changed: answers that moved,
gaps opened and gaps closed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from selfassess import __version__
from selfassess.check.findings import Finding, Severity
from selfassess.model.assessment import Assessment
from selfassess.model.code import Code
from selfassess.model.standing import BAND_WORDS, BANDS, band, band_words, compare_answers
from selfassess.model.standing import AnswerChange as Change
from selfassess.model.versions import Correspondence, one_step
from selfassess.publish.form.view import ApprovalView, form_view
from selfassess.publish.pieces import ActionView, shown_date
from selfassess.publish.report.alongside import AlongsideView
from selfassess.publish.report.board_words import (
    FindingGroup,
    NamedProvision,
    board_groups,
    named_provision,
    provision_title,
)
from selfassess.publish.report.complaints import ComplaintsView

UPCOMING_DAYS = 90
#: A section number a reader knows ('1', '9', '4A'), not a key of the file.
_SHOWN_NUMBER = re.compile(r"\d{1,3}[A-Za-z]?")


@dataclass(frozen=True)
class SectionCount:
    number: str
    title: str
    counts: dict[str, int]  # band -> number of provisions

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def name(self) -> str:
        """'1. Definition of a complaint'; a section numbered by a word ('energy') or by a key of the
        file ('2024-03-19.social-value') by its title alone."""
        return f"{self.number}. {self.title}" if _SHOWN_NUMBER.fullmatch(self.number) else self.title


@dataclass(frozen=True)
class ReportView:
    title: str
    organisation: str
    code_title: str
    assessed_on: str
    assessed_on_date: date | None
    period: str | None
    approval: ApprovalView
    answer_label: str
    sections: tuple[SectionCount, ...]
    totals: dict[str, int]
    errors: tuple[FindingGroup, ...]  # the findings in a board's words, those of one rule together
    warnings: tuple[FindingGroup, ...]
    error_count: int
    warning_count: int
    waived: int
    overdue: tuple[ActionView, ...]
    upcoming: tuple[ActionView, ...]
    upcoming_until: str
    previous: str | None  # "1 April 2023 to 31 March 2024" of the assessment compared with
    changes: tuple[Change, ...]
    gaps_opened: tuple[str, ...]
    gaps_closed: tuple[str, ...]
    draft: bool
    governing_body: str = "governing body"  # in the code's own words
    made_with: str = f"selfassess {__version__}"
    complaints: ComplaintsView | None = None  # what the complaints log shows, where one was given
    titles: Mapping[str, str] = field(default_factory=dict)  # provision number -> its first words
    names: Mapping[str, NamedProvision] = field(default_factory=dict)  # provision number -> its name
    bands: tuple[str, ...] = BANDS  # the columns of the count: a tracker's, only those its answers fill
    words: Mapping[str, str] = field(default_factory=lambda: dict(BAND_WORDS))  # band -> its heading
    counted: str = "provisions"  # what the code holds: provisions, or a tracker's items
    alongside: AlongsideView | None = None  # the organisation's answers to a corresponding code

    @property
    def provisions(self) -> int:
        return sum(self.totals.values())

    @property
    def document(self) -> str:
        """What the file is, to a board: a self-assessment, or a tracker of recommendations."""
        return "tracker" if self.counted == "items" else "assessment"

    @property
    def chart_title(self) -> str:
        """A tracker's recommendations are not complied with: they are answered, and progress."""
        return "Progress by section" if self.counted == "items" else "Compliance by section"

    @property
    def count_caption(self) -> str:
        return (
            "Items by section and response" if self.counted == "items" else "Provisions by section and answer"
        )

    @property
    def item_heading(self) -> str:
        """The heading of the column that names what an action or a change is about."""
        return "Item" if self.counted == "items" else "Provision"

    def figure(self, section: SectionCount) -> str:
        """What the figure beside a section's bar says: '12 of 15 met', '3 of 5 accepted'."""
        return f"{section.counts['met']} of {section.total} {self.words['met'].lower()}"

    def name(self, number: str) -> NamedProvision:
        return self.names.get(number) or NamedProvision(number, self.titles.get(number, ""))

    def named(self, number: str) -> str:
        """'6.3 Landlords must issue a full response…', or a tracker's item by its words: a
        provision, as a board reads it."""
        return self.name(number).named


def _open(findings: Sequence[Finding], severity: Severity) -> list[Finding]:
    return [f for f in findings if f.severity is severity and f.waived is None]


def report_view(
    assessment: Assessment,
    code: Code,
    findings: Sequence[Finding] = (),
    previous: tuple[Assessment, Code] | None = None,
    draft: bool = False,
    correspondence: Correspondence | None = None,
    complaints: ComplaintsView | None = None,
) -> ReportView:
    """`correspondence` matches provisions with the previous assessment's code; without it, through
    one step of `previously`."""
    form = form_view(assessment, code, findings, draft)
    sections: list[SectionCount] = []
    totals = dict.fromkeys(BANDS, 0)
    for section in code.sections:
        counts = dict.fromkeys(BANDS, 0)
        for provision in section.provisions:
            response = assessment.responses.get(provision.number)
            answered = band(code, response.answer if response is not None else None)
            counts[answered] += 1
            totals[answered] += 1
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
        link = correspondence or one_step(code, previous_code)
        compared = compare_answers(code, assessment, previous_code, previous_assessment, link)
        changes, opened, closed = compared.changes, compared.gaps_opened, compared.gaps_closed
        period = previous_assessment.period
        previous_period = (
            f"{shown_date(period.from_)} to {shown_date(period.to)}"
            if period is not None
            else shown_date(previous_assessment.assessed_on)
        )
    bands, words = _band_words(code, assessment)
    return ReportView(
        title=_title(code),
        organisation=assessment.organisation,
        code_title=code.named,
        assessed_on=form.assessed_on,
        assessed_on_date=form.assessed_on_date,
        period=form.period,
        approval=form.approval,
        answer_label=code.answers.label,
        sections=tuple(sections),
        totals=totals,
        errors=board_groups(_open(findings, Severity.ERROR), code),
        warnings=board_groups(_open(findings, Severity.WARNING), code),
        error_count=len(_open(findings, Severity.ERROR)),
        warning_count=len(_open(findings, Severity.WARNING)),
        waived=sum(1 for f in findings if f.waived is not None),
        overdue=overdue,
        upcoming=upcoming,
        upcoming_until=shown_date_of(horizon),
        previous=previous_period,
        changes=changes,
        gaps_opened=opened,
        gaps_closed=closed,
        draft=form.draft,  # a report the publication checks would stop is a draft, however made
        governing_body=code.term("governing body"),
        complaints=complaints,
        titles={number: provision_title(code, number) for number in code.provisions},
        names={number: named_provision(code, number) for number in code.provisions},
        bands=bands,
        words=words,
        counted="items" if code.is_tracker else "provisions",
    )


def _title(code: Code) -> str:
    body = code.term("governing body")
    if code.is_tracker:  # a committee's recommendations, or a plan: not a self-assessment
        return f"Progress on the {code.title}: report to the {body}"
    if "complaint" in code.title.lower():
        return f"Complaint handling self-assessment: report to the {body}"
    return f"Self-assessment against the {code.title}: report to the {body}"


def _band_words(code: Code, assessment: Assessment) -> tuple[tuple[str, ...], dict[str, str]]:
    """The count's columns and their headings (a tracker's in its own answers); a tracker with an
    answer that is none of its answers counts it as having no valid status, not none yet."""
    bands, words = band_words(code)
    if code.is_tracker and any(
        r.answer and code.answers.meaning(r.answer) is None for r in assessment.responses.values()
    ):
        words["unanswered"] = "No valid status"
    return bands, words


def shown_date_of(day: date | None) -> str:
    return f"{day.day} {day:%B %Y}" if day is not None else ""
