"""Whether two texts are the same words: a row's requirement and a provision's text, however each
was punctuated, wrapped or hyphenated."""

from __future__ import annotations

import re
from functools import lru_cache

from selfassess.model.code import Code, Provision

#: How alike (0-100) two texts must be to count as the same words: close enough to forgive a hyphen
#: lost at a line end or a full stop added, far enough to tell two recommendations apart.
SAME_WORDS = 85


def words(text: str) -> str:
    """Letters and digits only, lower-cased: the same words however they were punctuated or wrapped."""
    return " ".join(re.findall(r"[0-9a-z]+", text.casefold()))


def provision_words(provision: Provision) -> str:
    parts = [provision.text, *(f"{item.label}) {item.text}" for item in provision.items)]
    return _words_of(" ".join(parts))


@lru_cache(maxsize=4096)
def _words_of(text: str) -> str:  # a provision is compared with many rows: its words made once
    return words(text)


def closest(text: str, provisions: list[Provision]) -> Provision | None:
    """The provision whose text is the same words as `text`, if one is."""
    from rapidfuzz import fuzz, process

    choices = {provision.number: provision_words(provision) for provision in provisions}
    if not text.strip() or not choices:
        return None
    best = process.extractOne(words(text), choices, scorer=fuzz.ratio, score_cutoff=SAME_WORDS)
    if best is None:
        return None
    return next(provision for provision in provisions if provision.number == best[2])


def answers_a_provision(text: str, code: Code) -> bool:
    return closest(text, list(code.provisions.values())) is not None
