"""A code: what an organisation must answer to (a regulator's code, a committee's recommendations)."""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from selfassess.didyoumean import normalise
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
from selfassess.timelimits.deadlines import DeadlineDue, parse_deadline_due

#: What an answer means. Self-assessments use the first four, recommendation trackers the rest.
Meaning = Literal[
    "met",
    "partly-met",
    "not-met",
    "not-applicable",
    "accepted",
    "partly-accepted",
    "rejected",
    "noted",
    "under-consideration",
    "in-progress",
    "done",
]

#: Meanings that say a provision is not (fully) met, so an explanation and an action are owed.
SHORTFALL_MEANINGS: frozenset[str] = frozenset({"not-met", "partly-met"})
#: The parties a code may name in its own words.
Term = Literal["landlord", "landlords", "resident", "residents", "governing body"]
#: The meanings of a self-assessment's answers; a code whose answers mean none of these is a tracker.
SELF_ASSESSMENT_MEANINGS: frozenset[str] = frozenset({"met", "partly-met", "not-met", "not-applicable"})
#: Tracker meanings of a recommendation still awaiting its outcome.
OPEN_MEANINGS: frozenset[str] = frozenset({"in-progress", "under-consideration"})
#: Tracker meanings of a recommendation finished with: done, or answered once and for all.
CLOSED_MEANINGS: frozenset[str] = frozenset({"done", "rejected", "noted"})


