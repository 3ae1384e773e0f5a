"""`selfassess new`: a ready-to-fill assessment listing every provision of a code.

Each provision's requirement stands above it as a comment, so the file can be filled in without
the code open beside it; every answer is left empty, so `check` lists each one still to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel

from selfassess.author.yaml_text import YamlText
from selfassess.model.assessment import Assessment, Response
from selfassess.model.code import Code, Provision
from selfassess.model.standing import band


@dataclass(frozen=True)
class Seed:
    """The organisation's assessment against a code this one corresponds to, to start from."""

    assessment: Assessment
    code: Code
    path: str  # as the new file will name it, relative to its folder


_BANDS = {"met": "met", "partly": "partly met", "not-met": "not met", "none": "not applicable"}


def requirement_comment(provision: Provision, section_title: str = "") -> str:
    """The provision's number, heading and full text, its lettered items on lines of their own."""
    shown = provision.heading and provision.heading != section_title
    heading = f"[{provision.heading}] " if shown else ""
    raised = f" (raised {provision.raised_on})" if provision.raised_on else ""
    lines = [f"{provision.shown_number}{raised} {heading}{' '.join(provision.text.split())}"]
    lines += [f"  {item.label}) {' '.join(item.text.split())}" for item in provision.items]
    return "\n".join(lines)


def empty_response(code: Code) -> dict[str, Any]:
    if code.is_tracker:
        return {"answer": None, "lead": None, "commentary": None}
    return {"answer": None, "evidence": [], "commentary": None}


def code_named(code: Code) -> str:
    """'Complaint Handling Code (Housing Ombudsman Service, 2024)': the code as a reader knows it."""
    return code.named


def header_fields(out: YamlText, code: Code, organisation: str | None, assessed_on: object) -> None:
    """Who and when, then, for a self-assessment, the optional fields as comments to fill in."""
    out.line()
    out.values({"code": code.id, "organisation": organisation, "assessed_on": assessed_on})
    if code.is_tracker:
        return
    out.comment("Fill these in, then remove the '# ' in front of them:")
    out.line("# period: {from: 2025-04-01, to: 2026-03-31}")
    out.line("# approved: {by: Board, on: 2026-06-30}")
    out.line("# member_responsible: the Member Responsible for Complaints")


def _header(
    out: YamlText, code: Code, organisation: str | None, assessed_on: date | None, schema: str | None
) -> None:
    if schema:
        out.line(schema)
    out.comment(f"An assessment against the {code_named(code)}.")
    out.comment(
        f"Write each answer as one of: {code.answers.listed()}. Then run 'selfassess check' on this file: "
        "it lists every answer still empty and anything else to fix."
    )
    header_fields(out, code, organisation, assessed_on)


def _policy(out: YamlText, code: Code) -> None:
    if not code.time_limits:
        return
    out.line()
    out.comment("Your own time limits, where your policy sets them; the code's are shown:")
    out.line("# policy:")
    for key, limit in code.time_limits.items():
        out.line(f"#   {key}: {limit.limit}")
    varying = [key for key, deadline in code.deadlines.items() if deadline.varies]
    if varying:
        out.comment("Your own date (MM-DD) for a deadline you may set yourself:")
        out.line("# deadlines:")
        for key in varying:
            out.line(f'#   {key}: "{code.deadlines[key].due}"')


def _evidence(out: YamlText, code: Code, cited: dict[str, Any]) -> None:
    if code.is_tracker:
        return
    out.line()
    out.comment("The evidence register: cite an entry in a response by its key, e.g. evidence: [policy].")
    if cited:
        out.values({"evidence": cited})
        return
    out.line("# evidence:")
    out.line("#   policy:")
    out.line("#     title: Complaints policy")
    out.line("#     url: https://www.example.org/complaints-policy")
    out.line("#     dated: 2025-04-01")


def as_written(model: BaseModel) -> dict[str, Any]:
    """A model's fields as they were written (dates as their text, which the writer puts back as
    dates), leaving out what was not given: what carrying a value to another file should write."""
    written: dict[str, Any] = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if value is None or value == [] or value == {} or name not in model.model_fields_set:
            continue
        if isinstance(value, list):
            value = [as_written(item) if isinstance(item, BaseModel) else item for item in value]
        elif isinstance(value, BaseModel):
            value = as_written(value)
        written[info.alias or name] = value
    return written


