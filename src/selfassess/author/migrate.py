"""`selfassess migrate`: an assessment carried to the code that supersedes its own.

Next year's assessment starts from this year's answers, laid out like `new`: every provision of
the newer code in its order, its requirement as a comment above it. Each response is carried as
it was read, value for value, never through the model (which would add defaults and rewrite
dates); only where it goes changes, through `previously`. Nothing the user wrote is dropped:
what the newer code has no place for stays in the file as a comment.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from selfassess.author.new import code_named, empty_response, requirement_comment
from selfassess.author.yaml_text import YamlText, flow
from selfassess.model.code import Code
from selfassess.model.versions import Correspondence
from selfassess.timelimits.written_date import WrittenDate

Data = dict[str, Any]


@dataclass(frozen=True)
class Disagreement:
    """A provision made of several old ones whose answers differ: its answer is left to the user."""

    provision: str
    answers: tuple[tuple[str, str | None], ...]  # (old number, the answer as written, None: none)


@dataclass(frozen=True)
class Migration:
    text: str
    new_code: str
    old_code: str  # the code last year's file answered, whose numbers `kept_as_comments` gives
    carried: tuple[str, ...]  # provisions given last year's response
    new: tuple[str, ...]  # provisions with nothing behind them in the old code
    unanswered: tuple[str, ...]  # provisions whose old ones had no response
    disagreements: tuple[Disagreement, ...]
    kept_as_comments: tuple[str, ...]  # old responses the newer code has no provision for
    set_aside: tuple[str, ...]  # policy and deadlines keys the newer code no longer declares
    approval_dropped: str | None = None  # last time's approval, as written, kept only as a comment

    def summary(self) -> str:
        """One sentence for the terminal: what was carried and what is left to do. The two codes
        number their provisions alike ('2.2' in each, for different requirements), so each list
        says which code's numbers it gives."""
        new, old = self.new_code, self.old_code
        parts = [f"Carried {_count(len(self.carried), 'response')} from {old} to {new}"]
        if self.new:
            parts.append(f"{_are(len(self.new), 'provision', f'new in {new}')} and {_needs(len(self.new))}")
            parts[-1] += f": {', '.join(self.new)}"
        if self.disagreements:
            numbers = [d.provision for d in self.disagreements]
            verb = "draws" if len(numbers) == 1 else "draw"
            parts.append(
                f"{_count(len(numbers), 'provision')} of {new} {verb} on answers that differ and "
                f"{_needs(len(numbers))}: {', '.join(numbers)}"
            )
        if self.unanswered:
            had = len(self.unanswered)
            parts.append(
                f"{_count(had, 'provision')} of {new} had no answer last time and still {_needs(had)}: "
                f"{', '.join(self.unanswered)}"
            )
        if self.kept_as_comments:
            gone = len(self.kept_as_comments)
            exists, kept = ("exists", "is") if gone == 1 else ("exist", "are")
            parts.append(
                f"{_count(gone, 'provision')} of {old} no longer {exists} in {new} and {kept} kept as a "
                f"comment at the end: {', '.join(self.kept_as_comments)}"
            )
        if self.set_aside:
            keys = len(self.set_aside)
            parts.append(
                f"{_count(keys, 'policy or deadline entry', 'policy or deadline entries')} the new code "
                f"no longer has {'is' if keys == 1 else 'are'} kept as a comment: {', '.join(self.set_aside)}"
            )
        if self.approval_dropped:
            parts.append(f"last time's approval ({self.approval_dropped}) is not carried over")
        return "; ".join(parts) + "."


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else many or one + 's'}"


def _are(n: int, noun: str, what: str) -> str:
    return f"{_count(n, noun)} {'is' if n == 1 else 'are'} {what}"


def _needs(n: int) -> str:
    return "needs an answer" if n == 1 else "need an answer"


