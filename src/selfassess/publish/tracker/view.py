"""What a tracker shows a committee: its own columns (meeting date, item, recommendation, lead,
status, response), grouped as the code groups them (by meeting, or by theme), a RAG status in
colour and in words, and an action plan by lead, overdue first.

RAG comes from the meaning of the response and from what the checks found, never from the
renderer: closed (done, noted, rejected) is green; open is amber; an item with no response yet
(SA507) or open long after its meeting (SA505) is red.

With `since` (the date of the last edition), an item closed before that date was reported then
and is left out now; one closed since is shown once more, marked as completed since.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from selfassess import __version__
from selfassess.check.findings import Finding
from selfassess.model.assessment import Assessment, Response
from selfassess.model.code import CLOSED_MEANINGS, Code
from selfassess.publish.pieces import ActionView, action_view, shown_date
from selfassess.timelimits.calendar import long_date

_KIND_WORDS = {"recommendation": "Recommendation", "information-request": "Information", "action": "Action"}
_RED_RULES = frozenset(("SA505", "SA507"))
RAG_WORDS = {"red": "Red", "amber": "Amber", "green": "Green"}


@dataclass(frozen=True)
class TrackerRow:
    number: str
    meeting: str | None  # the meeting date, as written where it cannot be read
    item: str | None  # the agenda item or theme
    kind: str | None  # Recommendation, Information, Action
    text: str  # Markdown
    lead: str | None
    status: str  # the response as written, "No status yet" beside an update, or "No response yet"
    rag: str  # red | amber | green
    response: str  # Markdown
    completed_since: bool
    actions: tuple[ActionView, ...]


@dataclass(frozen=True)
class TrackerGroup:
    title: str
    rows: tuple[TrackerRow, ...]


@dataclass(frozen=True)
class TrackerView:
    title: str
    organisation: str
    code_title: str
    kept_by: str  # the line under the title: the organisation, and its committee, each named once
    answer_label: str
    assessed_on: str
    assessed_on_date: date | None
    since: str | None
    groups: tuple[TrackerGroup, ...]
    action_plan: tuple[tuple[str, tuple[ActionView, ...]], ...]  # (lead, their actions, overdue first)
    dropped: int  # closed before `since`, reported in an earlier edition
    closed_undated: int  # closed, but with no closed_on to tell when
    draft: bool
    made_with: str = f"selfassess {__version__}"

    @property
    def rows(self) -> tuple[TrackerRow, ...]:
        return tuple(row for group in self.groups for row in group.rows)

    @property
    def shows_meeting(self) -> bool:
        """A column no row fills (a plan has no meeting dates) is left out."""
        return any(row.meeting for row in self.rows)

    @property
    def shows_item(self) -> bool:
        return any(row.item for row in self.rows)


def _no_answer(response: Response | None) -> str:
    """What stands for an item's missing status: an update written with no status beside it is a
    response, so "No response yet" would contradict the update printed next to it."""
    return (
        "No status yet" if response is not None and (response.commentary or "").strip() else "No response yet"
    )


def _lead(lead: str | None, supporting: Sequence[str]) -> str | None:
    if supporting:
        return f"{lead or ''}; supported by {', '.join(supporting)}".lstrip("; ")
    return lead


def tracker_view(
    assessment: Assessment,
    code: Code,
    findings: Sequence[Finding] = (),
    since: date | None = None,
    draft: bool = False,
) -> TrackerView:
    red = {f.provision for f in findings if f.rule in _RED_RULES and f.waived is None}
    today = assessment.assessed_on.value
    groups: list[TrackerGroup] = []
    dropped = undated = 0
    for section in code.sections:
        rows: list[TrackerRow] = []
        for provision in section.provisions:
            response = assessment.responses.get(provision.number)
            answer = response.answer if response is not None and response.answer else None
            meaning = code.answers.meaning(answer) if answer else None
            closed = meaning in CLOSED_MEANINGS
            closed_on = response.closed_on.value if response is not None and response.closed_on else None
            if closed and since is not None and closed_on is not None and closed_on < since:
                dropped += 1
                continue
            undated += closed and closed_on is None
            rag = "red" if provision.number in red or answer is None else ("green" if closed else "amber")
            rows.append(
                TrackerRow(
                    number=provision.shown_number,
                    meeting=shown_date(provision.raised_on),
                    item=provision.heading,
                    kind=_KIND_WORDS.get(provision.kind or ""),
                    text=provision.text,
                    lead=_lead(response.lead, response.supporting) if response is not None else None,
                    status=answer or _no_answer(response),
                    rag=rag,
                    response=(response.commentary or "") if response is not None else "",
                    completed_since=bool(closed and since and closed_on and closed_on >= since),
                    actions=tuple(action_view(provision.number, a, today) for a in response.actions)
                    if response is not None
                    else (),
                )
            )
        if rows:
            groups.append(TrackerGroup(section.title, tuple(rows)))
    by_lead: dict[str, list[ActionView]] = {}
    for row in (r for g in groups for r in g.rows):
        for action in row.actions:
            by_lead.setdefault(action.owner or "No lead named", []).append(action)
    plan = tuple(
        (lead, tuple(sorted(found, key=lambda a: (not a.overdue, a.due_on or date.max, a.ref or ""))))
        for lead, found in sorted(by_lead.items(), key=lambda item: (item[0] == "No lead named", item[0]))
    )
    return TrackerView(
        title=code.title,
        organisation=assessment.organisation,
        code_title=code.named,
        kept_by=_kept_by(assessment.organisation, code.publisher),
        answer_label=code.answers.label,
        assessed_on=shown_date(assessment.assessed_on) or "",
        assessed_on_date=today,
        since=long_date(since) if since else None,
        groups=tuple(groups),
        action_plan=plan,
        dropped=dropped,
        closed_undated=undated if since else 0,
        draft=draft,
    )


def _kept_by(organisation: str, publisher: str | None) -> str:
    """Who keeps the tracker, the organisation said once: 'Oxfordshire County Council: Performance
    … Committee' where the committee's name begins with the council's, 'Norwich City Council:
    Audit Commission' where it does not. Importing reads the organisation back from before the
    colon, knowing the publisher."""
    if not publisher or publisher.casefold() in organisation.casefold():
        return organisation
    rest = publisher[len(organisation) :]
    if (
        publisher[: len(organisation)].casefold() == organisation.casefold()
        and rest[:1] == " "
        and rest.strip()
    ):
        return f"{organisation}: {rest.strip()}"
    return f"{organisation}: {publisher}"
