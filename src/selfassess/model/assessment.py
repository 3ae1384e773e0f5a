"""An assessment: one organisation's answers to one code at one point in time."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from selfassess.model.types import (
    DateField,
    DeadlineText,
    DurationField,
    Key,
    Model,
    Text,
    TextList,
    WebAddress,
    lenient_choice,
)

Status = Literal["not-started", "in-progress", "done", "blocked", "dropped"]
Rag = Literal["red", "amber", "green"]
RuleId = Annotated[str, Field(pattern=r"^SA\d{3}$")]


class Period(Model):
    """The period the assessment speaks for, such as a financial year."""

    from_: DateField = Field(alias="from", description="The first day of the period.")
    to: DateField = Field(description="The last day of the period.")


class Approval(Model):
    """The governing body's sign-off."""

    by: Text = Field(description="Who approved it, e.g. 'Board'.")
    on: DateField = Field(description="The date it was approved.")


class EvidenceItem(Model):
    """One entry of the evidence register, cited by its key."""

    title: Text = Field(description="The document's title as it is published.")
    url: WebAddress | None = Field(None, description="Where it is published: https://…")
    file: Text | None = Field(None, description="A file, relative to the assessment's folder.")
    dated: DateField | None = Field(None, description="When it was issued or last reviewed.")


class Action(Model):
    """Something the organisation will do to meet a provision."""

    ref: Text | None = Field(None, description="The action's reference as the plan prints it, e.g. 'A.1'.")
    action: Text = Field(description="What will be done.")
    owner: Text | None = Field(None, description="Who is responsible, e.g. 'Head of Complaints'.")
    start: DateField | None = None
    due: DateField | None = None
    status: Annotated[Status | None, BeforeValidator(lenient_choice)] = Field(
        None, description="not-started, in-progress, done, blocked or dropped."
    )
    rag: Annotated[Rag | None, BeforeValidator(lenient_choice)] = Field(
        None, description="red, amber or green."
    )
    serves: TextList = Field(
        default_factory=list,
        description="Other provisions (or parts of them, as the plan writes them: 'R3.1') it also serves.",
    )
    note: Text | None = Field(None, description="Anything else the plan says of it, as written.")


class Response(Model):
    """The answer to one provision, with its evidence, commentary and actions."""

    answer: Text | None = Field(None, description="One of the code's answers, as written.")
    evidence: TextList = Field(
        default_factory=list, description="Keys of the evidence register, or titles written out."
    )
    commentary: Text | None = Field(None, description="Markdown: why the answer is what it is.")
    actions: list[Action] = Field(default_factory=list)
    lead: Text | None = Field(None, description="Who leads the response (trackers).")
    closed_on: DateField | None = Field(
        None, description="When the item was completed or closed (trackers): the next edition leaves it out."
    )
    supporting: TextList = Field(default_factory=list, description="Who supports it (trackers).")
    waive: dict[RuleId, Text | None] = Field(
        default_factory=dict, description="Rules waived for this response, each with its reason."
    )


class Assessment(Model):
    """The whole file: who, when, for which code, and the responses."""

    code: Key = Field(description="The id of the code this assessment answers, e.g. 'hos-chc-2024'.")
    organisation: Text = Field(description="The organisation the assessment speaks for.")
    assessed_on: DateField = Field(description="The date the assessment speaks for.")
    period: Period | None = Field(None, description="The period it covers: {from: …, to: …}.")
    approved: Approval | None = Field(None, description="The governing body's sign-off, once given.")
    governing_body_response: Text | None = Field(
        None, description="The governing body's response to the annual report: a link, or the text."
    )
    member_responsible: Text | None = Field(None, description="The Member Responsible for Complaints.")
    policy: dict[Key, DurationField] = Field(
        default_factory=dict,
        description="The organisation's own time limits, keyed by the code's time_limits.",
    )
    deadlines: dict[Key, DeadlineText] = Field(
        default_factory=dict,
        description="Its own date ('MM-DD' or 'YYYY-MM-DD') for a deadline the code lets vary.",
    )
    evidence: dict[Key, EvidenceItem] = Field(default_factory=dict, description="The evidence register.")
    answered_per: Annotated[Literal["provision", "section"] | None, BeforeValidator(lenient_choice)] = Field(
        None,
        description="Answer the code a section at a time ('section') or a provision at a time "
        "('provision'); without it, as the code's own form is answered.",
    )
    counterpart: Text | None = Field(
        None,
        description="The organisation's assessment against a code this one corresponds to (a file "
        "in the same folder, or below it): answers linked as equal are compared with it.",
    )
    complaints_log: Text | None = Field(
        None,
        description="The complaints log for the period, exported from the case management system (a "
        ".csv or .xlsx file in the assessment's folder, or below it): answers about time limits are "
        "checked against it.",
    )
    responses: dict[Text, Response] = Field(
        default_factory=dict, description="The answers, keyed by provision number (or section number)."
    )