def listed(numbers: Sequence[str]) -> str:
    """'1.2', '1.2 and 1.3', '1.2, 1.3 and 1.4'."""
    if len(numbers) <= 1:
        return "".join(numbers)
    return f"{', '.join(numbers[:-1])} and {numbers[-1]}"


def quoted(answer: str | None) -> str:
    return f"'{answer}'" if answer else "no answer"


def as_written(value: Any) -> Any:
    """A copy of loaded data whose dates write back as they were typed (`2024-4-1` stays so)."""
    if isinstance(value, dict):
        return {key: as_written(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_written(item) for item in value]
    if isinstance(value, date):
        return WrittenDate(getattr(value, "text", value.isoformat()), value)
    return value


@dataclass
class _Carried:
    """What one provision of the newer code receives."""

    response: Data
    notes: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, Data]] = field(default_factory=list)  # (old number, values set aside)
    disagreement: Disagreement | None = None
    from_old: bool = False


def _answer_text(response: Data | None) -> str | None:
    answer = response.get("answer") if response else None
    return answer if isinstance(answer, str) and answer.strip() else None


def _agreed(answers: list[str | None], old: Code) -> tuple[str | None, bool]:
    """The answer the parts agree on, and whether they agree (all unanswered counts as agreeing)."""
    if not any(answers):
        return None, True
    if not all(answers):
        return None, False
    meanings = {old.answers.meaning(answer) or answer for answer in answers if answer}
    return (answers[0], True) if len(meanings) == 1 else (None, False)


def _union(lists: list[Any]) -> list[Any]:
    merged: list[Any] = []
    for items in lists:
        for item in items if isinstance(items, list) else [items]:
            if item not in merged:
                merged.append(item)
    return merged


def _combine(number: str, parts: list[tuple[str, Data | None]], old: Code) -> _Carried:
    """Several old responses made into one: answers only where they agree, evidence and actions
    together, commentary under 'From 1.2:' headings, anything else only where all say the same."""
    answers = [_answer_text(response) for _, response in parts]
    answer, agree = _agreed(answers, old)
    present = [(old_number, response) for old_number, response in parts if response is not None]
    fields = list(dict.fromkeys(["answer", *(key for _, response in present for key in response)]))
    combined: Data = {}
    conflicts: dict[str, Data] = {}
    for name in fields:
        values = [(old_number, response[name]) for old_number, response in present if name in response]
        if name == "answer":
            combined[name] = answer
        elif name == "commentary":
            texts = [(n, text) for n, text in values if isinstance(text, str) and text.strip()]
            combined[name] = (
                "\n\n".join(f"From {n}:\n\n{text.strip()}" for n, text in texts) + "\n" if texts else None
            )
        elif values and all(isinstance(value, list) for _, value in values):
            combined[name] = _union([value for _, value in values])
        elif values and all(isinstance(value, dict) for _, value in values):
            kept: Data = {}
            for key in dict.fromkeys(k for _, value in values for k in value):
                said = [(n, value[key]) for n, value in values if key in value]
                if all(item == said[0][1] for _, item in said):
                    kept[key] = said[0][1]
                else:
                    for n, item in said:
                        conflicts.setdefault(n, {}).setdefault(name, {})[key] = item
            combined[name] = kept
        elif all(value == values[0][1] for _, value in values):
            combined[name] = values[0][1]
        else:
            for n, value in values:
                conflicts.setdefault(n, {})[name] = value
    numbers = [n for n, _ in parts]
    given = any(_says_something(response) for _, response in present)
    carried = _Carried(combined, conflicts=list(conflicts.items()), from_old=given)
    if not agree:
        carried.disagreement = Disagreement(number, tuple(zip(numbers, answers, strict=True)))
    return carried


