"""What a published self-assessment shows, worked out once for every format (HTML, Word,
Markdown, PDF): the header, each section's rows, the action plan, the evidence register and the
waived findings. Templates and writers only lay this out; they decide nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from selfassess import __version__
from selfassess.check.findings import Finding, Severity
from selfassess.model.assessment import Assessment, Response
from selfassess.model.code import Code, Provision
from selfassess.publish.pieces import MEANING_TONE, ActionView, EvidenceView, action_view, shown_date
from selfassess.text.markdown import safe_url


@dataclass(frozen=True)
class WaivedView:
    rule: str
    provision: str | None
    message: str
    reason: str


@dataclass(frozen=True)
class ApprovalView:
    """What the header says of approval. "Approved by" only when the approval stands and the
    publication checks would let the form out: a board pack must never read as approved while
    errors stop it being published."""

    label: str
    text: str
    draft_note: str  # the banner on a draft, after "Draft: "
    approved: bool = False  # the approval stands and nothing stops publication
    held_back: str = ""  # why an approval recorded does not stand: "3 errors must be fixed …"
    recorded: str = ""  # the approval recorded, as "Board, 12 June 2025", when it does not stand

    @property
    def status(self) -> str:
        """What a board looks for first: "Approved: Board, 12 June 2025", "Not approved"."""
        if self.approved:
            return f"Approved: {self.text}"
        if not self.held_back:
            return "Not approved"
        return f"Not approved: {self.held_back} (approval recorded: {self.recorded})"


@dataclass(frozen=True)
class RowView:
    number: str
    requirement: str  # Markdown, as the code words it
    items: tuple[tuple[str, str], ...]  # (label, text) of lettered parts
    answer: str | None  # exactly as written
    meaning: str | None
    tone: str | None  # 'met' | 'partly' | 'not-met' | 'none'
    evidence: tuple[EvidenceView, ...]
    commentary: str  # Markdown
    actions: tuple[ActionView, ...]


@dataclass(frozen=True)
class GroupView:
    """The rows under one sub-heading of a section ('Stage 1'), or under none."""

    heading: str | None
    rows: tuple[RowView, ...]


@dataclass(frozen=True)
class SectionView:
    number: str
    title: str
    groups: tuple[GroupView, ...]

    @property
    def rows(self) -> tuple[RowView, ...]:
        return tuple(row for group in self.groups for row in group.rows)


@dataclass(frozen=True)
class RegisterEntryView:
    key: str
    title: str
    url: str | None
    file: str | None
    dated: str | None
    dated_on: date | None = None  # the date, where it can be read


@dataclass(frozen=True)
class FormView:
    title: str
    organisation: str
    code_title: str
    code_id: str
    code_url: str | None
    answer_label: str
    assessed_on: str
    assessed_on_date: date | None
    period: str | None
    approval: ApprovalView
    member_responsible: str | None
    governing_body_response: str | None
    governing_body_response_url: str | None
    sections: tuple[SectionView, ...]
    actions: tuple[ActionView, ...]
    register: tuple[RegisterEntryView, ...]
    waived: tuple[WaivedView, ...]
    draft: bool
    governing_body: str = "governing body"  # in the code's own words
    made_with: str = f"selfassess {__version__}"
    by_section: bool = False  # a row answers a whole section: longer than a page, it runs on
    # The organisation's own time limits and dates, as (key, what the code says it is, value):
    # the form's pages do not show them; the workbook keeps them, so that import gives them back.
    policy: tuple[tuple[str, str, str], ...] = ()
    deadlines: tuple[tuple[str, str, str], ...] = ()
    complaints_log: str | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        """The form's columns, as the Ombudsman's Appendix A heads them, with the code's answer label."""
        return (
            "Code provision",
            "Code requirement",
            self.answer_label,
            "Evidence",
            "Commentary / explanation",
        )


def _evidence(cited: list[str], assessment: Assessment) -> tuple[EvidenceView, ...]:
    shown: list[EvidenceView] = []
    for item in cited:
        entry = assessment.evidence.get(item)
        if entry is not None:
            shown.append(EvidenceView(entry.title, safe_url(entry.url), item))
        else:
            shown.append(EvidenceView(item, safe_url(item) if "://" in item else None))
    return tuple(shown)


