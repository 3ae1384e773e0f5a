"""Durations such as "10 working days": parsing a value a user typed, and finding them in prose.

One grammar serves both jobs, so a duration `policy:` accepts is exactly one that commentary can
state. Finding them in prose prefers precision to recall: missing an odd phrasing costs a finding,
inventing a duration costs a complaints manager's trust in every other finding.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Unit(enum.StrEnum):
    WORKING_DAYS = "working days"
    DAYS = "days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


@dataclass(frozen=True)
class Duration:
    count: int
    unit: Unit

    def __str__(self) -> str:
        # The canonical form is what messages quote, so it reads as English: "1 week", "2 weeks".
        unit = self.unit.value if self.count != 1 else self.unit.value[:-1]
        return f"{self.count} {unit}"


@dataclass(frozen=True)
class FoundDuration:
    duration: Duration
    start: int
    end: int
    text: str


_UNITS_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
_TEENS_WORDS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "ninety": 90}

_UNIT_WORD = "|".join(_UNITS_WORDS)
_TENS_WORD = "|".join(_TENS_WORDS)
_TEEN_WORD = "|".join(_TEENS_WORDS)
# Tens first so that "twenty-one" is read whole, never as "twenty" followed by "-one".
_NUMBER_WORD = rf"(?:(?:{_TENS_WORD})(?:[- ](?:{_UNIT_WORD}))?|{_TEEN_WORD}|{_UNIT_WORD})"

# "ten (10) working days" and "(10) working days" are how formal policies write numbers; the word
# and the digits must then agree, or the sentence is not saying one thing and is left alone.
_COUNT = (
    rf"(?:(?P<word>{_NUMBER_WORD})\s*\(\s*(?P<check>\d+)\s*\)"
    rf"|\(\s*(?P<paren>\d+)\s*\)"
    rf"|(?P<digits>\d+)"
    rf"|(?P<word_only>{_NUMBER_WORD})"
    rf"|(?P<article>an?))"
)

# A single hyphen joins the adjectival form ("a 10-working-day target", "the 12-month window").
_SEP = r"(?:\s+|-)"
_UNIT = (
    rf"(?:(?P<working>(?:working|business){_SEP}days?)"
    rf"|(?P<calendar_days>calendar{_SEP}days?)"
    rf"|(?P<calendar_months>calendar{_SEP}months?)"
    rf"|(?P<days>days?)"
    rf"|(?P<fortnights>fortnights?)"
    rf"|(?P<weeks>weeks?)"
    rf"|(?P<months>months?)"
    rf"|(?P<years>years?))"
)

# "10 additional working days", "two further weeks": extra time, the adjective inside the duration.
_DURATION = rf"{_COUNT}{_SEP}(?:(?:additional|further|extra|more)\s+)?{_UNIT}"
_EXACT = re.compile(_DURATION, re.IGNORECASE)

# In prose the count must not continue something else: "1.5 days", "2023-24 years", "£10 days",
# "someone days". The unit must end the word: "a day-to-day basis", "a month-long campaign".
_IN_TEXT = re.compile(
    rf"(?<![\w.,/£$€%-]){_DURATION}(?!\w)(?!-\w)",
    re.IGNORECASE,
)

# "once a month", "24 hours a day": an article after these words is a rate, not a duration.
_RATE_BEFORE_ARTICLE = re.compile(
    r"(?:\b(?:once|twice|thrice|times|per|every|each|hours|minutes|days|weeks|months|years)"
    r"|\d)\s*$",
    re.IGNORECASE,
)
# "7 days a week", "5 days per week": a rate again.
_RATE_AFTER = re.compile(
    r"\s+(?:a|an|per|each|every)\s+(?:day|week|fortnight|month|year)\b",
    re.IGNORECASE,
)
# "residents aged over 65 years", "18 years old": an age, not a limit.
_AGE_AFTER = re.compile(r"\s+(?:old|of\s+age)\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\baged\s+(?:\w+\s+)?$", re.IGNORECASE)
# "every two weeks" is how often something happens, not how long it may take.
_INTERVAL_BEFORE = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)


def _word_value(word: str) -> int:
    parts = re.split(r"[- ]", word.lower())
    if len(parts) == 2:
        return _TENS_WORDS[parts[0]] + _UNITS_WORDS[parts[1]]
    (only,) = parts
    return _UNITS_WORDS.get(only) or _TEENS_WORDS.get(only) or _TENS_WORDS[only]


def _from_match(match: re.Match[str]) -> Duration | None:
    groups = match.groupdict()
    if groups["word"] is not None:
        count = _word_value(groups["word"])
        if int(groups["check"]) != count:
            return None
    elif groups["paren"] is not None:
        count = int(groups["paren"])
    elif groups["digits"] is not None:
        count = int(groups["digits"])
    elif groups["word_only"] is not None:
        count = _word_value(groups["word_only"])
    else:
        count = 1
    if count < 1:
        return None
    if groups["working"] is not None:
        return Duration(count, Unit.WORKING_DAYS)
    if groups["calendar_days"] is not None or groups["days"] is not None:
        return Duration(count, Unit.DAYS)
    if groups["fortnights"] is not None:
        return Duration(count * 2, Unit.WEEKS)
    if groups["weeks"] is not None:
        return Duration(count, Unit.WEEKS)
    if groups["calendar_months"] is not None or groups["months"] is not None:
        return Duration(count, Unit.MONTHS)
    return Duration(count, Unit.YEARS)


def parse_duration(text: str) -> Duration | None:
    """The duration that `text` is, as a whole; None when it is anything more or less.

    Used to validate what a user typed in `policy:` and what a code declares in `limit:`, so
    "10 working days or less", "10" and "soon" are all None rather than a guess.
    """
    match = _EXACT.fullmatch(text.strip())
    return _from_match(match) if match else None


def names_a_unit(lowered: str) -> bool:
    """Whether casefolded text holds a unit's word, without which it states no duration.

    Most sentences name none; `in` says so ten times as fast as a case-blind regular expression.
    """
    return (
        "day" in lowered
        or "week" in lowered
        or "month" in lowered
        or "year" in lowered
        or "fortnight" in lowered
    )


def find_durations(sentence: str) -> list[FoundDuration]:
    """Every duration stated in a sentence of free text, with where it is."""
    if not names_a_unit(sentence.casefold()):
        return []
    found: list[FoundDuration] = []
    for match in _IN_TEXT.finditer(sentence):
        duration = _from_match(match)
        if duration is None:
            continue
        before = sentence[: match.start()]
        after = sentence[match.end() :]
        if match.group("article") is not None and _RATE_BEFORE_ARTICLE.search(before):
            continue
        if _RATE_AFTER.match(after) or _AGE_AFTER.match(after):
            continue
        if _AGE_BEFORE.search(before) or _INTERVAL_BEFORE.search(before):
            continue
        found.append(FoundDuration(duration, match.start(), match.end(), match.group(0)))
    return found