def _notes(
    number: str, numbers: tuple[str, ...], carried: _Carried, link: Correspondence, answers: list[str | None]
) -> None:
    old_id = link.old_code
    if not numbers:
        carried.notes.append(f"New in {link.new_code}: to be answered.")
        return
    if len(numbers) == 1:
        old_number = numbers[0]
        into = link.after(old_number)
        if len(into) > 1:
            carried.notes.append(
                f"Carried from {old_number} in {old_id}, which is now split into {listed(into)}: "
                "check that the answer fits this part."
            )
        elif old_number != number:
            carried.notes.append(f"Was {old_number} in {old_id}.")
        if not carried.from_old:
            carried.notes.append("It had no answer last time.")
        return
    if carried.disagreement is not None:
        given = ", ".join(f"{n}: {quoted(answer)}" for n, answer in carried.disagreement.answers)
        carried.notes.append(
            f"Made from {listed(numbers)} in {old_id}, which were answered differently ({given}), so the "
            "answer is left empty: choose one that fits the whole provision. Their evidence and actions "
            "are combined, and their commentary kept under 'From' headings."
        )
    elif any(answers):
        both = "both" if len(numbers) == 2 else "all"
        carried.notes.append(
            f"Made from {listed(numbers)} in {old_id}, {both} answered {quoted(answers[0])}: their "
            "evidence and actions are combined, and their commentary kept under 'From' headings."
        )
    else:
        carried.notes.append(f"Made from {listed(numbers)} in {old_id}, none of which had an answer.")
    if carried.conflicts:
        carried.notes.append(
            f"Where {listed(numbers)} said different things, each is kept as a comment below: keep the "
            "one that fits and remove its '# '."
        )


def _says_something(response: Data) -> bool:
    """False for a response left empty (a row an imported form did not have): it carries nothing."""
    return any(value not in (None, "", [], {}) for value in response.values())


def _carry(number: str, link: Correspondence, responses: Mapping[str, Any], old: Code, new: Code) -> _Carried:
    numbers = link.before(number)
    parts = [(n, responses[n] if isinstance(responses.get(n), dict) else None) for n in numbers]
    answers = [_answer_text(response) for _, response in parts]
    if not any(response is not None for _, response in parts):
        carried = _Carried(empty_response(new))
    elif len(parts) == 1:
        response = dict(parts[0][1] or {})
        carried = _Carried(response, from_old=_says_something(response))  # as written, every field
    else:
        carried = _combine(number, parts, old)
    _notes(number, numbers, carried, link, answers)
    return carried


def _is_short(value: Any) -> bool:
    """A mapping like `{from: …, to: …}` that reads best on one line, as people write it."""
    return (
        isinstance(value, dict)
        and 0 < len(value) <= 3
        and all(not isinstance(item, dict | list) for item in value.values())
        and sum(len(str(item)) + len(str(key)) for key, item in value.items()) < 60
    )


def _keyed(out: YamlText, name: str, entries: Any, keeps: Callable[[str], bool], why: str) -> list[str]:
    """`policy:` or `deadlines:` with the entries the newer code knows; the others behind '# '."""
    if not isinstance(entries, dict):
        out.values({name: entries})
        return []
    kept = {key: value for key, value in entries.items() if keeps(key)}
    dropped = {key: value for key, value in entries.items() if not keeps(key)}
    if kept:
        out.values({name: kept})
        if dropped:
            out.comment(why, indent=2)
            out.commented_values(dropped, indent=2)
    elif dropped:
        out.comment(why)
        out.commented_values({name: dropped})
    else:
        out.values({name: entries})
    return list(dropped)


def _header(
    out: YamlText, data: Data, old: Code, new: Code, source_name: str, schema: str | None, dated: bool
) -> None:
    if schema:
        out.line(schema)
    out.comment(f"An assessment against the {code_named(new)}.")
    dates = [
        name for name in ("assessed_on", "period") if name in data and not (dated and name == "assessed_on")
    ]
    stale = f"update {' and '.join(dates)}" if dates else ""
    out.comment(
        f"Carried from {source_name}, which answered {old.id}, by 'selfassess migrate'."
        + (f" What it says of last time is still here: {stale}." if stale else "")
    )
    out.comment(
        f"Write each answer as one of: {new.answers.listed()}. Then run 'selfassess check' on this file: "
        "it lists every answer still empty and anything else to fix."
    )
    out.line()


