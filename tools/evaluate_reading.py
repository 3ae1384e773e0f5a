"""How well selfassess reads real commentary, measured on the corpus, grouped by landlord.

    .venv/bin/python -m tools.evaluate_reading [-v]

Admissions (SA303): the corpus's landlords are split into five folds by a hash of their names.
The cue families and scope rules were written reading folds 0 to 3 (the tuning folds); fold 4's
text was never read while writing them, so it scores the reader on landlords it has not seen. The
table gives each cue family's labelled sentences, how many were missed, and the false alarms, with
recall and precision, over every fold and per fold.

Time limits (SA401-SA403): how many sentences that state one of the Code's limits as the
landlord's rule are read with the right key and value; the same for the sentences that name what
they state (the limit's stage, or for a stage-1 limit its act with a length no other stage could
mean), since a bare "Within 5 working days." under a page heading cannot be read alone; and every
reading that would raise a false SA401, over every fold and per fold (every fold's limits were
read while writing the first two rounds' forms; since the third, fold 4's are scored, not read).
`-v` lists each miss and false alarm in the tuning folds only (fold 4's text is scored, never
shown).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from selfassess.check.commentary import reader_for, shortfall_reader_for
from selfassess.text.sentences import split_sentences
from selfassess.timelimits.compare import compare
from selfassess.timelimits.durations import Duration, parse_duration
from tools.corpus import CODE, Sentence, fold_of, sentences

FOLDS = 5
UNSEEN_FOLD = 4  # its text was never read while the cues were written
WINDOW = (date(2024, 4, 1), date(2025, 3, 31))


READER = shortfall_reader_for(CODE)


@dataclass
class AdmissionScore:
    by_cue: Counter[str] = field(default_factory=Counter)  # labelled admissions per family
    missed_by_cue: Counter[str] = field(default_factory=Counter)
    false_by_family: Counter[str] = field(default_factory=Counter)
    false_alarms: list[tuple[Sentence, str]] = field(default_factory=list)
    missed: list[Sentence] = field(default_factory=list)

    @property
    def admitting(self) -> int:
        return sum(self.by_cue.values())

    @property
    def caught(self) -> int:
        return self.admitting - len(self.missed)

    @property
    def recall(self) -> float:
        return self.caught / self.admitting if self.admitting else 1.0

    @property
    def precision(self) -> float:
        said = self.caught + len(self.false_alarms)
        return self.caught / said if said else 1.0

    def add(self, other: AdmissionScore) -> None:
        self.by_cue.update(other.by_cue)
        self.missed_by_cue.update(other.missed_by_cue)
        self.false_by_family.update(other.false_by_family)
        self.false_alarms += other.false_alarms
        self.missed += other.missed


def score_admissions(items: Sequence[Sentence]) -> AdmissionScore:
    score = AdmissionScore()
    for item in items:
        found = READER.admissions_in(split_sentences(item.label.text), item.label.sets)
        if item.label.admits:
            score.by_cue[item.label.cue or "other"] += 1
            if not found:
                score.missed.append(item)
                score.missed_by_cue[item.label.cue or "other"] += 1
        elif found:
            score.false_alarms.append((item, found[0].phrase))
            score.false_by_family[found[0].family.value] += 1
    return score


def by_fold(items: Sequence[Sentence]) -> dict[int, AdmissionScore]:
    """Each fold's landlords scored on their own."""
    return {
        fold: score_admissions([item for item in items if fold_of(item.landlord, FOLDS) == fold])
        for fold in range(FOLDS)
    }


@dataclass
class LimitScore:
    stating: int = 0
    right: int = 0
    naming: int = 0  # sentences that name what they state
    naming_right: int = 0
    wrong: list[tuple[Sentence, set[tuple[str, str]]]] = field(default_factory=list)
    false_sa401: list[tuple[Sentence, str, str]] = field(default_factory=list)


_STAGE_2_NAMED = re.compile(r"\bstage\s*(?:2|two)\b|\bsecond stage\b|\breview|\bescalat", re.IGNORECASE)
_STAGE_1_NAMED = re.compile(r"\bstage\s*(?:1|one)\b|\bfirst stage\b", re.IGNORECASE)


def names_what_it_states(item: Sentence) -> bool:
    """Whether the sentence alone says what each limit it states is for: a stage-2 limit names
    stage 2; a stage-1 limit names stage 1, or is no longer than either stage's limit for its act
    (so that no reader need know the page it came from); a window names complaints."""
    text = item.label.text
    for limit in item.landlord_limits:
        if limit.key.startswith("stage2") and not _STAGE_2_NAMED.search(text):
            return False
        if limit.key.startswith("stage1") and not _STAGE_1_NAMED.search(text):
            act = limit.key.split("-", 1)[1]
            duration = parse_duration(f"{int(limit.value)} {limit.unit}")
            if duration is None or _STAGE_2_NAMED.search(text):
                return False
            if act != "acknowledge" and (
                duration.unit.value != "working days"
                or duration.count > CODE.time_limits[limit.key].limit.count
            ):
                return False
    return True