class AnswerVocabulary(Model):
    """The answer column: its heading, and what each answer a user may write means."""

    label: Text = Field("Comply?", description="The column's heading in the published form.")
    values: dict[Text, Meaning] = Field(
        min_length=1, description="What a user may write in the column, and what each one means."
    )

    aliases: dict[Text, list[Text]] = Field(
        default_factory=dict,
        description=(
            "What people type for an answer, under the answer it means: 'Yes': [Complies, Fully "
            "compliant]. Import writes the answer for them; check suggests it. An assessment still "
            "writes the answer itself, so that the published form reads the same all the way down."
        ),
    )

    @cached_property
    def _by_normal_form(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for written in self.values:
            found.setdefault(normalise(written), written)
        return found

    @cached_property
    def spellings(self) -> dict[str, str]:
        """Every way of writing an answer the code knows, each with the answer it means: the answers
        themselves first, then their aliases (an alias of an answer the code lacks is left out)."""
        found = {written: written for written in self.values}
        for answer, typed in self.aliases.items():
            if answer in self.values:
                for alias in typed:
                    found.setdefault(alias, answer)
        return found

    @cached_property
    def _aliases_by_normal_form(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for alias, answer in self.spellings.items():
            found.setdefault(normalise(alias), answer)
        return found

    def canonical(self, written: str) -> str | None:
        """The vocabulary's own spelling of an answer written with any case or punctuation."""
        return self._by_normal_form.get(normalise(written))

    def answer_for(self, typed: str) -> str | None:
        """The answer `typed` stands for: itself in any case or punctuation, or an alias ('Fully
        compliant' is 'Yes'); None when it is neither."""
        return self.canonical(typed) or self._aliases_by_normal_form.get(normalise(typed))

    def meaning(self, written: str) -> str | None:
        """What `written` means ('Yes.' and 'yes' mean what 'Yes' means), or None if nothing."""
        canonical = self.canonical(written)
        return None if canonical is None else self.values[canonical]

    def listed(self) -> str:
        """The answers in words: 'Yes, No, Partial, N/A'; each quoted where one has a comma of its
        own ('Yes', 'No', 'Yes, with further development'), so the list reads as the answers it holds."""
        if any("," in value for value in self.values):
            return ", ".join(f"'{value}'" for value in self.values)
        return ", ".join(self.values)


class TimeLimit(Model):
    """A named time limit: how long, which way it binds, and how commentary states it."""

    limit: DurationField = Field(description="The limit, e.g. '10 working days'.")
    bound: Annotated[Literal["at-most", "at-least"], BeforeValidator(lenient_choice)] = Field(
        "at-most",
        description="at-most: an organisation's own limit must not be longer; at-least: not shorter.",
    )
    describes: Text | None = Field(None, description="What the limit is for, in a sentence.")
    keywords: list[Text] = Field(
        default_factory=list,
        description="Words that must all appear in a sentence of commentary for it to state this limit.",
    )


class Deadline(Model):
    """A date a deliverable is due by: once (YYYY-MM-DD) or every year (MM-DD)."""

    due: DeadlineText = Field(description="'MM-DD' for every year, or 'YYYY-MM-DD' for once.")
    describes: Text | None = Field(None, description="What is due, in a sentence.")
    varies: bool = Field(False, description="An assessment may set its own date under its `deadlines:`.")

    @property
    def schedule(self) -> DeadlineDue:
        """When it falls due: every year on a day, or once."""
        found = parse_deadline_due(self.due)
        assert found is not None  # DeadlineText accepts nothing else
        return found


class Item(Model):
    """A lettered part of a provision, such as 6.9 a)."""

    label: Text
    text: Text


class Corresponds(Model):
    """A provision of another code that asks for the same thing, more, less, or in part: a council
    answering the LGSCO's Code and the Housing Ombudsman's can answer each requirement once."""

    code: Key = Field(description="The other code's id, e.g. 'hos-chc-2024'.")
    provision: Text = Field(description="The other code's provision, e.g. '6.3'.")
    relation: Annotated[
        Literal["equal", "subset", "superset", "overlap"], BeforeValidator(lenient_choice)
    ] = Field(
        description="equal: the same requirement in other words; subset: asks for part of the other's; "
        "superset: asks for more; overlap: each asks for something the other does not."
    )


class Provision(Model):
    """One requirement (or recommendation, request or action) that an assessment answers."""

    number: Text = Field(description="Unique within the code, e.g. '6.3' or 'climate.4'.")
    text: Text = Field(description="The requirement, as the code words it (Markdown).")
    obligation: Annotated[Literal["must", "should"], BeforeValidator(lenient_choice)] = "must"
    evidence: Annotated[Literal["expected", "optional"], BeforeValidator(lenient_choice)] = Field(
        "expected", description="Whether a 'met' answer is expected to cite evidence."
    )
    time_limits: list[Key] = Field(default_factory=list, description="Keys of time_limits it sets.")
    deadlines: list[Key] = Field(default_factory=list, description="Keys of deadlines it sets.")
    items: list[Item] = Field(default_factory=list, description="Lettered parts, a) to g).")
    heading: Text | None = Field(None, description="A sub-heading it stands under, e.g. 'Stage 1'.")
    previously: TextList = Field(
        default_factory=list, description="Its number(s) in the version this code supersedes."
    )
    raised_on: DateField | None = Field(None, description="For trackers: the meeting that raised it.")
    kind: Annotated[
        Literal["recommendation", "information-request", "action"] | None, BeforeValidator(lenient_choice)
    ] = None
    display_number: Text | None = Field(
        None, description="The number as the source prints it, where `number` had to be qualified."
    )
    corresponds: list[Corresponds] = Field(
        default_factory=list, description="Provisions of other codes that ask for the same, more or less."
    )

    @property
    def shown_number(self) -> str:
        return self.display_number or self.number


class Section(Model):
    number: Text
    title: Text
    provisions: list[Provision] = Field(default_factory=list)


class Code(Model):
    """A whole code, as `codes/<id>.yaml` declares it."""

    id: Key = Field(description="Equals the file's name without '.yaml', e.g. 'hos-chc-2024'.")
    title: Text
    publisher: Text | None = None
    version: Text | None = None
    effective_from: DateField | None = None
    url: WebAddress | None = None
    supersedes: Key | None = Field(None, description="The id of the code this version replaces.")
    answers: AnswerVocabulary
    time_limits: dict[Key, TimeLimit] = Field(default_factory=dict)
    deadlines: dict[Key, Deadline] = Field(default_factory=dict)
    terms: dict[Term, Text] = Field(
        default_factory=dict,
        description="The code's own words for the parties, where it does not say 'landlord' and "
        "'resident': {landlord: organisation, resident: individual, governing body: …}.",
    )
    answered_per: Annotated[Literal["provision", "section"], BeforeValidator(lenient_choice)] = Field(
        "provision",
        description="How its self-assessment form is answered: a row per provision, or one per section.",
    )
    sections: list[Section] = Field(min_length=1)

    def with_sections(self, sections: list[Section], answered_per: Literal["provision", "section"]) -> Code:
        """The same code with other sections (and what is worked out from them worked out afresh)."""
        copy = self.model_copy(update={"sections": sections, "answered_per": answered_per})
        for worked_out in ("provisions", "is_tracker"):
            copy.__dict__.pop(worked_out, None)
        return copy

    @property
    def named(self) -> str:
        """'Complaint Handling Code (Housing Ombudsman Service, 2024)': the code as a reader knows
        it, told apart from another of the same title. Every published output names a code so."""
        described = ", ".join(part for part in (self.publisher, self.version) if part)
        return f"{self.title} ({described})" if described else self.title

    def term(self, word: Term) -> str:
        """The code's own word for `word` ('landlord', 'resident', 'governing body')."""
        return self.terms.get(word, word)

    @cached_property
    def is_tracker(self) -> bool:
        """A committee's recommendations or a plan's actions, rather than a regulator's code: its
        answers are responses (Agree, Done, In Progress), not whether a provision is met."""
        return not SELF_ASSESSMENT_MEANINGS & set(self.answers.values.values())

    @cached_property
    def provisions(self) -> dict[str, Provision]:
        """Every provision by number, in the code's order (the first, where a number repeats)."""
        found: dict[str, Provision] = {}
        for section in self.sections:
            for provision in section.provisions:
                found.setdefault(provision.number, provision)
        return found
