"""What `diff` says of the fields the headline changes do not cover: who the assessments are of,
the other details, the evidence register's entries, each provision's commentary, waivers and
tracker fields, and an action's own fields. An auditor reads "nothing changed" as a promise, so
every field of an assessment is compared somewhere: here, or in `diff`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from difflib import SequenceMatcher

from selfassess.compare.change import STATUS_WORDS, Change, day
from selfassess.model.assessment import Action, Assessment, EvidenceItem, Response

#: The details compared one for one, with how a sentence names them.
_DETAILS = {
    "governing_body_response": "The governing body's response",
    "answered_per": "How the assessment is answered (per provision or per section)",
    "counterpart": "The assessment it is read beside",
    "complaints_log": "The complaints log",
}
#: How many separate edits of a commentary are spelt out before the rest are counted.
_EDITS_SHOWN = 3
_WORDS_SHOWN = 12


def _quoted(text: str) -> str:
    words = text.split()
    cut = " ".join(words[:_WORDS_SHOWN]) + (" …" if len(words) > _WORDS_SHOWN else "")
    return f"'{cut}'"


def _said(name: str, before: str | None, after: str | None) -> str:
    if after is None:
        return f"{name} is no longer given; it was {before}."
    if before is None:
        return f"{name} is now given: {after}."
    return f"{name} is now {after}; it was {before}."


def organisation_changes(old: Assessment, new: Assessment) -> Iterator[Change]:
    """Who the assessments are of: said first, as comparing two landlords is rarely meant."""
    if " ".join(old.organisation.split()).casefold() != " ".join(new.organisation.split()).casefold():
        yield Change(
            "organisation-changed",
            f"These are assessments of two different organisations: the old one of {old.organisation}, "
            f"the new one of {new.organisation}.",
            before=old.organisation,
            after=new.organisation,
        )
    elif old.organisation != new.organisation:
        yield Change(
            "organisation-changed",
            f"The organisation's name is now written {new.organisation}; it was {old.organisation}.",
            before=old.organisation,
            after=new.organisation,
        )


def detail_changes(old: Assessment, new: Assessment) -> Iterator[Change]:
    """When each was made, the details `diff` does not headline, and the evidence register."""
    if old.assessed_on.text != new.assessed_on.text:
        yield Change(
            "assessed-on-changed",
            f"The new assessment was made on {day(new.assessed_on)}; the old one on {day(old.assessed_on)}.",
            before=old.assessed_on.text,
            after=new.assessed_on.text,
        )
    for field, name in _DETAILS.items():
        before, after = getattr(old, field), getattr(new, field)
        if before != after:
            yield Change(
                "detail-changed", _said(name, before, after), subject=field, before=before, after=after
            )
    for key in dict.fromkeys([*old.deadlines, *new.deadlines]):
        was, now = old.deadlines.get(key), new.deadlines.get(key)
        if was != now:
            yield Change(
                "detail-changed",
                _said(f"Your date for '{key}'", was, now),
                subject=f"deadlines.{key}",
                before=was,
                after=now,
            )
    yield from _register(old.evidence, new.evidence)


def _entry_words(item: EvidenceItem) -> dict[str, str | None]:
    return {
        "title": item.title,
        "address": item.url,
        "file": item.file,
        "date": day(item.dated) or None,
    }


def _register(old: Mapping[str, EvidenceItem], new: Mapping[str, EvidenceItem]) -> Iterator[Change]:
    """The evidence register entry by entry (its key is what responses cite)."""
    for key in dict.fromkeys([*old, *new]):
        was, now = old.get(key), new.get(key)
        if was == now:
            continue
        if was is None:
            assert now is not None
            said = f"The evidence register has a new entry: {now.title}."
        elif now is None:
            said = f"The evidence register no longer lists {was.title}."
        else:
            before, after = _entry_words(was), _entry_words(now)
            parts = [
                f"{part} {after[part] or 'none'} (was {before[part] or 'none'})"
                for part in before
                if before[part] != after[part]
            ]
            said = f"The evidence register's entry for {now.title} changed: {'; '.join(parts)}."
        yield Change(
            "evidence-entry-changed",
            said,
            subject=key,
            before=None if was is None else was.title,
            after=None if now is None else now.title,
        )


def _responses(assessment: Assessment, numbers: Sequence[str]) -> list[Response]:
    return [assessment.responses[n] for n in numbers if n in assessment.responses]


def _commentary(responses: Sequence[Response]) -> str | None:
    texts = [r.commentary for r in responses if r.commentary]
    return "\n\n".join(texts) if texts else None


def words_changed(before: str, after: str) -> str:
    """The edits from `before` to `after`, word by word: "'does' became 'DOES NOT'"."""
    old, new = before.split(), after.split()
    edits: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "replace":
            edits.append(f"{_quoted(' '.join(old[i1:i2]))} became {_quoted(' '.join(new[j1:j2]))}")
        elif op == "delete":
            edits.append(f"{_quoted(' '.join(old[i1:i2]))} was taken out")
        elif op == "insert":
            edits.append(f"{_quoted(' '.join(new[j1:j2]))} was added")
    shown = "; ".join(edits[:_EDITS_SHOWN])
    more = len(edits) - _EDITS_SHOWN
    return shown + (f"; and {more} more change{'s' if more != 1 else ''}" if more > 0 else "")


def response_changes(
    number: str, olds: tuple[str, ...], old: Assessment, new: Assessment
) -> Iterator[Change]:
    """A provision's commentary, waivers and tracker fields against the response(s) it continues."""
    was_responses, now_responses = _responses(old, olds), _responses(new, (number,))
    before, after = _commentary(was_responses), _commentary(now_responses)
    # Only the words count: a paragraph re-wrapped in the file is not a change.
    if (before or "").split() != (after or "").split():
        if before is None:
            said = "The commentary is new."
        elif after is None:
            said = "The commentary was taken out."
        else:
            said = f"The commentary changed: {words_changed(before, after)}."
        yield Change("commentary-changed", said, number, olds, before=before, after=after)
    old_waivers = {rule: reason for r in was_responses for rule, reason in r.waive.items()}
    new_waivers = {rule: reason for r in now_responses for rule, reason in r.waive.items()}
    for rule in dict.fromkeys([*old_waivers, *new_waivers]):
        if rule not in old_waivers:
            kind, said = "waiver-added", f"{rule} is now waived: {new_waivers[rule] or 'no reason given'}."
        elif rule not in new_waivers:
            kind, said = "waiver-removed", f"{rule} is no longer waived."
        elif old_waivers[rule] != new_waivers[rule]:
            kind = "waiver-changed"
            said = f"The reason for waiving {rule} is now: {new_waivers[rule] or 'none'}."
        else:
            continue
        yield Change(
            kind, said, number, olds, subject=rule, before=old_waivers.get(rule), after=new_waivers.get(rule)
        )
    if len(was_responses) == 1 and len(now_responses) == 1:
        was, now = was_responses[0], now_responses[0]
        for name, field, before_value, after_value in (
            ("The lead", "lead", was.lead, now.lead),
            (
                "Who supports it",
                "supporting",
                ", ".join(was.supporting) or None,
                ", ".join(now.supporting) or None,
            ),
            ("The date it was closed", "closed_on", day(was.closed_on) or None, day(now.closed_on) or None),
        ):
            if before_value != after_value:
                yield Change(
                    "response-changed",
                    _said(name, before_value, after_value),
                    number,
                    olds,
                    subject=field,
                    before=before_value,
                    after=after_value,
                )


def _action_fields(action: Action) -> dict[str, str | None]:
    return {
        "what": " ".join(action.action.split()),  # a line re-wrapped in the file is not a change
        "reference": action.ref,
        "owner": action.owner,
        "start": day(action.start) or None,
        "due": day(action.due) or None,
        "status": STATUS_WORDS.get(action.status or "", action.status),
        "RAG": action.rag,
        "serves": ", ".join(action.serves) or None,
        "note": " ".join(action.note.split()) if action.note else None,
    }


def action_field_changes(
    number: str, olds: tuple[str, ...], now: Action, before: Action, told: Sequence[str]
) -> Iterator[Change]:
    """One sentence for what else changed in an action continued from last time; `told`: the
    fields a headline change (done, due later) has said already."""
    was, is_now = _action_fields(before), _action_fields(now)
    parts = [
        f"{field} {is_now[field] or 'none'} (was {was[field] or 'none'})"
        for field in was
        if was[field] != is_now[field] and field not in told
    ]
    if parts:
        yield Change(
            "action-changed",
            f"The action '{now.action}' changed: {'; '.join(parts)}.",
            number,
            olds,
            subject=now.action,
            ref=now.ref,
        )
