"""The imported assessment as YAML to read and edit: the code's order, each requirement as a comment
above its response, the document's own words kept wherever they differ from the code's, and what
could not be placed kept at the end behind `#`, so that nothing the tables held is lost.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from selfassess.author.new import code_named, empty_response, requirement_comment
from selfassess.author.yaml_text import YamlText, yaml_fragment
from selfassess.importing import fields
from selfassess.importing.commentary_actions import take_actions
from selfassess.importing.facts import Facts, written
from selfassess.importing.layouts import (
    ACTION,
    ANSWER,
    CLOSED,
    COMMENTARY,
    CONTEXT,
    DUE,
    EVIDENCE,
    EVIDENCE_AND_COMMENTARY,
    KIND,
    LEAD,
    LINK,
    NUMBER,
    RAG,
    START,
    SUPPORTING,
    Layout,
)
from selfassess.importing.match import Placed, Unplaced, requirement_and_number
from selfassess.importing.rows import Entry, Registered, Waived
from selfassess.importing.similar import provision_words, words
from selfassess.importing.tables import is_bulleted
from selfassess.model.code import Code, Provision


@dataclass(frozen=True)
class Register:
    """The evidence register the import makes: one key for each distinct title, in the order of the
    document's own register and then of citing, with where each is published and its date where
    the document's register gives them."""

    keys: dict[str, str]  # title -> key
    organisation: str | None
    listed: dict[str, Registered]  # title -> the document's register row

    @classmethod
    def of(cls, titles: list[str], organisation: str | None, listed: Sequence[Registered] = ()) -> Register:
        keys: dict[str, str] = {}
        for title in [row.title for row in listed] + titles:
            if title not in keys:
                keys[title] = evidence_key(title, organisation, set(keys.values()))
        return cls(keys, organisation, {row.title: row for row in listed})

    def entries(self) -> dict[str, dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for title, key in self.keys.items():
            entry: dict[str, Any] = {"title": title}
            row = self.listed.get(title)
            where = row.where if row is not None else title
            if _URL.fullmatch(where):
                entry["url"] = where
            elif row is not None and where:
                entry["file"] = where
            if row is not None and row.dated:
                entry["dated"] = written(row.dated)
            found[key] = entry
        return found


_URL = re.compile(r"https?://\S+")
_SMALL_WORDS = {
    "a",
    "an",
    "and",
    "the",
    "of",
    "for",
    "on",
    "in",
    "to",
    "with",
    "by",
    "at",
    "our",
    "its",
    "is",
}


def evidence_key(title: str, organisation: str | None, taken: set[str]) -> str:
    """A short key from a title's first words: 'Corporate complaints policy Westminster City
    Council' -> 'corporate-complaints-policy' (the organisation's own name left out)."""
    base = title
    if _URL.fullmatch(title):  # the page's own name, marked as a link: 'claiming-compensation-link'
        path = [part for part in re.split(r"[/?#]", title.split("://", 1)[1]) if part]
        base = (path[-1] if len(path) > 1 else path[0] if path else "") + " link"
    elif organisation and base.casefold().endswith(organisation.casefold()) and len(base) > len(organisation):
        base = base[: -len(organisation)]
    chosen = [word for word in re.findall(r"[a-z0-9]+", base.casefold()) if word not in _SMALL_WORDS][:4]
    stem = "-".join(chosen)[:40].strip("-") or "evidence"
    key, count = stem, 1
    while key in taken:
        count += 1
        key = f"{stem}-{count}"
    return key


def evidence_of(entry: Entry, known: Collection[str] = ()) -> list[str]:
    """The evidence titles an entry cites: its evidence column's (a line that is a title the
    document's register lists is that title), and those a column of evidence and commentary
    together names."""
    titles = fields.evidence_titles(entry.texts(EVIDENCE), known)
    for text in entry.texts(EVIDENCE_AND_COMMENTARY):
        titles += [title for title in fields.evidence_and_commentary(text)[0] if title not in titles]
    return titles


def _column_texts(entry: Entry) -> dict[str, str]:
    return {role: text for _, role, text in entry.columns(marked=True)}


def response(entry: Entry, code: Code, register: Register, planned: Sequence[str] = ()) -> Made:
    """The response one entry gives, in the fields the code's kind of assessment uses. `planned`:
    what the actions an action plan gives this provision say, which a published form repeats in
    the row ("Actions: …"): those lines are the plan's, taken from the commentary and not repeated."""
    layout: Layout = entry.layout
    texts = _column_texts(entry)
    answer_text, commentary = texts.get(ANSWER, ""), texts.get(COMMENTARY, "")
    if code.is_tracker and layout.column(COMMENTARY) is None:
        answer, commentary = fields.split_answer(answer_text, code)  # one column holds both
    else:
        read = fields.read_answer(answer_text, code)
        answer = read.answer or read.typed or None
        commentary = "\n\n".join(part for part in (read.explained, commentary) if part)
    made: dict[str, Any] = {"answer": answer}
    has_action = bool(texts.get(ACTION))
    if not code.is_tracker:
        made["evidence"] = [register.keys[title] for title in evidence_of(entry, register.listed)]
        both = texts.get(EVIDENCE_AND_COMMENTARY, "")
        if both:
            commentary = "\n\n".join(
                part for part in (fields.evidence_and_commentary(both)[1], commentary) if part
            )
    supporting: list[str] = []
    if code.is_tracker or (LEAD in texts and not has_action):
        made["lead"], supporting = fields.lead_and_supporting(texts.get(LEAD, ""))
    if texts.get(SUPPORTING):
        supporting += fields.owners(texts[SUPPORTING])
    if supporting:
        made["supporting"] = supporting
    read_from: list[str] = []
    if not code.is_tracker:
        commentary = _without_the_plans_lines(commentary, len(planned))
        commentary, found = take_actions(commentary)
        in_plan = {fields.one_line(text) for text in planned}
        found = [item for item in found if fields.one_line(item.action["action"]) not in in_plan]
        read_from = [item.line for item in found]
    made["commentary"] = fields.markdown(commentary)
    if texts.get(CLOSED):
        made["closed_on"] = fields.written_date(texts[CLOSED])
    actions: list[dict[str, Any]] = []
    if has_action:
        action: dict[str, Any] = {"action": fields.markdown(texts[ACTION], escaped=False)}
        if not code.is_tracker and texts.get(LEAD):
            action["owner"] = fields.lead(texts[LEAD])
        for role, name in ((START, "start"), (DUE, "due")):
            if texts.get(role):
                action[name] = fields.written_date(texts[role])
        actions.append(action)
    if read_from:
        actions += [item.action for item in found]
    if actions:
        made["actions"] = actions
    return Made(made, [None] * (len(actions) - len(read_from)) + read_from)


def _without_the_plans_lines(commentary: str, planned: int) -> str:
    """The commentary without the list a published form ends it with: "Actions:", then one bullet
    for each action its action plan gives the provision (which the plan gives in full)."""
    lines = commentary.rstrip().split("\n")
    for at in range(len(lines) - 1, -1, -1):
        if lines[at].strip() == "Actions:":
            after = [line for line in lines[at + 1 :] if line.strip()]
            if planned and len(after) == planned and all(is_bulleted(line.strip()) for line in after):
                return "\n".join(lines[:at]).rstrip()
            break
    return commentary


@dataclass(frozen=True)
class Made:
    """A response's fields, and for each of its actions the commentary line it was read from (None
    for an action the table gives in a column of its own)."""

    fields: dict[str, Any]
    read_from: list[str | None]


def _heading_label(heading: str, column: int) -> str:
    """A column's heading as a note names it: without what it explains in brackets."""
    return fields.one_line(re.sub(r"\([^)]*\)", " ", heading)) or f"column {column + 1}"


def plan_action(item: Placed) -> dict[str, Any]:
    """An action plan's row as an action: its reference, text, owner and dates as written, its
    status or RAG, the parts it also serves, and everything else the row says in its note."""
    entry = item.entry
    layout = entry.layout
    action: dict[str, Any] = {}
    ref = fields.one_line(entry.text(NUMBER))
    if ref:
        action["ref"] = ref
    action["action"] = fields.markdown(entry.text(ACTION), escaped=False) or ""
    owner = fields.lead(entry.text(LEAD))
    if owner:
        action["owner"] = owner
    note: list[str] = []
    for role, name in ((START, "start"), (DUE, "due")):
        written, words_after = fields.date_and_words(entry.text(role))
        if written is not None:
            action[name] = written
        if words_after and words_after != "(overdue)":  # a published form's own mark, not the plan's
            note.append(words_after)  # the plan's own words beside its dates: "Must be fully implemented"
    status_text = entry.text(ANSWER)
    status = fields.action_status(status_text)
    if status is not None:
        action[status[0]] = status[1]
    rag = fields.action_status(entry.text(RAG))
    if rag is not None and rag[0] == "rag":
        action["rag"] = rag[1]
    if item.serves:
        action["serves"] = list(item.serves)
    own = {NUMBER, ACTION, LEAD, START, DUE} | ({RAG} if rag is not None else set())
    for column, parts in sorted(entry.parts.items()):
        role = layout.roles[column]
        text = fields.note_part("\n".join(parts))
        if role in own or not text:
            continue
        if role == LINK and text == item.number:
            continue  # "5.9" under a published form's "Provision": where it is placed says it
        if role == ANSWER and status is not None and len(status_text.strip().splitlines()) == 1:
            continue  # "A", "In progress": all of it is the action's RAG or status
        note.append(f"{_heading_label(layout.headings[column], column)}: {text}")
    if note:
        action["note"] = " ".join(part if part[-1] in ".!?" else part + "." for part in note)
    return action


def _unused_columns(entry: Entry) -> list[tuple[str, str]]:
    """Columns whose text no field took: kept beside the requirement, headed as in the table.
    Dates belong to an action; without one in the row, they are kept here."""
    has_action = bool(entry.text(ACTION))
    return [
        (heading, text)
        for heading, role, text in entry.columns()
        if role in (CONTEXT, KIND, LINK) or (role in (START, DUE) and not has_action)
    ]


_NOT_IN_DOCUMENT = "(Not in the document: answer it here.)"


def _is_action(item: Placed) -> bool:
    return item.entry.layout.is_action_plan


def _write_response(out: YamlText, number: str, made: Made, plan: list[Placed]) -> None:
    """A response, followed by its actions: its own (each read from its commentary marked so, with
    the line it was read from), then an action plan's, each with what the table printed above it
    (a theme's heading) and how it was placed, where not by the number in its link."""
    if not plan and not any(made.read_from):
        out.values({number: made.fields}, indent=2)
        return
    response_fields = dict(made.fields)
    own = response_fields.pop("actions", [])
    out.values({number: response_fields}, indent=2)
    out.line("    actions:")
    for action, line in zip(own, made.read_from, strict=True):
        if line is not None:
            out.comment(f"Read from the commentary: {fields.one_line(line)}", indent=6)
        out.lines.extend(yaml_fragment({"actions": [action]}, indent=4)[1:])
    for item in plan:
        for text in item.entry.headings:
            out.comment(f"The table's heading here: {fields.one_line(text)}", indent=6)
        if item.why:
            out.comment(item.why, indent=6)
        out.lines.extend(yaml_fragment({"actions": [plan_action(item)]}, indent=4)[1:])


def _section_heading(number: str, title: str) -> str:
    return f"Section {number}: {title}"


def _comment_for(
    code: Code, provision: Provision | None, section_title: str, entry: Entry | None, number: str
) -> str:
    """The comment above a response: the code's requirement, then whatever the table says beside it
    that the response does not hold (its own wording where it differs, an item, a meeting date)."""
    lines: list[str] = []
    if provision is not None:
        lines.append(requirement_comment(provision, section_title))
    if entry is None:
        lines.append(_NOT_IN_DOCUMENT)
        return "\n".join(lines)
    written, _ = requirement_and_number(entry)
    if written and (provision is None or words(written) != provision_words(provision)):
        said = "The table's wording: " if provision is not None else f"{number} "
        lines.append(said + fields.one_line(written))
    read = fields.read_answer(entry.text(ANSWER), code)
    if read.reworded:
        lines.append(f"The table's answer: {read.typed}")  # the file gives the code's own word
    beside = fields.beside_answer(entry.text(ANSWER))[1]
    if beside:  # a RAG the tracker worked out: kept here, as the check works it out again
        lines.append(f"Beside the table's answer: {'; '.join(beside)}")
    shown = words("\n".join(lines))
    for heading, text in _unused_columns(entry):
        if words(text) not in shown:
            lines.append(f"{heading}: {fields.one_line(text)}")
    return "\n".join(lines)


def _headings_above(entry: Entry, *code_headings: str | None) -> list[str]:
    """Section titles the table prints above this row, where they are not the code's own (its
    section's, or the theme the provision stands under)."""
    known = {words(heading) for heading in code_headings if heading}
    return [
        f"The table's heading here: {fields.one_line(text)}"
        for text in entry.headings
        if words(text) not in known
    ]


@dataclass(frozen=True)
class Header:
    source: str  # the file's name, as the user gave it
    organisation: str | None
    assessed_on: date | str | None
    schema: str | None
    facts: Facts = field(default_factory=Facts)  # what the document prints above its tables


@dataclass(frozen=True)
class Assembled:
    """The imported assessment as YAML with comments, and the provisions whose actions were read
    from their commentary (for the import to name)."""

    text: str
    actions_read_at: list[str]


def assessment_text(
    code: Code,
    header: Header,
    placed: list[Placed],
    unplaced: list[Unplaced],
    leftover: list[str],
    registered: list[Registered] | None = None,
    waived: Sequence[Waived] = (),
) -> Assembled:
    """The whole imported assessment, as YAML with comments."""
    actions_read_at: list[str] = []
    by_number = {item.number: item for item in placed if item.provision is not None and not _is_action(item)}
    planned: dict[str, list[Placed]] = {}  # an action plan's actions, under the provision each serves
    for item in placed:
        if _is_action(item):
            planned.setdefault(item.number, []).append(item)
    listed = {row.title for row in registered or []}
    titles = [t for item in placed for t in evidence_of(item.entry, listed)]
    register = Register.of(
        titles if not code.is_tracker else [],
        header.organisation,
        (registered or []) if not code.is_tracker else [],
    )
    out = YamlText()
    _write_header(out, code, header)
    if register.keys:
        out.line()
        out.comment(
            "The evidence register the document prints, with where each is published and its date."
            if registered
            else "The evidence the document cites, one entry for each title it gives. Add where each is "
            "published (url:) and when it was issued or last reviewed (dated:)."
        )
        out.values({"evidence": register.entries()})
    out.line()
    out.line("responses:")
    for section in code.sections:
        out.line()
        code_heading = _section_heading(section.number, section.title)
        out.comment(code_heading, indent=2)
        for provision in section.provisions:
            answered = by_number.get(provision.number)
            out.line()
            if answered is not None:
                for line in _headings_above(answered.entry, code_heading, provision.heading):
                    out.comment(line, indent=2)
            entry = answered.entry if answered is not None else None
            actions = planned.get(provision.number, [])
            comment = _comment_for(code, provision, section.title, entry, provision.number)
            if entry is None and actions:
                comment = comment.replace(
                    _NOT_IN_DOCUMENT, "(The document gives its actions: answer it here.)"
                )
            out.comment(comment, indent=2)
            in_plan = [plan_action(item)["action"] for item in actions]
            made = (
                response(entry, code, register, in_plan)
                if entry is not None
                else Made(empty_response(code), [])
            )
            set_aside = {
                item.rule: item.reason for item in waived if item.provision == provision.shown_number
            }
            if set_aside:  # the findings the form says were set aside, with the reasons it gives
                made.fields["waive"] = set_aside
            if any(made.read_from):
                actions_read_at.append(provision.number)
            _write_response(out, provision.number, made, actions)
    strangers = [item for item in placed if item.provision is None]
    if strangers:
        out.line()
        out.comment(
            f"Answers the document gives under numbers that {code.id} does not have; 'selfassess check' "
            "reports each. Correct the number, or move the answer to the provision it belongs to.",
            indent=2,
        )
        for item in strangers:
            out.line()
            for line in item.entry.headings:
                out.comment(f"The table's heading here: {fields.one_line(line)}", indent=2)
            out.comment(f"From {item.entry.place}.", indent=2)
            out.comment(_comment_for(code, None, "", item.entry, item.number), indent=2)
            _write_response(out, item.number, response(item.entry, code, register), [])
    if unplaced or leftover:
        _write_unplaced(out, unplaced, leftover)
    return Assembled(out.text(), actions_read_at)


def _write_header(out: YamlText, code: Code, header: Header) -> None:
    if header.schema:
        out.line(header.schema)
    out.comment(
        f"An assessment against the {code_named(code)}, imported from {header.source} by 'selfassess import'."
    )
    kept = "answers, leads and responses" if code.is_tracker else "answers, evidence and commentary"
    out.comment(
        f"The {kept} are as the document wrote them, and each requirement stands above its response. "
        "Run 'selfassess check' on this file: it lists every answer still empty or not one of "
        f"{code.answers.listed()}, and anything else to look at."
    )
    facts = header.facts
    out.line()
    out.values({"code": code.id, "organisation": header.organisation, "assessed_on": header.assessed_on})
    if code.is_tracker:
        return
    printed: dict[str, Any] = {}
    if facts.period is not None:
        printed["period"] = {"from": facts.period[0], "to": facts.period[1]}
    if facts.member_responsible:
        printed["member_responsible"] = facts.member_responsible
    if facts.governing_body_response:
        printed["governing_body_response"] = facts.governing_body_response
    if printed:
        out.values(printed)
    if facts.approved:
        # An approval is of the document approved: what is imported, and edited, is approved anew.
        out.comment(
            f"The document says it was approved by {facts.approved}; record this one's approval when given:"
        )
    else:
        out.comment("Fill these in, then remove the '# ' in front of them:")
    if "period" not in printed:
        out.line("# period: {from: 2025-04-01, to: 2026-03-31}")
    out.line("# approved: {by: Board, on: 2026-06-30}")
    if "member_responsible" not in printed:
        out.line("# member_responsible: the Member Responsible for Complaints")


def _write_unplaced(out: YamlText, unplaced: list[Unplaced], leftover: list[str]) -> None:
    out.line()
    out.comment(
        "Rows of the document selfassess could not place. Nothing below is read: copy what you need "
        "into a response above (without the '# '), then delete it."
    )
    rows: dict[str, dict[str, str]] = {}
    for item in unplaced:
        row: dict[str, str] = {"why": f"{item.reason}."}
        for text in item.entry.headings:
            row[_unique_heading(row, "heading above it")] = text
        for heading, _, text in item.entry.columns():
            row[_unique_heading(row, heading)] = text
        rows[item.entry.place] = row
    for text in leftover:
        rows[_unique_heading(rows, "heading at the end")] = {"text": text}
    out.commented_values(rows)


def _unique_heading(taken: dict[str, Any], heading: str) -> str:
    name, count = heading, 1
    while name in taken:
        count += 1
        name = f"{heading} ({count})"
    return name
