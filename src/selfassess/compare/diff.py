"""`selfassess diff`: what changed between two assessments, as one frozen value.

Each change is a `Change` of a fixed `kind`, with one plain sentence (`message`) and the values it
is about; the formats in `diff_output` only lay them out. Provisions are matched through the
codes' `previously` (see correspondence), so last year's 1.4 is compared with this year's 1.3.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from selfassess.compare.change import STATUS_WORDS, Change, Diff, Side
from selfassess.compare.change import day as _day
from selfassess.compare.fields import (
    action_field_changes,
    detail_changes,
    organisation_changes,
    response_changes,
)
from selfassess.compare.reading import ReadAssessment
from selfassess.model.assessment import Action, Approval, Assessment, Period
from selfassess.model.standing import answer_of, compare_answers, previous_answer
from selfassess.model.versions import Correspondence


def _period_text(period: Period | None) -> str | None:
    return None if period is None else f"{period.from_.text} to {period.to.text}"


def _period_words(period: Period) -> str:
    return f"{_day(period.from_)} to {_day(period.to)}"


def _approval_text(approval: Approval | None) -> str | None:
    return None if approval is None else f"{approval.by} on {approval.on.text}"


def _approval_words(approval: Approval) -> str:
    return f"by {approval.by} on {_day(approval.on)}"


def _period_said(old: Period | None, new: Period | None) -> str:
    if new is None:
        return f"The new assessment gives no period; the old one covered {_period_words(old)}." if old else ""
    if old is None:
        return f"The new assessment covers {_period_words(new)}; the old one gave no period."
    return f"The period is now {_period_words(new)}; it was {_period_words(old)}."


def _approval_said(old: Approval | None, new: Approval | None) -> str:
    if new is None:
        return (
            f"The new assessment is not approved yet; the old one was approved {_approval_words(old)}."
            if old
            else ""
        )
    if old is None:
        return f"The new assessment was approved {_approval_words(new)}; the old one was not approved."
    return f"The new assessment was approved {_approval_words(new)}; the old one {_approval_words(old)}."


def _whole(old: Assessment, new: Assessment, link: Correspondence) -> Iterator[Change]:
    """What changed in the assessment as a whole: what a board reads first."""
    if not link.is_same_code:
        yield Change(
            "code-changed",
            f"The new assessment answers {link.new_code}, a later version of {link.old_code}, "
            "which the old one answered.",
            before=link.old_code,
            after=link.new_code,
        )
    if _period_text(old.period) != _period_text(new.period):
        yield Change(
            "period-changed",
            _period_said(old.period, new.period),
            before=_period_text(old.period),
            after=_period_text(new.period),
        )
    if _approval_text(old.approved) != _approval_text(new.approved):
        yield Change(
            "approval-changed",
            _approval_said(old.approved, new.approved),
            before=_approval_text(old.approved),
            after=_approval_text(new.approved),
        )
    if old.member_responsible != new.member_responsible:
        if new.member_responsible is None:
            said = f"No Member Responsible for Complaints is named now; it was {old.member_responsible}."
        elif old.member_responsible is None:
            said = f"The Member Responsible for Complaints is now named: {new.member_responsible}."
        else:
            said = (
                f"The Member Responsible for Complaints is now {new.member_responsible}; "
                f"it was {old.member_responsible}."
            )
        yield Change(
            "member-responsible-changed", said, before=old.member_responsible, after=new.member_responsible
        )
    for key in dict.fromkeys([*old.policy, *new.policy]):
        before = str(old.policy[key]) if key in old.policy else None
        after = str(new.policy[key]) if key in new.policy else None
        if before == after:
            continue
        if after is None:
            said = f"Your policy no longer states a time limit for '{key}'; it was {before}."
        elif before is None:
            said = f"Your policy now states a time limit for '{key}': {after}."
        else:
            said = f"Your policy's time limit for '{key}' changed from {before} to {after}."
        yield Change("policy-changed", said, subject=key, before=before, after=after)


def _titles(assessment: Assessment, numbers: Sequence[str]) -> dict[str, str]:
    """The evidence cited under `numbers`, register keys read as their titles: {normal form: title}."""
    found: dict[str, str] = {}
    for number in numbers:
        response = assessment.responses.get(number)
        for entry in response.evidence if response is not None else ():
            item = assessment.evidence.get(entry)
            title = item.title if item is not None else entry
            found.setdefault(" ".join(title.split()).casefold(), title)
    return found


def _evidence(number: str, olds: tuple[str, ...], old: Assessment, new: Assessment) -> Iterator[Change]:
    before, after = _titles(old, olds), _titles(new, (number,))
    for key, title in after.items():
        if key not in before:
            yield Change("evidence-added", f"New evidence cited: {title}.", number, olds, subject=title)
    for key, title in before.items():
        if key not in after:
            yield Change(
                "evidence-removed", f"Evidence no longer cited: {title}.", number, olds, subject=title
            )


def _actions(assessment: Assessment, numbers: Sequence[str]) -> list[Action]:
    found: list[Action] = []
    for number in numbers:
        response = assessment.responses.get(number)
        for action in response.actions if response is not None else ():
            if action not in found:  # one action carried under two old provisions counts once
                found.append(action)
    return found


def _same_words(text: str) -> str:
    return " ".join(text.split()).casefold()


def _pairs(old: list[Action], new: list[Action]) -> tuple[list[tuple[Action, Action | None]], list[Action]]:
    """Each new action with the old one it continues (by `ref` where both have one, else by its
    words), and the old actions nothing continues."""
    matched: dict[int, int] = {}  # new index -> old index
    free = set(range(len(old)))
    for i, action in enumerate(new):
        if action.ref:
            for j in sorted(free):
                ref = old[j].ref
                if ref and _same_words(ref) == _same_words(action.ref):
                    matched[i] = j
                    free.discard(j)
                    break
    for i, action in enumerate(new):
        if i in matched:
            continue
        for j in sorted(free):
            if not (action.ref and old[j].ref) and _same_words(old[j].action) == _same_words(action.action):
                matched[i] = j
                free.discard(j)
                break
    pairs = [(action, old[matched[i]] if i in matched else None) for i, action in enumerate(new)]
    return pairs, [old[j] for j in sorted(free)]


def _named(action: Action) -> str:
    return f"'{action.action}'" + (f" ({action.ref})" if action.ref else "")


def _action_changes(
    number: str, olds: tuple[str, ...], pairs: list[tuple[Action, Action | None]], gone: list[Action]
) -> Iterator[Change]:
    for now, before in pairs:
        was: str | None
        is_now: str | None
        told: tuple[str, ...] = ()
        if before is None:
            due = f", due {_day(now.due)}" if now.due is not None else ""
            said, kind, was, is_now = f"New action: {_named(now)}{due}.", "action-added", None, None
        elif now.status == "done" and before.status != "done":
            said, kind = f"The action {_named(now)} is done.", "action-completed"
            was, is_now, told = before.status, now.status, ("status",)
        elif (
            now.status != "done"
            and now.due is not None
            and before.due is not None
            and now.due.value is not None
            and before.due.value is not None
            and now.due.value > before.due.value
        ):
            said = (
                f"The action {_named(now)} is now due {_day(now.due)}, later than the {_day(before.due)} "
                "given last time."
            )
            kind, was, is_now, told = "action-slipped", before.due.text, now.due.text, ("due",)
        else:
            kind = ""
        if kind:
            yield Change(kind, said, number, olds, subject=now.action, ref=now.ref, before=was, after=is_now)
        if before is not None:
            yield from action_field_changes(number, olds, now, before, told)
    for before in gone:
        status = f"; last time it was {STATUS_WORDS[before.status]}" if before.status else ""
        said = f"The action {_named(before)} is no longer listed{status}."
        yield Change("action-removed", said, number, olds, subject=before.action, ref=before.ref)


def _matched_actions(
    code_provisions: Sequence[str], link: Correspondence, old: Assessment, new: Assessment
) -> dict[str, tuple[list[tuple[Action, Action | None]], list[Action]]]:
    """For each provision, its actions paired with last time's, and last time's that nothing
    continues. An old provision split in two hands its actions to both: one continued under
    either part is not lost, and one continued under neither is reported once."""
    found: dict[str, tuple[list[tuple[Action, Action | None]], list[Action]]] = {}
    continued: set[int] = set()
    for number in code_provisions:
        pairs, gone = _pairs(_actions(old, link.before(number)), _actions(new, (number,)))
        continued.update(id(before) for _, before in pairs if before is not None)
        found[number] = (pairs, gone)
    told: set[int] = set()
    for number, (pairs, gone) in found.items():
        lost = [action for action in gone if id(action) not in continued and id(action) not in told]
        told.update(id(action) for action in lost)
        found[number] = (pairs, lost)
    return found


def _answered(answer: str | None) -> str:
    return f"is answered '{answer}'" if answer else "has no answer yet"


def compare(old_read: ReadAssessment, new_read: ReadAssessment, link: Correspondence) -> Diff:
    """What changed from `old_read` to `new_read`, both readable, matched through `link`."""
    old, new = old_read.assessment, new_read.assessment
    old_code, code = old_read.code, new_read.code
    assert old is not None and new is not None and old_code is not None and code is not None
    answers = compare_answers(code, new, old_code, old, link)
    moved = {change.provision: change for change in answers.changes}
    changes = [*organisation_changes(old, new), *_whole(old, new, link), *detail_changes(old, new)]
    actions = _matched_actions(list(code.provisions), link, old, new)
    for number in code.provisions:
        olds = link.before(number)
        after = answer_of(new, number)
        if not olds and not link.is_same_code:
            changes.append(
                Change(
                    "provision-added",
                    f"This provision is new in {code.id} and {_answered(after)}.",
                    number,
                    after=after,
                )
            )
        change = moved.get(number)
        if change is not None:
            if change.before and change.after:
                said = f"The answer changed from '{change.before}' to '{change.after}'"
                said += "." if change.direction == "changed" else f", which is {change.direction}."
            elif change.after:
                said = f"The provision is now answered '{change.after}'; last time it had no answer."
            else:
                said = f"The provision has no answer now; last time it was answered '{change.before}'."
            changes.append(
                Change(
                    "answer-changed",
                    said,
                    number,
                    olds,
                    before=change.before,
                    after=change.after,
                    direction=change.direction,
                )
            )
        before = previous_answer(number, link, old, old_code) if olds else None
        if number in answers.gaps_opened:
            changes.append(
                Change("gap-opened", "This provision is now a gap.", number, olds, before=before, after=after)
            )
        elif number in answers.gaps_closed:
            changes.append(
                Change(
                    "gap-closed",
                    "This provision is no longer a gap.",
                    number,
                    olds,
                    before=before,
                    after=after,
                )
            )
        changes.extend(response_changes(number, olds, old, new))
        changes.extend(_evidence(number, olds, old, new))
        changes.extend(_action_changes(number, olds, *actions[number]))
    if not link.is_same_code:
        for gone in link.removed:
            before = answer_of(old, gone)
            last = f"last time it was answered '{before}'" if before else "it had no answer last time"
            changes.append(
                Change(
                    "provision-removed",
                    f"This provision is not in {code.id}; {last}.",
                    None,
                    (gone,),
                    before=before,
                )
            )
    return Diff(_side(old_read), _side(new_read), tuple(changes))


def _side(read: ReadAssessment) -> Side:
    assessment = read.assessment
    assert assessment is not None
    return Side(
        read.shown,
        assessment.code,
        assessment.organisation,
        assessment.assessed_on,
        assessment.period,
        assessment.approved,
    )
