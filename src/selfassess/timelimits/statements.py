"""Which sentences of commentary state a time limit, or a date for a deliverable.

A sentence states limit K when it holds a duration and every one of K's keywords (each matching
the start of a word). In the commentary of a provision that sets K, a sentence with a duration
and none of another limit's keywords states K too; "another limit's keywords" are the ones that
tell that limit apart from K (for stage1-response against stage1-acknowledge, "acknowledg"; a
keyword both share, such as "stage 1", is K's as much as theirs), and a sentence has them when it
has all of them, as the keyword rule asks. Where one duration could state two limits, the clause
holding it decides ("We acknowledge stage 1 complaints within 5 working days and respond within
10"), or nothing is read. Restraint matters more than reach: a
duration that is not a limit ("complaints due a response within two days are discussed", "we
responded within 12 working days on average", "in 87% of cases within 10 working days") is not a
statement, and a sentence that could state two limits with one duration says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from selfassess.timelimits.deadlines import StatedDate, find_stated_dates
from selfassess.timelimits.durations import FoundDuration, find_durations, names_a_unit

_NUMBER_WORDS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5"}
_STAGE_IN_WORDS = re.compile(r"\b(stage)\s+(one|two|three|four|five)\b", re.IGNORECASE)

# The words just before a duration that make it a limit: "within 10 working days", "a maximum of",
# "up to", "no more than", "at least", "the target is", "Stage 1: 10 working days".
_INTRODUCED = re.compile(
    r"(?:\b(?:within|in|of|to|than|exceed(?:ing|s)?|maximum|most|least|minimum|after|under|is|are|be"
    r"|was|were|have|has|gives?|allows?|sets?)|[:–])\s*(?:\(|the |a |an )?$",
    re.IGNORECASE,
)
# Or straight after it: "a 10 working day target", "our 12-month window".
_AS_ADJECTIVE = re.compile(
    r"^\s*(?:targets?|timescales?|time ?limits?|time ?frames?|deadlines?|window|period|turnaround"
    r"|standard)\b",
    re.IGNORECASE,
)
# In the clause before it, words that make it time left or time taken, not the time allowed.
_NOT_A_LIMIT_BEFORE = re.compile(
    r"\b(?:due|remaining|left|nearing|approaching|overdue|average|averaged|median|took|taken|taking)\b",
    re.IGNORECASE,
)
# Anywhere in the sentence, signs that it reports performance: "87%", "on average".
_PERFORMANCE = re.compile(r"%|\bper ?cent\b|\baverage\b|\bmedian\b", re.IGNORECASE)


def _reports_performance(sentence: str, lowered: str) -> bool:
    # The words by `in` first: most sentences hold none, and a regular expression is slower.
    maybe = "%" in lowered or "cent" in lowered or "average" in lowered or "median" in lowered
    return maybe and _PERFORMANCE.search(sentence) is not None


# After a duration, the event the clock starts from: "of the complaint being acknowledged".
_CLOCK_START = re.compile(r"^\s*(?:of|from|after|following)\b[^,;.]*", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|but|while|whereas)\b", re.IGNORECASE)
_DELIVERABLE_VERB = re.compile(
    r"\b(?:publish|submit|approv|report|present|sign(?:ed|s)? off|send|sent|issu)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class StatedLimit:
    key: str
    found: FoundDuration


@dataclass(frozen=True, slots=True)
class _Keyword:
    """A keyword of a limit: its pattern, and its words for a quick test before the pattern."""

    pattern: re.Pattern[str]
    words: tuple[str, ...]

    def found_in(self, text: str, folded: str) -> bool:
        """Whether `text` (`folded` is its casefold) holds the keyword.

        Most sentences lack the words, and `in` on the casefolded text says so far sooner than the
        case-blind pattern; casefold, as it is at least as wide as the pattern's matching.
        """
        return all(word in folded for word in self.words) and self.pattern.search(text) is not None


def _keyword(keyword: str) -> _Keyword:
    words = tuple(word.casefold() for word in keyword.split())
    pattern = re.compile(r"(?<!\w)" + re.escape(keyword.strip()).replace(r"\ ", r"\s+"), re.IGNORECASE)
    return _Keyword(pattern, words)


class LimitReader:
    """Reads sentences for the time limits of one code (its keywords compiled once)."""

    def __init__(self, keywords: Mapping[str, Sequence[str]]) -> None:
        self._keywords = {key: tuple(_keyword(word) for word in words) for key, words in keywords.items()}

    def _carries(self, key: str, text: str, folded: str) -> bool:
        keywords = self._keywords[key]
        return bool(keywords) and all(keyword.found_in(text, folded) for keyword in keywords)

    def _carries_own_words(self, other: str, key: str, text: str, folded: str) -> bool:
        """Whether `text` has all the keywords that tell limit `other` apart from limit `key`."""
        shared = {keyword.pattern.pattern for keyword in self._keywords[key]}
        distinct = [keyword for keyword in self._keywords[other] if keyword.pattern.pattern not in shared]
        return bool(distinct) and all(keyword.found_in(text, folded) for keyword in distinct)

    def _candidates(self, text: str, clause: str, own: Collection[str]) -> list[str]:
        folded = text.casefold()
        found = [key for key in self._keywords if self._carries(key, text, folded)]
        for key in own:
            if key not in self._keywords or key in found:
                continue
            others = (other for other in self._keywords if other != key)
            if not any(self._carries_own_words(other, key, text, folded) for other in others):
                found.append(key)
        if len(found) > 1:
            # The clause holding the duration decides, by the keywords only one candidate has;
            # failing that, the limit the provision itself sets; failing that, nothing.
            clause_folded = clause.casefold()
            in_clause = [
                key
                for key in found
                if any(
                    self._carries_own_words(key, other, clause, clause_folded)
                    for other in found
                    if other != key
                )
            ]
            if len(in_clause) == 1:
                return in_clause
            mine = [key for key in found if key in own]
            return mine if len(mine) == 1 else []
        return found

    def limits_in(self, sentence: str, own: Collection[str] = ()) -> list[StatedLimit]:
        """The limits `sentence` states; `own` are the limits the provision it answers sets."""
        lowered = sentence.casefold()
        if not names_a_unit(lowered) or _reports_performance(sentence, lowered):
            return []
        if "stage" in lowered:
            sentence = _STAGE_IN_WORDS.sub(lambda m: f"{m[1]} {_NUMBER_WORDS[m[2].lower()]}", sentence)
        durations = [found for found in find_durations(sentence) if _is_a_limit(sentence, found)]
        if not durations:
            return []
        stated: list[StatedLimit] = []
        for found in durations:
            # Judge the words around this duration without the event its clock starts from.
            after = sentence[found.end :]
            start_event = _CLOCK_START.match(after)
            text = sentence[: found.end] + (after[start_event.end() :] if start_event else after)
            candidates = self._candidates(text, _clause_around(sentence, found), own)
            if len(candidates) == 1:
                stated.append(StatedLimit(candidates[0], found))
        by_key: dict[str, set[object]] = {}
        for item in stated:
            by_key.setdefault(item.key, set()).add(item.found.duration)
        # Two different durations for one limit in one sentence: not one statement.
        return [item for item in stated if len(by_key[item.key]) == 1]


def _clause_around(sentence: str, found: FoundDuration) -> str:
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(sentence)]
    start = max((b for b in breaks if b < found.start), default=0)
    end = min((b for b in breaks if b >= found.end), default=len(sentence))
    return sentence[start:end]


def _is_a_limit(sentence: str, found: FoundDuration) -> bool:
    before = sentence[: found.start]
    clause = before[max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0) :]
    if _NOT_A_LIMIT_BEFORE.search(clause):
        return False
    return bool(_INTRODUCED.search(before[-40:]) or _AS_ADJECTIVE.match(sentence[found.end :]))


def deliverable_dates(sentence: str, default_year: int) -> list[StatedDate]:
    """Dates a sentence gives for when something will be published, submitted, approved or reported."""
    if not _DELIVERABLE_VERB.search(sentence):
        return []
    return find_stated_dates(sentence, default_year)
