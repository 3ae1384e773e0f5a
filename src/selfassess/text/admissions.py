"""Find where commentary admits a shortfall: "below target", "the policy is to be revised",
"in most cases", "81% within 10 working days".

Rule SA303 warns when a provision answered as met has commentary like this. A false alarm teaches
people to ignore the tool, so the reader is built in two layers:

1. cue families (`cues.py`): the words people use to say that work remains, that what is
   required is only planned, that it holds in most cases, that it is not met; and figures
   (`figures.py`) that show a time limit missed;
2. scope rules (`scope.py`) that every cue obeys: a condition or procedure (in its clause, or
   in the clause before), a purpose, a modal, a negation, a relative clause, someone else as the
   subject, a quotation, a question, or a sentence about another service.

Both were written from, and are measured on, a corpus of real published text
(tests/text/corpus/, `tools/evaluate_reading.py`). A statistical layer over the cues was tried
three times and measured by landlord (benchmarks/RESULTS.md): with the 96 admitting sentences the
public record supplied, it learnt nothing the cues did not already say without false alarms, so
there is none. Each admission keeps the words that decided it, so a message can quote them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from selfassess.literals import lowered_for_words, may_match, needed_words
from selfassess.text.cues import CUES, Family, compile_pattern
from selfassess.text.figures import AverageLimit, figure_admitting
from selfassess.text.scope import CLAUSE_BREAK, about_another_service, excused, inside_quotation
from selfassess.text.sentences import Sentence, split_sentences


@dataclass(frozen=True, slots=True)
class Admission:
    sentence: Sentence
    phrase: str  # the admitting words exactly as they appear in `sentence.text`
    family: Family = Family.EXPLICIT


@dataclass(frozen=True, slots=True)
class CueMatch:
    """Words a cue found: where they are and what family they are."""

    family: Family
    start: int
    end: int


@cache
def _compiled(
    index: int,
) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None, tuple[str, ...] | None]:
    """Cue `index`, compiled on first use (a one-file check meets few of the cues, and compiling
    them all would be most of its start-up time spent in this module), with the words its pattern
    cannot match without."""
    cue = CUES[index]
    pattern = re.compile(compile_pattern(cue.pattern), re.IGNORECASE)
    return (
        pattern,
        re.compile(cue.not_before, re.IGNORECASE) if cue.not_before else None,
        re.compile(cue.not_after, re.IGNORECASE) if cue.not_after else None,
        needed_words(pattern),
    )


# Each trigger word, with the cues that need it: a sentence is tried only against the cues whose
# words it holds, found with `in` on the casefolded text (far faster than one regular expression
# of every word, which Python's engine tries branch by branch at every position).
_CUES_NEEDING: dict[str, tuple[int, ...]] = {
    word: tuple(index for index, cue in enumerate(CUES) if word in cue.needs)
    for word in sorted({word for cue in CUES for word in cue.needs})
}


def _figure(text: str, limits: Mapping[str, AverageLimit], own: Sequence[str]) -> CueMatch | None:
    if text.endswith("?") or about_another_service(text, text.casefold()):
        return None
    span = figure_admitting(text, limits, own)
    if span is None or (('"' in text or "“" in text) and inside_quotation(text, span[0])):
        return None
    return CueMatch(Family.FIGURES, *span)


@lru_cache(maxsize=65_536)
def _words_in(text: str) -> tuple[CueMatch, ...]:
    """What the cue families' words find in one sentence (figures apart)."""
    lowered = text.casefold()  # casefold, not lower: as wide as the patterns' case-blind matching
    if text.endswith("?") or about_another_service(text, lowered):
        return ()
    tried = sorted({index for word, indices in _CUES_NEEDING.items() if word in lowered for index in indices})
    clause_starts: list[int] | None = None
    found: list[CueMatch] = []
    plain = lowered_for_words(text)
    for index in tried:
        pattern, not_before, not_after, needed = _compiled(index)
        if not may_match(needed, plain):
            continue
        cue = CUES[index]
        for match in pattern.finditer(text):
            start, end = match.span()
            if not_before and not_before.search(text, max(0, start - 60), start):
                continue
            if not_after and not_after.match(text, end):
                continue
            if clause_starts is None:
                clause_starts = [m.end() for m in CLAUSE_BREAK.finditer(text)]
            where = bisect.bisect_right(clause_starts, start)
            clause_start = clause_starts[where - 1] if where else 0
            if excused(text, start, clause_start, cue.about_us, cue.modal):
                continue
            if "say" in pattern.groupindex and match.group("say"):
                start, end = match.span("say")
            found.append(CueMatch(cue.family, start, end))
    if '"' in text or "“" in text:
        found = [item for item in found if not inside_quotation(text, item.start)]
    return tuple(sorted(found, key=_leftmost_longest))


#: How many sentences a reader remembers before it starts afresh.
_REMEMBERED = 65_536


class ShortfallReader:
    """Reads sentences for what they admit, against one code's time limits (for figures such as an
    average response time).

    Sentences repeat: from one year's form to the next, across a group's landlords, and on every
    keystroke in the workspace; what a sentence admits is worked out once and remembered.
    """

    def __init__(self, limits: Mapping[str, AverageLimit] | None = None) -> None:
        self._limits = dict(limits or {})
        self._read: dict[tuple[str, tuple[str, ...]], tuple[CueMatch, ...]] = {}

    def matches(self, text: str, own: Sequence[str] = ()) -> tuple[CueMatch, ...]:
        """What the cues find in one sentence's text, after the scope rules, leftmost first.
        `own` are the keys of the limits the provision itself sets."""
        asked = (text, tuple(own))
        known = self._read.get(asked)
        if known is None:
            if len(self._read) >= _REMEMBERED:
                self._read.clear()
            words = _words_in(text)
            figure = _figure(text, self._limits, own)
            known = words if figure is None else tuple(sorted((*words, figure), key=_leftmost_longest))
            self._read[asked] = known
        return known

    def admissions_in(self, sentences: Iterable[Sentence], own: Sequence[str] = ()) -> list[Admission]:
        """Each shortfall the sentences admit, in order (for text already split into sentences).

        Where cues overlap, the leftmost and then the longest wording is the one reported: "did
        not consistently achieve", not "not consistently".
        """
        admissions: list[Admission] = []
        for sentence in sentences:
            text = sentence.text
            reported_to = -1
            for item in self.matches(text, own):
                if item.start >= reported_to:
                    admissions.append(Admission(sentence, text[item.start : item.end], item.family))
                    reported_to = item.end
        return admissions


def _leftmost_longest(item: CueMatch) -> tuple[int, int]:
    return item.start, -item.end


_PLAIN = ShortfallReader()


def find_admissions(
    text: str, limits: Mapping[str, AverageLimit] | None = None, own: Sequence[str] = ()
) -> list[Admission]:
    """Each shortfall `text` admits, sentence by sentence, in the order written."""
    reader = ShortfallReader(limits) if limits else _PLAIN
    return reader.admissions_in(split_sentences(text), own)
