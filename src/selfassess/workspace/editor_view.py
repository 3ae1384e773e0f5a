"""What the editor shows for one part of an assessment (its details, or one section of the code):
each field with the value the file holds (or what the person typed, where a save was refused),
and the findings beside the provision they concern. Templates only lay this out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from selfassess.check.findings import Finding, Severity
from selfassess.check.registry import BY_ID
from selfassess.model.code import Code, Provision, Section
from selfassess.workspace.form_fields import (
    ACTION_FIELDS,
    EVIDENCE_FIELDS,
    MISSING,
    NEW,
    RAGS,
    STATUSES,
    Kind,
    kind_of,
    loc_of,
    name_of,
    shown,
    value_at,
)
from selfassess.workspace.summary import FindingView, Summary, anchor_of, finding_view, summary_of

DETAILS = "details"

_LABELS = {
    "organisation": "Organisation",
    "assessed_on": "Assessed on",
    "member_responsible": "Member Responsible for Complaints",
    "governing_body_response": "Governing body's response (a web address, or the text)",
    "from": "Period from",
    "to": "Period to",
    "by": "Approved by",
    "on": "Approved on",
    "title": "Title",
    "url": "Web address",
    "file": "File (relative to the assessment)",
    "dated": "Dated (issued or last reviewed)",
    "action": "Action",
    "owner": "Owner",
    "start": "Start",
    "due": "Due",
    "status": "Status",
    "rag": "RAG",
    "commentary": "Commentary",
    "lead": "Lead",
    "supporting": "Supporting (one a line)",
    "closed_on": "Closed on",
}


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    checked: bool


@dataclass(frozen=True)
class FieldView:
    name: str
    label: str
    kind: Kind
    value: str = ""
    choices: tuple[Choice, ...] = ()
    kept: bool = False  # it shows what the person typed, not yet saved
    cannot_show: bool = False  # written in the file in a way the page cannot show: left alone

    @property
    def id(self) -> str:
        return "f-" + quote(self.name, safe="").replace("%", "_")

    @property
    def date_input(self) -> bool:
        """A date picker where the value is empty or already an ISO date; otherwise the text as
        written, so a date the checks cannot read (31/11/09) is shown to be fixed."""
        return self.kind == "date" and (not self.value or (len(self.value) == 10 and self.value[4] == "-"))


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
class PartLink:
    key: str
    title: str
    href: str
    current: bool
    errors: int
    warnings: int
    answered: int
    total: int


@dataclass(frozen=True)
class RegisterEntryView:
    key: str
    fields: tuple[FieldView, ...]


@dataclass(frozen=True)
class DetailsView:
    fields: tuple[FieldView, ...]
    policy: tuple[tuple[FieldView, str], ...]  # (the organisation's limit, the code's)
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


class _Fields:
    """Builds fields from the file's data, showing typed values where a save kept them."""

    def __init__(self, data: Any, typed: Mapping[str, list[str]]) -> None:
        self.data = data
        self.typed = typed

    def field(
        self, loc: tuple[str | int, ...], label: str | None = None, choices: tuple[str, ...] = ()
    ) -> FieldView:
        name = name_of(loc)
        kind = kind_of(loc)
        now = shown(value_at(self.data, loc), kind)
        label = label or _LABELS.get(str(loc[-1]), str(loc[-1]))
        if now is None:
            return FieldView(name, label, kind, cannot_show=True)
        kept = name in self.typed
        if kind == "list":
            values = [v for v in self.typed[name] if v] if kept else list(now)
            return FieldView(name, label, kind, choices=tuple(Choice(v, v, True) for v in values), kept=kept)
        value = self.typed[name][-1] if kept else str(now)
        if kind == "choice":
            offered = list(choices)
            if value and value not in offered:
                offered.append(value)  # kept as written ('YAC'), for the person to change
            listed = [Choice(v, v, v == value) for v in offered]
            return FieldView(name, label, kind, value, tuple(listed), kept)
        return FieldView(name, label, kind, value, kept=kept)


def _details_title(code: Code) -> str:
    return "Details" if code.is_tracker else "Details and evidence register"


def _section_of(code: Code) -> dict[str, str]:
    return {provision.number: section.number for section in code.sections for provision in section.provisions}


def _answered(data: Any, number: str) -> bool:
    answer = value_at(data, ("responses", number, "answer"))
    return isinstance(answer, str) and bool(answer.strip())


def _parts(path: str, code: Code, data: Any, findings: list[Finding], current: str) -> tuple[PartLink, ...]:
    placed = _section_of(code)
    counts: dict[str, list[int]] = {}  # part: [errors, warnings]
    for finding in findings:
        if finding.waived is None and finding.severity is not Severity.INFO:
            tally = counts.setdefault(placed.get(finding.provision or "", DETAILS), [0, 0])
            tally[0 if finding.severity is Severity.ERROR else 1] += 1
    href = f"/edit/{quote(path)}?part="
    errors, warnings = counts.get(DETAILS, [0, 0])
    links = [
        PartLink(
            DETAILS,
            "Details and evidence register",
            href + DETAILS,
            current == DETAILS,
            errors,
            warnings,
            0,
            0,
        )
    ]
    for section in code.sections:
        numbers = [provision.number for provision in section.provisions]
        errors, warnings = counts.get(section.number, [0, 0])
        links.append(
            PartLink(
                section.number,
                f"{section.number}. {section.title}",
                href + quote(section.number, safe=""),
                current == section.number,
                errors,
                warnings,
                sum(_answered(data, number) for number in numbers),
                len(numbers),
            )
        )
    return tuple(links)


