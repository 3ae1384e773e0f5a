"""A `Diff` as text to read, one JSON object for scripts, or Markdown for a pull request comment.

Only layout: every sentence comes from the `Diff` itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from selfassess.compare.change import Change, Diff, Side
from selfassess.text.markdown import plain_cell
from selfassess.timelimits.calendar import long_date

FORMAT_VERSION = 1

# Control characters a terminal would obey, as they may stand in the user's own words.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def _visible(text: str) -> str:
    return _CONTROL.sub(lambda match: f"\\x{ord(match[0]):02x}", text)


def _listed(numbers: tuple[str, ...]) -> str:
    if len(numbers) <= 1:
        return "".join(numbers)
    return f"{', '.join(numbers[:-1])} and {numbers[-1]}"


def provision_label(change: Change, diff: Diff) -> str:
    """How a provision is named in a heading: '1.3', '1.3 (was 1.4)', '3.3 (new)', '3.1 of …'."""
    if change.provision is None:
        return f"{_listed(change.previously)} of {diff.old.code}"
    if diff.old.code != diff.new.code and not change.previously:
        return f"{change.provision} (new)"
    if change.previously and change.previously != (change.provision,):
        return f"{change.provision} (was {_listed(change.previously)})"
    return change.provision


def provision_groups(diff: Diff) -> Iterator[tuple[str, list[Change]]]:
    """The changes about provisions, one group per provision, in the order the diff lists them."""
    group: list[Change] = []
    for change in diff.changes:
        if change.provision is None and not change.previously:
            continue
        if group and (group[0].provision, group[0].previously) != (change.provision, change.previously):
            yield provision_label(group[0], diff), group
            group = []
        group.append(change)
    if group:
        yield provision_label(group[0], diff), group


def whole_changes(diff: Diff) -> list[Change]:
    return [change for change in diff.changes if change.provision is None and not change.previously]


def _side_words(side: Side) -> str:
    day = long_date(side.assessed_on.value) if side.assessed_on.value is not None else side.assessed_on.text
    return f"{side.path} ({side.organisation}, {side.code}, assessed on {day})"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summary(diff: Diff) -> str:
    """One sentence counting what changed, or saying nothing did."""
    if not diff.changes:
        return "Nothing changed: the answers, evidence, actions and details are the same."

    def count(*kinds: str) -> int:
        return len(diff.of_kind(*kinds))

    parts: list[str] = []
    answers = diff.of_kind("answer-changed")
    if answers:
        ways = [
            f"{sum(1 for a in answers if a.direction == way)} {way}"
            for way in ("better", "worse")
            if any(a.direction == way for a in answers)
        ]
        others = sum(1 for a in answers if a.direction == "changed")
        if others and ways:
            ways.append(f"{others} otherwise")
        parts.append(
            _plural(len(answers), "answer changed", "answers changed")
            + (f" ({', '.join(ways)})" if ways else "")
        )
    gaps = [
        _plural(count("gap-closed"), "gap closed", "gaps closed") if count("gap-closed") else "",
        _plural(count("gap-opened"), "new gap", "new gaps") if count("gap-opened") else "",
    ]
    if any(gaps):
        parts.append(" and ".join(gap for gap in gaps if gap))
    provisions = [
        f"{count('provision-added')} new" if count("provision-added") else "",
        f"{count('provision-removed')} removed" if count("provision-removed") else "",
    ]
    if any(provisions):
        parts.append(f"provisions: {', '.join(p for p in provisions if p)}")
    evidence = [
        f"{count('evidence-added')} added" if count("evidence-added") else "",
        f"{count('evidence-removed')} no longer cited" if count("evidence-removed") else "",
    ]
    if any(evidence):
        parts.append(f"evidence: {', '.join(e for e in evidence if e)}")
    if count("commentary-changed"):
        parts.append(_plural(count("commentary-changed"), "commentary changed", "commentaries changed"))
    waivers = count("waiver-added", "waiver-removed", "waiver-changed")
    if waivers:
        parts.append(_plural(waivers, "waiver changed", "waivers changed"))
    if count("response-changed"):
        parts.append(_plural(count("response-changed"), "other field changed", "other fields changed"))
    actions = [
        f"{count(kind)} {words}"
        for kind, words in (
            ("action-completed", "done"),
            ("action-slipped", "due later"),
            ("action-changed", "changed otherwise"),
            ("action-added", "new"),
            ("action-removed", "no longer listed"),
        )
        if count(kind)
    ]
    if actions:
        parts.append(f"actions: {', '.join(actions)}")
    whole = len(whole_changes(diff))
    if whole:
        parts.append(
            _plural(whole, "change to the assessment's details", "changes to the assessment's details")
        )
    return f"In all: {'; '.join(parts)}."


def as_text(diff: Diff) -> str:
    lines = [f"What changed from {_side_words(diff.old)}", f"to {_side_words(diff.new)}:", ""]
    whole = whole_changes(diff)
    if whole:
        lines += [change.message for change in whole]
        lines.append("")
    for label, changes in provision_groups(diff):
        lines.append(f"{label}:")
        lines += [f"  {change.message}" for change in changes]
        lines.append("")
    lines.append(summary(diff))
    return "\n".join(_visible(line) for line in lines) + "\n"


def as_json(diff: Diff) -> str:
    document = {
        "version": FORMAT_VERSION,
        "old": diff.old.as_json(),
        "new": diff.new.as_json(),
        "changes": [change.as_json() for change in diff.changes],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def as_markdown(diff: Diff) -> str:

    def side(which: Side) -> str:
        day = (
            long_date(which.assessed_on.value)
            if which.assessed_on.value is not None
            else which.assessed_on.text
        )
        return f"`{which.path.replace('`', '')}` ({plain_cell(which.code)}, assessed on {plain_cell(day)})"

    lines = [
        f"## What changed: {plain_cell(diff.new.organisation)}",
        "",
        f"From {side(diff.old)} to {side(diff.new)}.",
        "",
    ]
    whole = whole_changes(diff)
    if whole:
        lines += [f"- {plain_cell(change.message)}" for change in whole]
        lines.append("")
    labels = {id(change): label for label, group in provision_groups(diff) for change in group}
    answers = diff.of_kind("answer-changed")
    if answers:
        lines += ["### Answers", "", "| Provision | Before | After | Change |", "|---|---|---|---|"]
        for change in answers:
            lines.append(
                f"| {plain_cell(labels[id(change)])} | {plain_cell(change.before or 'Not answered')} "
                f"| {plain_cell(change.after or 'Not answered')} | {change.direction} |"
            )
        lines.append("")
    closed = [c.provision or "" for c in diff.of_kind("gap-closed")]
    opened = [c.provision or "" for c in diff.of_kind("gap-opened")]
    if closed or opened:
        if not answers:
            lines += ["### Answers", ""]
        lines += [f"Gaps closed: {', '.join(closed) or 'none'}. New gaps: {', '.join(opened) or 'none'}.", ""]
    for title, kinds in (
        ("Provisions new and removed", ("provision-added", "provision-removed")),
        (
            "Commentary, waivers and other fields",
            ("commentary-changed", "waiver-added", "waiver-removed", "waiver-changed", "response-changed"),
        ),
        ("Evidence", ("evidence-added", "evidence-removed")),
        (
            "Actions",
            ("action-completed", "action-slipped", "action-changed", "action-added", "action-removed"),
        ),
    ):
        chosen = diff.of_kind(*kinds)
        if chosen:
            lines += [f"### {title}", ""]
            lines += [f"- **{plain_cell(labels[id(c)])}**: {plain_cell(c.message)}" for c in chosen]
            lines.append("")
    lines.append(plain_cell(summary(diff)))
    return "\n".join(lines) + "\n"
