"""'Did you mean …?' for answers, field names, provision numbers and code ids."""

from __future__ import annotations

import re
from collections.abc import Iterable

_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise(text: str) -> str:
    """The letters and digits of `text`, lower-cased: 'Yes.', ' yes', 'YES' and 'N/A' vs 'n/a' agree."""
    return _NOT_ALNUM.sub("", text.casefold())


def suggest(written: str, candidates: Iterable[str]) -> str | None:
    """The candidate the user most likely meant, or None when nothing is close.

    Close means a few typing slips apart (transposed letters count as one), scaled to the word's
    length. Among equally close candidates, one that starts with the same letter wins, because
    people rarely mistype the first letter (`YAC` is `Yes`, not `N/A`); then the earlier candidate.
    """
    typed = normalise(written)
    if not typed:
        return None
    from rapidfuzz.distance import OSA  # here, not above: only a mistake needs it

    best: tuple[int, int, int] | None = None
    chosen: str | None = None
    for order, candidate in enumerate(candidates):
        target = normalise(candidate)
        if not target:
            continue
        if target == typed or (len(typed) >= 2 and target.startswith(typed)):
            distance = 0  # the same but for case and punctuation, or an abbreviation ('part')
        else:
            distance = OSA.distance(typed, target)
            if distance > max(2, min(len(typed), len(target)) // 3):
                continue
        rank = (distance, 0 if target[0] == typed[0] else 1, order)
        if best is None or rank < best:
            best, chosen = rank, candidate
    return chosen


def end_with_hint(written: str, candidates: Iterable[str]) -> str:
    """How to end a sentence: " — did you mean 'X'?" when something is close, else a full stop."""
    found = suggest(written, candidates)
    return f" — did you mean '{found}'?" if found else "."