def _provision(
    fields: _Fields, code: Code, provision: Provision, findings: list[FindingView]
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
            _LABELS[part],
            kind_of((part,)),
            fields.typed.get(f"{prefix}/{part}", [""])[-1],
            _options(part, ""),
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


def _options(part: str, value: str) -> tuple[Choice, ...]:
    offered = {"status": STATUSES, "rag": RAGS}.get(part)
    if offered is None:
        return ()
    listed = [*offered, value] if value and value not in offered else list(offered)
    return tuple(Choice(option, option.replace("-", " "), option == value) for option in listed)


def _evidence(fields: _Fields, code: Code, base: tuple[str | int, ...]) -> FieldView:
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


def _actions(fields: _Fields, base: tuple[str | int, ...]) -> list[ActionView]:
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
                    _options(part, made_field.value),
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


def _waivers(fields: _Fields, base: tuple[str | int, ...]) -> list[WaiverView]:
    listed = value_at(fields.data, (*base, "waive"))
    if not isinstance(listed, dict):
        return []
    views = []
    for rule in listed:
        rule_name = BY_ID[rule].name if rule in BY_ID else "not a check selfassess has"
        reason = fields.field((*base, "waive", str(rule)), f"Why {rule} is set aside here")
        views.append(WaiverView(str(rule), rule_name, reason, name_of((*base, "waive", str(rule), "remove"))))
    return views


def _details(fields: _Fields, code: Code, findings: list[FindingView]) -> DetailsView:
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
            _LABELS[part],
            kind_of((part,)),
            fields.typed.get(name_of(("evidence", NEW, part)), [""])[-1],
        )
        for part in EVIDENCE_FIELDS
    )
    return DetailsView(tuple(top), policy, tuple(entries), new_entry, tuple(findings))


def field_label(name: str, code: Code) -> str:
    """A field's name in the page as a person would say it: '1.3: Commentary'."""
    parts = loc_of(name)
    last = _LABELS.get(parts[-1], parts[-1])
    if parts[0] == "responses" and len(parts) >= 3:
        number, rest = parts[1], parts[2:]
        if rest == ("answer",):
            return f"{number}: {code.answers.label}"
        if rest[0] == "evidence":
            return f"{number}: Evidence" + (" (a title not in the register)" if len(rest) > 1 else "")
        if rest[0] == "actions" and len(rest) == 3:
            which = "new action" if rest[1] == NEW else f"action {int(rest[1]) + 1}"
            return f"{number}, {which}: " + ("remove it" if rest[2] == "remove" else last)
        if rest[0] == "waive" and len(rest) >= 2:
            if rest[1] == NEW:
                return f"{number}: set a check aside ({'the check' if rest[-1] == 'rule' else 'why'})"
            return f"{number}: " + (
                f"stop setting {rest[1]} aside" if rest[-1] == "remove" else f"why {rest[1]} is set aside"
            )
        return f"{number}: {last}"
    if parts[0] == "evidence" and len(parts) == 3:
        return (
            "New document for the register" if parts[1] == NEW else f"Evidence register, {parts[1]}"
        ) + f": {last}"
    if parts[0] == "policy" and len(parts) == 2:
        limit = code.time_limits.get(parts[1])
        return f"Your time limit: {limit.describes if limit is not None and limit.describes else parts[1]}"
    return f"Details: {last}"


def editor_view(
    path: str,
    code: Code,
    data: Any,
    findings: list[Finding],
    part: str,
    version: str,
    typed: Mapping[str, list[str]] | None = None,
) -> EditorView:
    """The editor for `part` (DETAILS, or a section's number) of the assessment `data` of `code`."""
    typed = typed or {}
    fields = _Fields(data, typed)
    sections: dict[str, Section] = {section.number: section for section in code.sections}
    if part not in sections:
        part = DETAILS
    placed = _section_of(code)
    views = [
        finding_view(path, finding, placed.get(finding.provision or "", DETAILS)) for finding in findings
    ]
    organisation = value_at(data, ("organisation",))
    provisions: tuple[ProvisionView, ...] = ()
    details = None
    section_title = ""
    if part == DETAILS:
        details = _details(fields, code, [view for view in views if view.part == DETAILS])
        title = _details_title(code)
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
        parts=_parts(path, code, data, findings, part),
        provisions=provisions,
        details=details,
        summary=summary_of(views),
        version=version,
        kept_names=tuple(name for name in typed if not name.startswith("_")),
    )


@dataclass(frozen=True)
class ProvisionFindings:
    anchor: str
    shown_number: str
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class FindingsView:
    """What a live check changes on the editor page: the counts by part, the summary, and the
    findings beside each provision of the part shown (or beside the details)."""

    parts: tuple[PartLink, ...]
    summary: Summary
    details_findings: tuple[FindingView, ...] | None
    provisions: tuple[ProvisionFindings, ...]


def findings_view(path: str, code: Code, data: Any, findings: list[Finding], part: str) -> FindingsView:
    placed = _section_of(code)
    views = [
        finding_view(path, finding, placed.get(finding.provision or "", DETAILS)) for finding in findings
    ]
    sections = {section.number: section for section in code.sections}
    provisions: tuple[ProvisionFindings, ...] = ()
    details = None
    if part in sections:
        by_number: dict[str, list[FindingView]] = {}
        for view in views:
            by_number.setdefault(view.provision or "", []).append(view)
        provisions = tuple(
            ProvisionFindings(anchor_of(p.number), p.shown_number, tuple(by_number.get(p.number, [])))
            for p in sections[part].provisions
        )
    else:
        part = DETAILS
        details = tuple(view for view in views if view.part == DETAILS)
    return FindingsView(_parts(path, code, data, findings, part), summary_of(views), details, provisions)