def _carried(response: Response) -> dict[str, Any]:
    carried: dict[str, Any] = {"answer": response.answer, "evidence": list(response.evidence)}
    carried["commentary"] = response.commentary
    if response.actions:
        carried["actions"] = [as_written(action) for action in response.actions]
    return carried


def _seeded(provision: Provision, seed: Seed) -> tuple[list[str], dict[str, Any] | None]:
    """(comment lines, the response to carry): an equal requirement's answer is carried, marked as
    carried; a related one's is shown, for the person filling it in to weigh."""
    notes: list[str] = []
    carried: dict[str, Any] | None = None
    for link in provision.corresponds:
        if link.code != seed.code.id:
            continue
        response = seed.assessment.responses.get(link.provision)
        if response is None or not response.answer:
            notes.append(
                f"{link.provision} of {seed.code.id} ({link.relation}) is not answered in {seed.path}."
            )
            continue
        standing = _BANDS.get(band(seed.code, response.answer), "unanswered")
        if link.relation == "equal" and carried is None:
            carried = _carried(response)
            notes.append(
                f"Carried from {seed.path}: its answer to {link.provision} of {seed.code.id}, the same "
                f"requirement ('{response.answer}', {standing}). Check it holds for every service."
            )
        else:
            notes.append(
                f"Suggestion: {seed.path} answers {link.provision} of {seed.code.id} ({link.relation}) "
                f"'{response.answer}' ({standing})."
            )
    return notes, carried


@dataclass(frozen=True)
class Seeding:
    """What starting from a `Seed` gives each provision, for a person to be told."""

    carried: tuple[str, ...]  # provisions given the answer to the same requirement
    suggested: tuple[tuple[str, str], ...]  # (provision, the related answer shown to weigh)
    left: tuple[str, ...]  # provisions with no answer carried


def seeding(code: Code, seed: Seed) -> Seeding:
    """What `new_assessment(code, seed=seed)` carries and leaves, provision by provision."""
    carried: list[str] = []
    suggested: list[tuple[str, str]] = []
    left: list[str] = []
    for provision in code.provisions.values():
        notes, answer = _seeded(provision, seed)
        (carried if answer is not None else left).append(provision.number)
        suggested += [(provision.number, note) for note in notes if note.startswith("Suggestion: ")]
    return Seeding(tuple(carried), tuple(suggested), tuple(left))


def new_assessment(
    code: Code,
    *,
    organisation: str | None = None,
    assessed_on: date | None = None,
    schema: str | None = None,
    seed: Seed | None = None,
    own_form: str | None = None,
) -> str:
    """The text of a fresh assessment of `code`, every provision (or, for a code answered a section
    at a time, every section) listed and every answer empty; with a `seed`, the answers to equal
    requirements carried from the organisation's assessment against the other code. `own_form` is
    how the code's own form is answered, where `code` was made to be answered the other way."""
    out = YamlText()
    _header(out, code, organisation, assessed_on, schema)
    if seed is not None:
        out.values({"answered_per": code.answered_per, "counterpart": seed.path})
    elif own_form is not None and own_form != code.answered_per:
        # Said in the file, or it would be read the way the code's own form is answered.
        out.comment(
            f"Answered a {code.answered_per} at a time; the code's own form asks a {own_form} at a time."
        )
        out.values({"answered_per": code.answered_per})
    elif code.answered_per == "section":
        out.comment("Answered a section at a time, as the code's own form asks.")
        out.values({"answered_per": "section"})
    _policy(out, code)
    cited: dict[str, Any] = {}
    responses: dict[str, tuple[list[str], dict[str, Any] | None]] = {}
    for provision in code.provisions.values():
        notes, carried = _seeded(provision, seed) if seed is not None else ([], None)
        responses[provision.number] = (notes, carried)
        for key in (carried or {}).get("evidence", []):
            entry = seed.assessment.evidence.get(key) if seed is not None else None
            if entry is not None:
                cited[key] = as_written(entry)
    _evidence(out, code, cited)
    out.line()
    out.line("responses:")
    for section in code.sections:
        out.line()
        out.comment(f"Section {section.number}: {section.title}", indent=2)
        for provision in section.provisions:
            notes, carried = responses[provision.number]
            out.line()
            out.comment(requirement_comment(provision, section.title), indent=2)
            for note in notes:
                out.comment(note, indent=2)
            out.values({provision.number: carried or empty_response(code)}, indent=2)
    return out.text()
