"""'Did you mean …?' for answers, field names, provision numbers and code ids."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")

#: How many mistakes in one file get a suggestion each. Beyond a few hundred, a file is not
#: mistyped but written against another code or register, and a suggestion for every entry would
#: cost time in proportion to the entries times the candidates (190,000 unknown provision numbers
#: took 80 s): the findings go on, each saying what is wrong, without a guess.
MAX_SUGGESTED = 500


def normalise(text: str) -> str:
    """The letters and digits of `text`, lower-cased: 'Yes.', ' yes', 'YES' and 'N/A' vs 'n/a' agree."""
    return _NOT_ALNUM.sub("", text.casefold())


class Candidates:
    """What the user may have meant, made ready once for many look-ups: each normalised, in a
    sorted list for abbreviations, compared by rapidfuzz in C rather than one by one in Python."""

    def __init__(self, candidates: Iterable[str]) -> None:
        self._written: list[str] = []
        self._targets: list[str] = []
        for candidate in candidates:
            target = normalise(candidate)
            if target:
                self._written.append(candidate)
                self._targets.append(target)
        self._sorted = sorted((target, order) for order, target in enumerate(self._targets))

    def _starting_with(self, typed: str) -> Iterable[int]:
        """The order of every candidate that starts with `typed` (or is it)."""
        at = bisect_left(self._sorted, (typed, -1))
        while at < len(self._sorted) and self._sorted[at][0].startswith(typed):
            yield self._sorted[at][1]
            at += 1

    def suggest(self, written: str) -> str | None:
        """The candidate the user most likely meant, or None when nothing is close.

        Close means a few typing slips apart (transposed letters count as one), scaled to the
        word's length. Among equally close candidates, one that starts with the same letter wins,
        because people rarely mistype the first letter (`YAC` is `Yes`, not `N/A`); then the earlier
        candidate.
        """
        typed = normalise(written)
        if not typed or not self._targets:
            return None
        from rapidfuzz import process  # here, not above: only a mistake needs it
        from rapidfuzz.distance import OSA

        # the same but for case and punctuation, or an abbreviation ('part'): as close as can be
        distances = {
            order: 0
            for order in self._starting_with(typed)
            if len(typed) >= 2 or self._targets[order] == typed
        }
        # No candidate is allowed more slips than this; each is then held to its own allowance.
        most = max(2, len(typed) // 3)
        for _, distance, order in process.extract(
            typed, self._targets, scorer=OSA.distance, score_cutoff=most, limit=None
        ):
            if order not in distances and distance <= max(2, min(len(typed), len(self._targets[order])) // 3):
                distances[order] = int(distance)
        if not distances:
            return None
        best = min(
            distances,
            key=lambda order: (distances[order], 0 if self._targets[order][0] == typed[0] else 1, order),
        )
        return self._written[best]


def suggest(written: str, candidates: Iterable[str]) -> str | None:
    """The candidate the user most likely meant, or None when nothing is close (see Candidates)."""
    return Candidates(candidates).suggest(written)


def end_with_hint(written: str, candidates: Iterable[str] | Candidates) -> str:
    """How to end a sentence: " — did you mean 'X'?" when something is close, else a full stop."""
    ready = candidates if isinstance(candidates, Candidates) else Candidates(candidates)
    found = ready.suggest(written)
    return f" — did you mean '{found}'?" if found else "."