def _expected(item: Sentence) -> set[tuple[str, str]]:
    found = set()
    for limit in item.landlord_limits:
        duration = parse_duration(f"{int(limit.value)} {limit.unit}")
        assert duration is not None
        found.add((limit.key, str(duration)))
    return found


def score_limits(items: Sequence[Sentence]) -> LimitScore:
    reader = reader_for(CODE)
    score = LimitScore()
    for item in items:
        expected = _expected(item)
        read: set[tuple[str, str]] = set()
        durations: dict[tuple[str, str], Duration] = {}
        for sentence in split_sentences(item.label.text):
            for stated in reader.limits_in(sentence.text, item.label.sets):
                read.add((stated.key, str(stated.found.duration)))
                durations[(stated.key, str(stated.found.duration))] = stated.found.duration
        if expected:
            score.stating += 1
            named = names_what_it_states(item)
            score.naming += named
            if read == expected:
                score.right += 1
                score.naming_right += named
            else:
                score.wrong.append((item, read))
        for key, written in read - expected:
            limit = CODE.time_limits[key]
            if compare(durations[(key, written)], limit.limit, limit.bound, *WINDOW).always_fails:
                score.false_sa401.append((item, key, written))
    return score


def _table(title: str, score: AdmissionScore) -> list[str]:
    lines = [title, f"  {'cue family':<16}{'labelled':>9}{'missed':>8}{'false alarms':>14}"]
    for cue in sorted(set(score.by_cue) | set(score.false_by_family)):
        lines.append(
            f"  {cue:<16}{score.by_cue[cue]:>9}{score.missed_by_cue[cue]:>8}{score.false_by_family[cue]:>14}"
        )
    lines.append(
        f"  {'all':<16}{score.admitting:>9}{len(score.missed):>8}{len(score.false_alarms):>14}"
        f"   recall {score.recall:.2f}, precision {score.precision:.2f}"
    )
    return lines


def main(arguments: Sequence[str] = ()) -> int:
    items = list(sentences())
    folds = by_fold(items)
    every = AdmissionScore()
    for score in folds.values():
        every.add(score)
    limits = score_limits(items)
    print(
        f"Corpus: {len(items)} sentences from {len({i.landlord for i in items})} landlords, {FOLDS} folds.\n"
    )
    print("\n".join(_table("Admissions (SA303), every fold", every)))
    for fold, score in folds.items():
        seen = "never read while writing the cues" if fold == UNSEEN_FOLD else "read while writing them"
        print(
            f"  fold {fold} ({seen}): {score.admitting} admitting, {len(score.missed)} missed, "
            f"{len(score.false_alarms)} false alarms; "
            f"recall {score.recall:.2f}, precision {score.precision:.2f}"
        )
    print()
    print("Time limits (SA401-SA403)")
    print(
        f"  sentences stating a limit: {limits.stating}; read with the right key and value: {limits.right} "
        f"({limits.right / max(limits.stating, 1):.0%})"
    )
    print(
        f"  of those, sentences that name what they state: {limits.naming}; read right: "
        f"{limits.naming_right} ({limits.naming_right / max(limits.naming, 1):.0%})"
    )
    print(f"  readings that would raise a false SA401: {len(limits.false_sa401)}")
    for fold in range(FOLDS):
        part = score_limits([item for item in items if fold_of(item.landlord, FOLDS) == fold])
        # Every fold's limits were read in the first two rounds; since the third, fold 4's are not.
        seen = "not read since the third round" if fold == UNSEEN_FOLD else "read while writing the forms"
        print(
            f"  fold {fold} ({seen}): {part.right} of {part.stating} read right, "
            f"{part.naming_right} of {part.naming} that name what they state; "
            f"{len(part.false_sa401)} false SA401"
        )
    if "-v" in arguments:
        # Only the tuning folds' text: fold 4's is scored, never read, so that it stays unseen.
        for item in every.missed:
            if fold_of(item.landlord, FOLDS) != UNSEEN_FOLD:
                print("MISSED", item.landlord, item.label.cue, "|", item.label.text)
        for item, said in every.false_alarms:
            if fold_of(item.landlord, FOLDS) != UNSEEN_FOLD:
                print("FALSE", item.landlord, repr(said), "|", item.label.text)
        for item, read in limits.wrong:
            if fold_of(item.landlord, FOLDS) != UNSEEN_FOLD:
                print("LIMIT", sorted(_expected(item)), "read", sorted(read), "|", item.label.text)
        for item, key, written in limits.false_sa401:
            if fold_of(item.landlord, FOLDS) != UNSEEN_FOLD:
                print("SA401", key, written, "|", item.label.text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
