"""What the editor shows for one part of an assessment (its details, or one section of the code):
each field with the value the file holds (or what the person typed, where a save was refused),
and the findings beside the provision they concern. Templates only lay this out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from selfassess.check.findings import Finding
from selfassess.check.registry import BY_ID
from selfassess.load.positions import Positions
from selfassess.model.code import Code, Provision, Section
from selfassess.workspace.field_view import LABELS, Choice, Fields, FieldView, options
from selfassess.workspace.form_fields import (
    ACTION_FIELDS,
    EVIDENCE_FIELDS,
    MISSING,
    NEW,
    kind_of,
    name_of,
    shown,
    value_at,
)
from selfassess.workspace.parts_view import DETAILS, PartLink, Placement, details_title, parts_of
from selfassess.workspace.summary import FindingView, Summary, anchor_of, finding_view, summary_of


@dataclass(frozen=True)
class ActionView:
    index: int
    title: str
    fields: tuple[FieldView, ...]
    remove_name: str
    others: str  # fields the page does not edit (ref, serves, note), shown as written


@dataclass(frozen=True)
class WaiverView:
    rule: str
    rule_name: str
    reason: FieldView
    remove_name: str


@dataclass(frozen=True)
class ProvisionView:
    number: str
    shown_number: str
    anchor: str
    requirement: str  # Markdown
    items: tuple[tuple[str, str], ...]
    heading: str | None
    raised_on: str | None
    answer: FieldView | None
    fields: tuple[FieldView, ...]  # evidence, commentary, and a tracker's own columns
    commentary_published: str | None  # the commentary in the file, to show as it will be published
    evidence_extra: str  # the name of the box for a title not in the register
    actions: tuple[ActionView, ...]
    new_action: tuple[FieldView, ...]
    waivers: tuple[WaiverView, ...]
    new_waiver_rules: tuple[Choice, ...]
    new_waiver_prefix: str
    findings: tuple[FindingView, ...]
    cannot_show: bool  # the response is not a set of fields the page can show


@dataclass(frozen=True)
class RegisterEntryView:
    key: str
    fields: tuple[FieldView, ...]


@dataclass(frozen=True)
class DetailsView:
    fields: tuple[FieldView, ...]
    policy: tuple[tuple[FieldView, str], ...]  # (the organisation's limit, the code's)
    deadlines: tuple[tuple[FieldView, str], ...]  # (its own date, the code's) where the code lets it vary
    register: tuple[RegisterEntryView, ...]
    new_entry: tuple[FieldView, ...]
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class Links:
    save: str
    check: str
    publish: str


@dataclass(frozen=True)
class EditorView:
    path: str
    links: Links
    organisation: str
    code_title: str
    answer_label: str
    is_tracker: bool
    part: str
    part_title: str
    section_title: str  # the section's own title, which a sub-heading repeating it need not
    parts: tuple[PartLink, ...]
    provisions: tuple[ProvisionView, ...]
    details: DetailsView | None
    summary: Summary
    version: str
    kept_names: tuple[str, ...]


def _provision(
    fields: Fields, code: Code, provision: Provision, findings: list[FindingView]
) -> ProvisionView:
    number = provision.number
    base: tuple[str | int, ...] = ("responses", number)
    response = value_at(fields.data, base)
    cannot_show = response is not MISSING and not isinstance(response, dict | None)
    columns: list[FieldView] = []
    actions: list[ActionView] = []
    waivers: list[WaiverView] = []
    answer = None
    if not cannot_show:
        answer = fields.field((*base, "answer"), code.answers.label, tuple(code.answers.values))
        if code.is_tracker:
            columns += [fields.field((*base, "lead")), fields.field((*base, "supporting"))]
        else:
            columns.append(_evidence(fields, code, base))
        columns.append(fields.field((*base, "commentary")))
        if code.is_tracker:
            columns.append(fields.field((*base, "closed_on")))
        actions = _actions(fields, base)
        waivers = _waivers(fields, base)
    prefix = name_of((*base, "actions", NEW))
    new_action = tuple(
        FieldView(
            f"{prefix}/{part}",
            LABELS[part],
            kind_of((part,)),
            fields.typed.get(f"{prefix}/{part}", [""])[-1],
            options(part, ""),
        )
        for part in ACTION_FIELDS
    )
    waived = {waiver.rule for waiver in waivers}
    found_rules = [finding.rule for finding in findings if finding.rule not in waived]
    rules = [
        *dict.fromkeys(found_rules),
        *(rule for rule in BY_ID if rule not in found_rules and rule not in waived),
    ]
    return ProvisionView(
        number=number,
        shown_number=provision.shown_number,
        anchor=anchor_of(number),
        requirement=provision.text,
        items=tuple((item.label, item.text) for item in provision.items),
        heading=provision.heading,
        raised_on=provision.raised_on.text if provision.raised_on else None,
        answer=answer,
        fields=tuple(columns),
        commentary_published=_commentary(fields.data, base),
        evidence_extra=name_of((*base, "evidence", NEW)),
        actions=tuple(actions),
        new_action=new_action,
        waivers=tuple(waivers),
        new_waiver_rules=tuple(Choice(rule, f"{rule} {BY_ID[rule].name}", False) for rule in rules),
        new_waiver_prefix=name_of((*base, "waive", NEW)),
        findings=tuple(findings),
        cannot_show=cannot_show,
    )


def _commentary(data: Any, base: tuple[str | int, ...]) -> str | None:
    written = value_at(data, (*base, "commentary"))
    return written if isinstance(written, str) and written.strip() else None


def _evidence(fields: Fields, code: Code, base: tuple[str | int, ...]) -> FieldView:
    """Tick-boxes: what the response cites, in its order, then the rest of the register."""
    cited = fields.field((*base, "evidence"), "Evidence")
    if cited.cannot_show:
        return cited
    register = value_at(fields.data, ("evidence",))
    titles: dict[str, str] = {}
    if isinstance(register, dict):
        for key, entry in register.items():
            title = entry.get("title") if isinstance(entry, dict) else None
            titles[str(key)] = title if isinstance(title, str) and title.strip() else str(key)
    ticked = [choice.value for choice in cited.choices]
    choices = [Choice(value, titles.get(value, value), True) for value in ticked]
    choices += [Choice(key, title, False) for key, title in titles.items() if key not in ticked]
    return FieldView(cited.name, "Evidence", "list", choices=tuple(choices), kept=cited.kept)


def _actions(fields: Fields, base: tuple[str | int, ...]) -> list[ActionView]:
    listed = value_at(fields.data, (*base, "actions"))
    if not isinstance(listed, list):
        return []
    views: list[ActionView] = []
    for index, action in enumerate(listed):
        if not isinstance(action, dict):
            continue
        loc = (*base, "actions", index)
        made = []
        for part in ACTION_FIELDS:
            made_field = fields.field((*loc, part))
            if part in ("status", "rag"):
                made_field = FieldView(
                    made_field.name,
                    made_field.label,
                    "choice",
                    made_field.value,
                    options(part, made_field.value),
                    made_field.kept,
                    made_field.cannot_show,
                )
            made.append(made_field)
        others = ", ".join(
            f"{key}: {shown(value, 'text') or ''}"
            for key, value in action.items()
            if key not in ACTION_FIELDS
        )
        title = action.get("action")
        views.append(
            ActionView(
                index,
                title if isinstance(title, str) else f"Action {index + 1}",
                tuple(made),
                name_of((*loc, "remove")),
                others,
            )
        )
    return views


def _waivers(fields: Fields, base: tuple[str | int, ...]) -> list[WaiverView]:
    listed = value_at(fields.data, (*base, "waive"))
    if not isinstance(listed, dict):
        return []
    views = []
    for rule in listed:
        rule_name = BY_ID[rule].name if rule in BY_ID else "not a check selfassess has"
        reason = fields.field((*base, "waive", str(rule)), f"Why {rule} is set aside here")
        views.append(WaiverView(str(rule), rule_name, reason, name_of((*base, "waive", str(rule), "remove"))))
    return views


def _details(fields: Fields, code: Code, findings: list[FindingView]) -> DetailsView:
    top = [
        fields.field(("organisation",)),
        fields.field(("assessed_on",)),
        fields.field(("period", "from")),
        fields.field(("period", "to")),
        fields.field(("approved", "by")),
        fields.field(("approved", "on")),
    ]
    if not code.is_tracker:
        top += [fields.field(("member_responsible",)), fields.field(("governing_body_response",))]
    policy = tuple(
        (fields.field(("policy", key), limit.describes or key), str(limit.limit))
        for key, limit in code.time_limits.items()
    )
    deadlines = tuple(
        (fields.field(("deadlines", key), deadline.describes or key), deadline.due)
        for key, deadline in code.deadlines.items()
        if deadline.varies
    )
    register = value_at(fields.data, ("evidence",))
    entries = []
    if isinstance(register, dict):
        for key, entry in register.items():
            if isinstance(entry, dict):
                entries.append(
                    RegisterEntryView(
                        str(key),
                        tuple(fields.field(("evidence", str(key), part)) for part in EVIDENCE_FIELDS),
                    )
                )
    new_entry = tuple(
        FieldView(
            name_of(("evidence", NEW, part)),
            LABELS[part],
            kind_of((part,)),
            fields.typed.get(name_of(("evidence", NEW, part)), [""])[-1],
        )
        for part in EVIDENCE_FIELDS
    )
    return DetailsView(tuple(top), policy, deadlines, tuple(entries), new_entry, tuple(findings))


def editor_view(
    path: str,
    code: Code,
    data: Any,
    findings: list[Finding],
    part: str,
    version: str,
    typed: Mapping[str, list[str]] | None = None,
    positions: Positions | None = None,
) -> EditorView:
    """The editor for `part` (DETAILS, or a section's number) of the assessment `data` of `code`;
    `positions`, where the file's were read, place each finding in the part where it is fixed."""
    typed = typed or {}
    fields = Fields(data, typed)
    sections: dict[str, Section] = {section.number: section for section in code.sections}
    if part not in sections:
        part = DETAILS
    placement = Placement(code, data, positions)
    views = [finding_view(path, finding, placement.part(finding)) for finding in findings]
    organisation = value_at(data, ("organisation",))
    provisions: tuple[ProvisionView, ...] = ()
    details = None
    section_title = ""
    if part == DETAILS:
        details = _details(fields, code, [view for view in views if view.part == DETAILS])
        title = details_title(code)
    else:
        section = sections[part]
        section_title = section.title
        by_number: dict[str, list[FindingView]] = {}
        for view in views:
            by_number.setdefault(view.provision or "", []).append(view)
        provisions = tuple(
            _provision(fields, code, provision, by_number.get(provision.number, []))
            for provision in section.provisions
        )
        title = f"Section {section.number}: {section.title}"
    return EditorView(
        path=path,
        links=Links(f"/edit/{quote(path)}", f"/check/{quote(path)}", f"/publish/{quote(path)}"),
        organisation=organisation
        if isinstance(organisation, str) and organisation
        else "(no organisation yet)",
        code_title=code.title,
        answer_label=code.answers.label,
        is_tracker=code.is_tracker,
        part=part,
        part_title=title,
        section_title=section_title,
        parts=parts_of(path, code, data, findings, part, placement),
        provisions=provisions,
        details=details,
        summary=summary_of(views),
        version=version,
        kept_names=tuple(name for name in typed if not name.startswith("_")),
    )