def migrate(
    data: Data,
    old: Code,
    new: Code,
    link: Correspondence,
    source_name: str,
    schema: str | None,
    assessed_on: date | None = None,
) -> Migration:
    """The text of `data` (an assessment of `old`, as loaded) carried to `new` through `link`; with
    `assessed_on`, the new assessment's own date in place of last time's."""
    data = as_written(data)
    if assessed_on is not None:
        data["assessed_on"] = WrittenDate(assessed_on.isoformat(), assessed_on)
    responses: Mapping[str, Any] = data.get("responses") or {}
    out = YamlText()
    _header(out, data, old, new, source_name, schema, assessed_on is not None)
    set_aside: list[str] = []
    approval_dropped: str | None = None
    for key, value in data.items():
        if key == "responses":
            continue
        if key == "approved":
            # An approval belongs to the assessment the governing body saw: carried forward, it
            # would publish this one as approved before anyone has read it.
            approval_dropped = _approval_words(value)
            out.comment("Last time's approval, not carried: record this assessment's own when it is given.")
            if _is_short(value):
                out.line(f"# {key}: {flow(value)}")
            else:
                out.commented_values({key: value})
            continue
        if key in ("policy", "deadlines", "evidence"):
            out.line()
        if key == "code":
            out.values({"code": new.id})
        elif key == "policy":
            set_aside += _keyed(
                out,
                key,
                value,
                lambda name: name in new.time_limits,
                f"{new.id} no longer has these time limits; they are kept here as a comment:",
            )
        elif key == "deadlines":
            set_aside += _keyed(
                out,
                key,
                value,
                lambda name: name in new.deadlines and new.deadlines[name].varies,
                f"{new.id} no longer lets you set your own date for these; they are kept here as a comment:",
            )
        elif _is_short(value):
            out.line(f"{key}: {flow(value)}")  # top-level keys are the format's own plain names
        else:
            out.values({key: value})
    out.line()
    out.line("responses:")
    carried: list[str] = []
    fresh: list[str] = []
    unanswered: list[str] = []
    disagreements: list[Disagreement] = []
    for section in new.sections:
        out.line()
        out.comment(f"Section {section.number}: {section.title}", indent=2)
        for provision in section.provisions:
            number = provision.number
            made = _carry(number, link, responses, old, new)
            out.line()
            out.comment(requirement_comment(provision, section.title), indent=2)
            for note in made.notes:
                out.comment(note, indent=2)
            out.values({number: made.response}, indent=2)
            for old_number, values in made.conflicts:
                out.comment(f"From {old_number}:", indent=4)
                out.commented_values(values, indent=4)
            if made.disagreement is not None:
                disagreements.append(made.disagreement)
            if made.from_old:
                carried.append(number)
            elif link.before(number):
                unanswered.append(number)
            else:
                fresh.append(number)
    used = {old_number for number in new.provisions for old_number in link.before(number)}
    left = [number for number in responses if number not in used]
    if left:
        out.line()
        out.comment(
            f"Responses to provisions {new.id} does not have, kept as comments so that nothing is lost; "
            "nothing reads them:",
            indent=2,
        )
        out.commented_values({number: responses[number] for number in left}, indent=2)
    return Migration(
        out.text(),
        new.id,
        old.id,
        tuple(carried),
        tuple(fresh),
        tuple(unanswered),
        tuple(disagreements),
        tuple(left),
        tuple(set_aside),
        approval_dropped,
    )


def _approval_words(value: Any) -> str:
    """`approved:` as a person would say it: 'Board, 2025-06-12'."""
    if isinstance(value, Mapping):
        return ", ".join(str(value[part]) for part in ("by", "on") if value.get(part) is not None)
    return str(value)
