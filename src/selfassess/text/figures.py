"""Figures that show a time limit missed: "81% of stage 1 responses were sent within 10 working
days", "136 out of 145 closed within timescale", "Of the 19 closed complaints, 13 were resolved
within the timeframe", "an average of 14 working days" at stage 1; and
figures that show work left: "16 out of 20 actions have been completed".

A share under 100% of complaints answered on time admits that the rest were not; so does an
average longer than the limit it is an average of. A figure is read only where its sentence is
about answering complaints on time; a satisfaction score, an escalation rate or a number of
complaints received admits nothing, and a figure that is a target ("we aim to answer 95%",
"against a target of 95%") is not a figure achieved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

_PERCENT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:%|per ?cent\b)", re.IGNORECASE)
_OUT_OF = re.compile(r"\b(\d{1,6}) (?:out )?of (?:the |these |those )?(\d{1,6})\b(?! (?:days|working))", re.I)
_ON_TIME = re.compile(
    r"\b(?:within|timescales?|time ?limits?|time ?frames?|targets?|on time|in time|deadlines?|"
    r"in line with|working days|closed in|days)\b",
    re.IGNORECASE,
)
_COMPLAINTS = re.compile(
    r"\b(?:complain\w*|stage (?:1|2|one|two)|s[12]\b|respon\w+|acknowledg\w+|replie[sd]|"
    r"enquir\w+|cases|escalat\w+|resolved)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
# A total first and a part of it on time in the next clause: "Of the 19 closed complaints, 13 were
# resolved within the timeframe"; "All 3 complaints were dealt with; with 2 being resolved within".
_TOTAL_THEN_PART = re.compile(
    r"\b(?:of (?:the |these |those )?|all )(\d{1,6})\b[^.;,]{0,80}?[,;]\s*(?:with |and |of which )?"
    r"(\d{1,6})\b(?! (?:days|working|weeks))([^.;,]{0,80})",
    re.IGNORECASE,
)
# A clause, for judging one figure by the words around it.
_CLAUSE = re.compile(r"[^,;]+")
# Figures that are not about answering on time.
_NOT_TIMELINESS = re.compile(
    r"\bsatisf\w*|\bupheld\b|\bresolved at\b|\bescalation rate\b|\b(?:increase|increased|reduction|"
    r"reduced|decrease|decreased|rise|rose) (?:by|in the number)\b|\breceived\b(?! (?:within|a response))",
    re.IGNORECASE,
)
# Just before a figure, the words that make it a target rather than a result.
_TARGET_BEFORE = re.compile(
    r"(?:\btargets?(?: of| is| was| at)?|\baim(?:s|ed)? to (?:\w+ ){0,3}?|\bgoal of|\bexpect(?:s|ed)? "
    r"(?:\w+ ){0,3}?|\bstandard of|\bKPI of|\bat least)\s*\(?\s*$",
    re.IGNORECASE,
)
_AVERAGE = re.compile(
    r"\b(?:average|averaged|on average|mean|median|response times? (?:\w+ ){0,6}?(?:of|was|were|is|to|"
    # "the response time for stage 1 complaints improved from 32.1 days to 23.9 days"
    r"(?:improved|fell|reduced|dropped|rose|increased|went|changed) from))\b",
    re.IGNORECASE,
)
_DAYS = re.compile(
    r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:(working|business|calendar|clear)\s+)?(days?|weeks?)\b",
    re.IGNORECASE,
)
# Actions put into effect, whose share under 100% leaves some to do.
_ACTIONS_DONE = re.compile(
    r"\b(?:actions?|recommendations?|learning|lessons?|outcomes?|improvements?)\b[^.;]{0,80}?\b(?:been|"
    r"were|was|are|is)\s+(?:all\s+|now\s+|fully\s+)?(?:implemented|completed|actioned|delivered|put in "
    r"place|closed)\b",
    re.IGNORECASE,
)
_DONE_WORDS = ("implemented", "completed", "actioned", "delivered", "put in place", "closed")
_A_TARGET = re.compile(r"\b(?:target|aim|our standard|we will|should be)\b", re.IGNORECASE)


@dataclass(frozen=True)
class AverageLimit:
    """A time limit an average may be compared with: its length in working days, and the words
    that name it (all of which a sentence must hold), as the code gives them."""

    working_days: float
    keywords: Sequence[str]


def _in_working_days(value: float, kind: str | None, unit: str) -> float:
    if unit.casefold().startswith("week"):
        return value * 5
    if kind and kind.casefold() in ("working", "business"):
        return value
    return value * 5 / 7  # calendar days, as the nearest working-day measure


def _share_below_100(clause: str) -> re.Match[str] | None:
    """A share under 100% (or n of m) achieved, in a clause about answering on time."""
    if not _ON_TIME.search(clause) or _NOT_TIMELINESS.search(clause):
        return None
    for match in _PERCENT.finditer(clause):
        if float(match[1]) < 100 and not _TARGET_BEFORE.search(
            clause, max(0, match.start() - 40), match.start()
        ):
            return match
    for match in _OUT_OF.finditer(clause):
        done, out_of = int(match[1]), int(match[2])
        if 0 < done < out_of and not _TARGET_BEFORE.search(clause, max(0, match.start() - 40), match.start()):
            return match
    return None


_ANOTHER_CLAUSE = re.compile(r"\b(?:and|but|while|whilst|although)\b", re.IGNORECASE)


def _part_of_total_on_time(text: str) -> tuple[int, int] | None:
    """A total and, in the clause after it, fewer of them on time: the rest were late."""
    for match in _TOTAL_THEN_PART.finditer(text):
        total, part, rest = int(match[1]), int(match[2]), match[3]
        on_time = _ON_TIME.search(rest)
        if (
            0 < part < total
            and on_time
            # the part is what was on time: "5 were about repairs and all were ..." is not
            and not _DIGIT.search(rest, 0, on_time.start())
            and not _ANOTHER_CLAUSE.search(rest, 0, on_time.start())
            and not _NOT_TIMELINESS.search(rest)
        ):
            return match.start(), match.start(3) + on_time.end()
    return None


def _share_of_actions_done(clause: str) -> tuple[int, int] | None:
    """A share under 100% (or n of m) of the actions, recommendations or lessons put into effect:
    the rest are still to do ("34 or 83% of which have been implemented")."""
    lowered = clause.casefold()
    if not any(word in lowered for word in _DONE_WORDS):
        return None  # a substring test first: the pattern below is slow to fail
    done = _ACTIONS_DONE.search(clause)
    if done is None or _NOT_TIMELINESS.search(clause):
        return None
    for match in (*_PERCENT.finditer(clause), *_OUT_OF.finditer(clause)):
        if match.re is _PERCENT and float(match[1]) >= 100:
            continue
        if match.re is _OUT_OF and not 0 < int(match[1]) < int(match[2]):
            continue
        if not _TARGET_BEFORE.search(clause, max(0, match.start() - 40), match.start()):
            # The figure and what it is a share of: "83% of which have all been implemented".
            return min(match.start(), done.start()), max(match.end(), done.end())
    return None


def _limit_for(text: str, limits: Mapping[str, AverageLimit], own: Sequence[str]) -> AverageLimit | None:
    folded = text.casefold()
    named = [
        limit
        for limit in limits.values()
        if limit.keywords and all(word.casefold() in folded for word in limit.keywords)
    ]
    if len(named) == 1:
        return named[0]
    mine = [limits[key] for key in own if key in limits]
    return mine[0] if len(mine) == 1 else None


def _average_over(
    clause: str, limits: Mapping[str, AverageLimit], own: Sequence[str]
) -> tuple[int, int] | None:
    average = _AVERAGE.search(clause)
    if average is None or _A_TARGET.search(clause):
        return None
    limit = _limit_for(clause, limits, own)
    if limit is None:
        return None
    for match in _DAYS.finditer(clause):
        if _in_working_days(float(match[1]), match[2], match[3]) > limit.working_days + 0.5:
            return min(average.start(), match.start()), max(average.end(), match.end())
    return None


def figure_admitting(
    text: str, limits: Mapping[str, AverageLimit] | None = None, own: Sequence[str] = ()
) -> tuple[int, int] | None:
    """Where in `text` a figure shows a time limit missed (its span), or None.

    Each figure is judged by its clause. `limits` are the code's time limits an average can be
    measured against; `own` the keys of those the provision itself sets.
    """
    if _DIGIT.search(text) is None:
        return None  # every figure has a digit; most sentences have none
    if not _COMPLAINTS.search(text):
        # A share of actions done is read over the sentence: "Of last year's recommendations,
        # 80% have been implemented".
        return _share_of_actions_done(text)
    part = _part_of_total_on_time(text)
    if part is not None:
        return part
    for clause in _CLAUSE.finditer(text):
        words = clause[0]
        share = _share_below_100(words)
        if share is not None:
            # The figure and the words that say what it is of: "81% ... within 10 working days".
            end = share.end()
            for after in _ON_TIME.finditer(words, share.end()):
                if after.start() - end > 60:
                    break
                end = after.end()
            return clause.start() + share.start(), clause.start() + end
        if limits:
            over = _average_over(words, limits, own)
            if over is not None:
                return clause.start() + over[0], clause.start() + over[1]
    return _share_of_actions_done(text)