def _row(provision: Provision, assessment: Assessment, code: Code) -> RowView:
    response: Response | None = assessment.responses.get(provision.number)
    answer = response.answer if response is not None else None
    meaning = code.answers.meaning(answer) if answer else None
    today = assessment.assessed_on.value
    return RowView(
        number=provision.shown_number,
        requirement=provision.text,
        items=tuple((item.label, item.text) for item in provision.items),
        answer=answer,
        meaning=meaning,
        tone=MEANING_TONE.get(meaning) if meaning else None,
        evidence=_evidence(response.evidence, assessment) if response is not None else (),
        commentary=(response.commentary or "") if response is not None else "",
        actions=tuple(action_view(provision.number, a, today) for a in response.actions) if response else (),
    )


def _groups(provisions: list[Provision], assessment: Assessment, code: Code) -> tuple[GroupView, ...]:
    groups: list[GroupView] = []
    for provision in provisions:
        row = _row(provision, assessment, code)
        if groups and provision.heading in (None, groups[-1].heading):
            groups[-1] = GroupView(groups[-1].heading, (*groups[-1].rows, row))
        else:
            groups.append(GroupView(provision.heading, (row,)))
    return tuple(groups)


def form_view(
    assessment: Assessment, code: Code, findings: Sequence[Finding] = (), draft: bool = False
) -> FormView:
    """The published form of an assessment against its code."""
    sections = [
        SectionView(section.number, section.title, _groups(section.provisions, assessment, code))
        for section in code.sections
    ]
    actions = tuple(action for section in sections for row in section.rows for action in row.actions)
    period = assessment.period
    response = assessment.governing_body_response
    return FormView(
        title=f"Self-assessment against the {code.title}",
        organisation=assessment.organisation,
        code_title=code.named,
        code_id=code.id,
        code_url=safe_url(code.url),
        answer_label=code.answers.label,
        assessed_on=shown_date(assessment.assessed_on) or "",
        assessed_on_date=assessment.assessed_on.value,
        period=f"{shown_date(period.from_)} to {shown_date(period.to)}" if period is not None else None,
        approval=approval_view(assessment, code, findings),
        member_responsible=assessment.member_responsible,
        governing_body_response=response,
        governing_body_response_url=safe_url(response) if response and "://" in response else None,
        sections=tuple(sections),
        actions=actions,
        register=tuple(
            RegisterEntryView(
                key,
                item.title,
                safe_url(item.url),
                item.file,
                shown_date(item.dated),
                item.dated.value if item.dated is not None else None,
            )
            for key, item in assessment.evidence.items()
        ),
        waived=tuple(
            WaivedView(f.rule, f.provision, f.message, f.waived) for f in findings if f.waived is not None
        ),
        draft=draft or bool(_stopping(findings)),
        governing_body=code.term("governing body"),
        by_section=code.answered_per == "section",
        policy=tuple(
            (key, (code.time_limits[key].describes or "") if key in code.time_limits else "", str(limit))
            for key, limit in assessment.policy.items()
        ),
        deadlines=tuple(
            (key, (code.deadlines[key].describes or "") if key in code.deadlines else "", due)
            for key, due in assessment.deadlines.items()
        ),
        complaints_log=assessment.complaints_log,
    )


def _stopping(findings: Sequence[Finding]) -> list[Finding]:
    """The errors that stop publication: any not waived."""
    return [f for f in findings if f.severity is Severity.ERROR and f.waived is None]


def approval_view(assessment: Assessment, code: Code, findings: Sequence[Finding]) -> ApprovalView:
    body = code.term("governing body")
    approval = assessment.approved
    recorded = f"{approval.by}, {shown_date(approval.on)}" if approval is not None else None
    errors = len(_stopping(findings))
    if recorded is not None and not errors:
        return ApprovalView("Approved by", recorded, "not for publication", approved=True)
    if recorded is None:
        return ApprovalView("Approval", "Not yet approved", f"not approved by the {body} for publication")
    stop = f"{errors} error{'s' if errors != 1 else ''} must be fixed before it can be published"
    return ApprovalView(
        "Approval",
        f"Not final: {stop} (approval recorded: {recorded})",
        stop,
        held_back=stop,
        recorded=recorded,
    )
