"""The words a regular expression cannot match without, so that a text lacking all of them is
passed over with a substring test instead of the pattern.

Python's engine has no such shortcut for a pattern that begins with an alternation, a word
boundary or a lookbehind, as most of the readers' patterns do: it tries the pattern at every
position of the text, which costs tens of microseconds a sentence where `in` on the lowered
text costs a fraction of one. The words are worked out from the pattern itself (its parsed
form), never written by hand beside it, so a pattern can change without its shortcut going
stale.

A pattern matched case-blind also matches four letters outside ASCII to ASCII ones ("İ", "ı",
"ſ" and the Kelvin sign "K"); a text holding any of them is always given to the pattern.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from typing import Any

_parser: Any = importlib.import_module("re._parser")
_constants: Any = importlib.import_module("re._constants")

#: Letters that a case-blind pattern matches to ASCII letters although they are not ASCII.
_ODD_CASES = ("İ", "ı", "ſ", "\u212a")
#: The most strings a part of a pattern is followed through as the exact strings it matches.
_MOST_EXACT = 32
#: The shortest word worth a substring test: shorter ones are in nearly every sentence.
_SHORTEST = 3


class _Part:
    """What a part of a pattern matches: exactly one of a few strings (`exact`), or some text that
    holds one of `needed`; either may be unknown (None)."""

    __slots__ = ("exact", "needed")

    def __init__(self, exact: frozenset[str] | None, needed: frozenset[str] | None) -> None:
        self.exact = exact
        self.needed = needed if needed is not None else _usable(exact)


def _usable(words: frozenset[str] | None) -> frozenset[str] | None:
    """Words good enough to test for: none empty or too short to be worth it."""
    if not words or min(len(word) for word in words) < _SHORTEST:
        return None
    return words


_EMPTY = frozenset({""})
_NOTHING_KNOWN = _Part(None, None)


def _better(one: frozenset[str] | None, other: frozenset[str] | None) -> frozenset[str] | None:
    """The stronger test: longer shortest word, then fewer words."""
    if one is None:
        return other
    if other is None:
        return one
    rank_one = (min(map(len, one)), -len(one))
    rank_other = (min(map(len, other)), -len(other))
    return one if rank_one >= rank_other else other


def _sequence(items: Iterable[tuple[Any, Any]]) -> _Part:
    run: frozenset[str] | None = _EMPTY  # exact strings matched since the run began
    whole_exact = True
    best: frozenset[str] | None = None
    for op, argument in items:
        part = _item(op, argument)
        if part.exact is not None and run is not None:
            joined = frozenset(a + b for a in run for b in part.exact)
            if len(joined) <= _MOST_EXACT:
                run = joined
                continue
        whole_exact = False
        best = _better(best, _usable(run))
        best = _better(best, part.needed)
        run = part.exact if part.exact is not None and len(part.exact) <= _MOST_EXACT else _EMPTY
    best = _better(best, _usable(run))
    return _Part(run if whole_exact else None, best)


def _branch(alternatives: Sequence[Any]) -> _Part:
    parts = [_sequence(alternative) for alternative in alternatives]
    exact: frozenset[str] | None = None
    if all(part.exact is not None for part in parts):
        exact = frozenset().union(*(part.exact for part in parts if part.exact is not None))
        if len(exact) > _MOST_EXACT:
            exact = None
    needed: frozenset[str] | None = None
    if all(part.needed is not None for part in parts):
        needed = frozenset().union(*(part.needed for part in parts if part.needed is not None))
    return _Part(exact, needed)


def _item(op: Any, argument: Any) -> _Part:
    c = _constants
    if op is c.LITERAL:
        character = chr(argument)
        if character.isascii() and character.isprintable():
            return _Part(frozenset({character.lower()}), None)
        return _NOTHING_KNOWN
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return _Part(_EMPTY, None)  # takes up no text
    if op is c.SUBPATTERN:
        return _sequence(argument[-1])
    if op is c.ATOMIC_GROUP:
        return _sequence(argument)
    if op is c.BRANCH:
        return _branch(argument[1])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        least, most, inner = argument
        part = _sequence(inner)
        if least == most == 1:
            return part
        if least == 0 and most == 1 and part.exact is not None:
            return _Part(part.exact | _EMPTY, None)
        return _Part(None, part.needed if least >= 1 else None)
    return _NOTHING_KNOWN  # a class of characters, a back-reference: no word known


def needed_words(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lowercase words one of which every match of `pattern` holds, or None where none is known."""
    try:
        words = _sequence(_parser.parse(pattern.pattern, pattern.flags)).needed
    except (re.error, AttributeError, IndexError, TypeError, ValueError):
        return None  # a parsed form this reader does not know: no shortcut, never a wrong one
    if not words:
        return None
    # A word holding another is found only where that one is: the shorter alone will do.
    return tuple(sorted(word for word in words if not any(other in word for other in words - {word})))


def lowered_for_words(text: str) -> str | None:
    """The text to test needed words in, or None where a case-blind pattern could match letters
    of it that lowering does not make ASCII."""
    if not text.isascii() and any(odd in text for odd in _ODD_CASES):
        return None
    return text.lower()


def may_match(words: tuple[str, ...] | None, lowered_text: str | None) -> bool:
    """Whether a pattern needing `words` could match the text `lowered_for_words` gave."""
    return words is None or lowered_text is None or any(word in lowered_text for word in words)
