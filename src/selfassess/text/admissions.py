"""Find where commentary admits a shortfall: "below target", "not consistently", "will be developed".

Rule SA303 warns when a provision answered as met has commentary like this. A false alarm teaches
people to ignore the tool, so this prefers saying nothing to guessing. It works in two layers:

- `FORMS`, a list of the ways people admit a shortfall, each a regular expression with an example
  it must catch and, where a form has its own traps, the words around it that excuse it;
- a few general filters for what no form can see by itself: a conditional or purpose clause ("when
  we have not been able to meet our target we..."), a negation just before ("no backlog"), a
  modal ("may be unable to"), a relative clause describing a kind of case ("complaints that
  cannot be considered"), other people as the subject ("residents who are unable to"), a
  quotation, and a question.

Improvements under way and plans admit nothing ("we are developing reporting", "the new system
will improve"); a required thing that "will be developed" or "is not yet in place" does.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from selfassess.text.sentences import Sentence, split_sentences


@dataclass(frozen=True, slots=True)
class Admission:
    sentence: Sentence
    phrase: str  # the admitting words exactly as they appear in `sentence.text`


@dataclass(frozen=True)
class Form:
    """One way of admitting a shortfall.

    `needs` are words (lowercase, or the start of words) one of which a sentence must hold before
    `pattern` is tried: a substring test costs a small fraction of a regex search, and most
    sentences admit nothing. `pattern` is matched case-insensitively against the sentence's text;
    "<not>" in it stands for " not" or "n't". If it has a group named `say`, that group is the
    phrase reported (the rest is context the form needs, such as the verb in "was below target").
    `not_before` and `not_after` excuse a match when they match the words just before or just
    after it.
    """

    needs: tuple[str, ...]
    pattern: str
    example: str
    not_before: str = ""
    not_after: str = ""
    about_us: bool = False  # the landlord must be the one unable, failing or missing


# Verbs and nouns reused below.
_BE = r"(?:is|are|was|were|be|been|being|remains?|remained)"
_LIMIT = r"(?:targets?|timescales?|time ?limits?|time ?frames?|deadlines?)"
_LIMIT_WORDS = ("target", "timescale", "limit", "frame", "deadline")
# A word between a verb and the admitting words, as in "was well below", but never one that
# negates them: "was not below target", "were never late".
_WORD = r"(?!(?:not|never|no|none|nothing|rarely|seldom|hardly)\b)\w+"
# "Not yet" and "yet to" are no admission when nothing has happened yet that needed doing.
_NO_OCCASION = (
    r"\s*(?:been |had |had any |received any |needed to )?(?:had|received|needed|required|"
    r"necessary|arisen|arise|occurred|happened|due|asked|been asked|used|applied|called|"
    r"resolved|closed|concluded|any|receive|need|have any|had any|have cause|had cause|"
    r"had occasion|have occasion)\b"
)

FORMS: tuple[Form, ...] = (
    # Targets and timescales not met.
    # "was below target", "has been well below target"; in notes, "Stage 2: below target".
    Form(
        ("target",),
        rf"(?:\b(?:{_BE}|fell|fallen|falls?|running|performing|performed)(?: {_WORD}){{0,2}}? |^|: )"
        rf"(?:(?:well|far|significantly|considerably|slightly|just) )?"
        rf"(?P<say>(?:below|under|short of) (?:our |the |its )?(?:[\w%-]+ ){{0,3}}?targets?)\b",
        "We know that our performance in this area was below target.",
    ),
    Form(
        ("target", "track"),
        r"\b(?:off|not on) (?:target|track)\b",
        "Stage 2 response times are off target this year.",
    ),
    Form(
        ("short",),
        r"\bf(?:ell|alls?|allen|alling) short\b",
        "Our acknowledgement times fell short of the Code in 2023/24.",
    ),
    Form(
        _LIMIT_WORDS,
        rf"\b(?:did|do|does|have|has|had|could|were|was)<not> (?:always |consistently |yet )?"
        rf"(?:been )?(?:meet|met|achieve|achieved|hit|reach|reached) (?:the |our |its |this |these "
        rf"|all |every )?(?:[\w%-]+ ){{0,2}}?{_LIMIT}\b",
        "We did not meet our target for stage 1 responses in Q3.",
    ),
    Form(
        _LIMIT_WORDS,
        rf"\b{_LIMIT} (?:is|are|was|were|has|have|had)<not> (?:always |consistently |yet )?"
        rf"(?:been )?(?:met|achieved)\b",
        "Our target response time has not always been met.",
    ),
    Form(
        ("missed",),
        rf"\b(?:have|has|had|we|they) (?:{_WORD} )?(?P<say>missed (?:(?:the|our|its|a|some|several|"
        rf"many|a number of) )?(?:[\w%-]+ ){{0,3}}?{_LIMIT})\b",
        "We have missed the 10 working day target on a number of complaints.",
    ),
    Form(
        ("missed",),
        rf"\b{_LIMIT} (?:(?:is|are|was|were|have|has|had) )?(?:been |being )?missed\b",
        "Some deadlines were missed during the system migration.",
    ),
    Form(
        ("outside",),
        rf"\b(?:is|are|was|were|been) (?:{_WORD} )?outside (?:of )?(?:the |our |its )?"
        rf"(?:[\w%-]+ ){{0,3}}?{_LIMIT}\b",
        "A fifth of stage 2 responses were issued outside the timescale.",
    ),
    # "late", but not "late 2023" or "later".
    Form(
        ("late",),
        rf"\b(?:was|were|been|being)(?: {_WORD})? late\b(?! (?:\d|spring|summer|autumn|"
        r"winter|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
        "Several stage 1 responses were late.",
    ),
    # Not consistent, not always.
    Form(
        ("consistently",),
        r"\b(?:did|do|does|have|has|had)<not> consistently (?!and\b|or\b)\w+",
        "We did not consistently achieve this from Autumn 2023.",
    ),
    Form(
        ("consistently",),
        r"\bnot consistently\b",
        "We recognise that residents are not consistently updated on delays.",
    ),
    Form(
        ("consisten",),
        r"\binconsisten(?:t|tly|cy|cies)\b|\b(?:is|are|was|were|been)<not> consistent\b",
        "In 2023/24 the timeliness of our acknowledgements was inconsistent.",
        # Checking for inconsistency is a procedure; finding it ("we identified") is an admission.
        not_before=r"\b(?:for|identify|identifies|check|checks|spot|spots|highlight|highlights|"
        r"address|addresses|reduce|reduces|remove|removes|resolve|resolves)(?: \w+)?\s*$",
    ),
    Form(
        ("always",),
        r"\b(?:is|are|was|were|has|have|had|do|does|did)<not> always (?:been )?(?:met|meet|"
        r"achieved?|kept|keep|followed|follow|recorded|record|logged|acknowledged|updated|update|"
        r"informed|consistent|timely|on time|within|able|possible to (?:meet|respond|achieve)|"
        r"provided|provide|sent|issued|responded|respond|completed|offered|included|identified|"
        r"escalated|clear to residents|told)\b",
        "Residents are not always kept informed when their complaint is delayed.",
    ),
    # Cannot, unable.
    Form(
        ("currently",),
        r"\b(?:cannot|can not|can['’]t) currently\b|\bcurrently (?:cannot|can not|can['’]t)\b",
        "Due to meetings schedules we cannot currently approve and publish this by 30 June.",
        about_us=True,
    ),
    Form(
        ("able to",),
        r"\b(?:am|is|are|was|were|ha(?:ve|s|d) been)(?: currently| still)? unable to\b"
        r"|\b(?:am|is|are|was|were)<not> (?:currently |yet |always )?able to\b"
        r"|\bha(?:ve|s|d)<not> (?:yet |always )?been able to\b",
        "We are unable to record reasonable adjustments on our current system.",
        # Saying what complaints the policy excludes is a rule, not a shortfall.
        not_after=r"\s*(?:accept|consider|investigate|escalate|deal with|look into|take on|"
        r"handle|progress|comment)\b",
        about_us=True,
    ),
    Form(
        ("failed",),
        r"\bfailed to\b",
        "We failed to respond to 12 stage 2 complaints within 20 working days.",
        about_us=True,
    ),
    # Not in place yet, or only in part.
    Form(
        ("yet",),
        r"\b(?:(?:is|are|was|were|has|have|had)<not>|not) yet(?: (?:fully )?in place)?\b",
        "A complaints training programme for contractors is not yet in place.",
        not_after=_NO_OCCASION + r"|\s*(?:been )?(?:fully )?(?:completed|finished)\b",
    ),
    Form(
        ("in place",),
        r"\b(?:is|are|was|were)<not> (?:currently )?in place\b",
        "A Member Responsible for Complaints is not in place at present.",
    ),
    Form(
        ("yet",),
        r"\b(?:has|have|had) yet to\b|\b(?:is|are|was|were) (?:yet|still) to be \w+",
        "We have yet to appoint a Member Responsible for Complaints.",
        not_after=_NO_OCCASION,
    ),
    Form(
        ("fully",),
        r"\bnot (?:yet )?fully\b",
        "Our new complaints procedure is not fully embedded across all teams.",
        not_after=r"\s*(?:resolved|satisfied|upheld|happy|accept|accepted|agree|agreed|aware|understood)\b",
    ),
    Form(
        ("partial",),
        r"\b(?:only )?partial(?:ly)? (?:\w+ )?(?:complian(?:t|ce)|comply|complies|met|meets?|"
        r"achieved|in place|implemented|embedded)\b|\b(?:comply|complies|complied|met|meet|meets)"
        r" (?:only )?partially\b",
        "We partially meet this requirement.",
    ),
    Form(
        ("compliant",),
        r"\bnot (?:yet |currently |fully )?compliant\b|\bnon-?compliant\b",
        "Our stage 2 process is not currently compliant with the Code.",
    ),
    Form(
        ("currently",),
        r"\b(?:do|does)<not> currently(?: (?:meet|comply with|achieve|have|hold|record|publish|"
        r"report|provide|offer|monitor|track|collect))?\b",
        "We do not currently record disabilities disclosed by residents.",
        # Having no third parties or no cases to count is no shortfall.
        not_after=r"\s*(?:any|use|employ|outsource|contract|commission|need|receive|get|charge|"
        r"a need|third|contractors?)\b",
    ),
    # A required thing that will only be created later is missing now; a thing that will be
    # presented, published or improved is not.
    Form(
        ("will",),
        r"\bwill (?:need to )?be (?:developed|put in place|established|created|drafted|written|"
        r"set up)\b",
        "A corporate policy on unreasonable behaviour will be developed over 2024/25.",
        # "...will be developed further" improves what exists.
        not_after=r"\s*(?:further|more|and (?:improved|refined|expanded|extended))\b",
    ),
    # Work still to do.
    Form(
        ("work",),
        r"\b(?:further|more|additional) work (?:is |will be )?(?:still )?(?:needed|required|"
        r"necessary)\b|\b(?:needs?|requires?) (?:further|more|additional) work\b|\b(?:further|"
        r"more) work to (?:do|be done)\b|\bstill work to (?:do|be done)\b",
        "Further work is needed to embed the new learning framework.",
    ),
    Form(
        ("improve",),
        r"\b(?:needs?|requires?) (?:to )?improve(?:ment)?\b|\broom for improvement\b",
        "Our record keeping of reasonable adjustments needs improvement.",
    ),
    Form(
        ("behind",),
        r"\b(?:is|are|was|were|running|fallen|fell) behind (?:schedule|target|plan)\b"
        r"|\bbehind schedule\b",
        "The rollout of the new CRM is behind schedule.",
    ),
    # Delays and backlogs as things that happened or exist, not as risks to avoid.
    Form(
        ("delay",),
        r"\b(?:some|significant|considerable|occasional|ongoing|lengthy|long|persistent|"
        r"frequent|several|recurring|unacceptable|substantial) delays?\b"
        rf"|\bthere (?:have been|has been|were|was|are|is) (?:(?!any\b){_WORD} )?delays?\b"
        rf"|\bexperienced (?:(?!any\b){_WORD} )?delays?\b|\bdelays? (?:have|has) (?:occurred|arisen)\b",
        "There have been some delays in responding to stage 2 complaints.",
    ),
    Form(
        ("backlog",),
        r"\bbacklogs?\b",
        "We are working through a backlog of stage 2 complaints.",
        # A backlog being cleared is a present problem; one already cleared is not.
        not_before=r"(?:cleared|eliminated|removed|no longer have|without)(?: \w+)?\s*$",
        # "The backlog ... has now been cleared"; a note saying "Backlog: none".
        not_after=r"(?:\s+\w+){0,6}?\s+(?:has|have|was|were) (?:now |since |been |fully )*"
        r"(?:cleared|eliminated|removed|resolved)\b|\s*[:–-]\s*(?:none|nil|n/a|zero|0)\b",
    ),
)


def _compile(pattern: str) -> str:
    return pattern.replace("<not>", r"(?: not|n['’]t)")


@cache
def _compiled(index: int) -> tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None, bool]:
    """Form `index`, compiled on first use: a one-file check meets fewer than half the forms, and
    compiling them all would be most of its start-up time spent in this module."""
    form = FORMS[index]
    return (
        re.compile(_compile(form.pattern), re.IGNORECASE),
        re.compile(form.not_before, re.IGNORECASE) if form.not_before else None,
        re.compile(form.not_after, re.IGNORECASE) if form.not_after else None,
        form.about_us,
    )


# --- General filters -------------------------------------------------------------------------

# A clause ends at these; the filters below look only at the clause holding the phrase.
_CLAUSE_BREAK = re.compile(r"[,;:()—–]| - ")
# "...in holding responses when we have not been able to meet our target..." describes a
# procedure; "If a landlord is unable to comply..." a hypothesis.
_CONDITIONAL = re.compile(
    r"\b(?:if|when|whenever|where|wherever|unless|in case|in the event|in cases|should)\b",
    re.IGNORECASE,
)
# The same, opening the sentence: "Where needed, an action plan will be developed."
_OPENS_CONDITIONAL = re.compile(
    r"^\W*(?:and |but |so )?(?:if|when|whenever|where|wherever|unless|should|in the event|in cases?"
    r"|in circumstances|in any case where|once)\b",
    re.IGNORECASE,
)
# "to ensure deadlines are not missed", "so that there is no backlog": a purpose, not a fact.
_PURPOSE = re.compile(
    r"\b(?:to (?:ensure|avoid|prevent|make sure|stop|minimi[sz]e|reduce the risk)|so that|"
    r"in order to|avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|ensur(?:es?|ed|ing))\b",
    re.IGNORECASE,
)
_MODAL = re.compile(r"\b(?:may|might|would|could|should|must)\b", re.IGNORECASE)
# Opening the clause or within the five words before the phrase: "no backlog", "not aware of
# any delays", "never", "None of our stage 2 responses were late".
_NEGATION = re.compile(r"\b(?:no|not|never|none|nor|neither|without|any|cannot|\w+n['’]t)\b", re.IGNORECASE)
# "complaints that cannot be considered", "residents who are not fully satisfied".
_RELATIVE = re.compile(
    r"\b(?:who|whom|that|which)(?: (?:is|are|was|were|has|have|had|been|still|currently|"
    r"will|do|does|did))*\s*$",
    re.IGNORECASE,
)
# Someone other than the landlord is the one who cannot or failed: "residents are unable to".
_OTHERS = re.compile(
    r"\b(?:residents?|tenants?|leaseholders?|customers?|complainants?|people|individuals?|they|he|"
    r"she|someone|anyone|those|contractors?|representatives?|advocates?|households?|the ombudsman)"
    r"(?: \w+){0,2}\s*$",
    re.IGNORECASE,
)


# A clause longer than this is read only this far back: enough for any real sentence, and it
# keeps a pathological one (thousands of words without a comma) from taking quadratic time.
_CLAUSE_REACH = 300


def _excused(text: str, start: int, clause_start: int, about_us: bool) -> bool:
    """Whether the match starting at `start` of a sentence's text is not, after all, an admission.

    `clause_start` is where the clause holding the match begins.
    """
    clause = text[max(clause_start, start - _CLAUSE_REACH) : start]
    if _CONDITIONAL.search(clause) or _OPENS_CONDITIONAL.match(text):
        return True
    if _PURPOSE.search(clause) or _MODAL.search(clause):
        return True
    words = clause.split()
    if words and (_NEGATION.fullmatch(words[0]) or _NEGATION.search(" ".join(words[-5:]))):
        return True
    if _RELATIVE.search(clause):
        return True
    return about_us and _OTHERS.search(clause) is not None


def _inside_quotation(text: str, start: int) -> bool:
    """Whether `start` is inside quotation marks: words someone else said, or the Code's own."""
    before = text[:start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# Each trigger word, with the forms that need it: a sentence is tried only against the forms whose
# words it holds, found with `in` on the lowercased text (ten times as fast as one regular
# expression of every word, which Python's engine tries branch by branch at every position).
_FORMS_NEEDING: dict[str, tuple[int, ...]] = {
    word: tuple(index for index, form in enumerate(FORMS) if word in form.needs)
    for word in sorted({word for form in FORMS for word in form.needs})
}


def _admissions_in(sentence: Sentence) -> list[Admission]:
    text = sentence.text
    if text.endswith("?"):
        return []
    lowered = text.casefold()  # casefold, not lower: as wide as the patterns' case-blind matching
    present = [word for word in _FORMS_NEEDING if word in lowered]
    if not present:
        return []
    tried = {index for word in present for index in _FORMS_NEEDING[word]}
    clause_starts: list[int] | None = None
    spans: list[tuple[int, int]] = []
    for index in sorted(tried):
        pattern, not_before, not_after, about_us = _compiled(index)
        for match in pattern.finditer(text):
            start, end = match.span()
            if not_before and not_before.search(text, max(0, start - 40), start):
                continue
            if not_after and not_after.match(text, end):
                continue
            if clause_starts is None:
                clause_starts = [match.end() for match in _CLAUSE_BREAK.finditer(text)]
            index = bisect.bisect_right(clause_starts, start)
            clause_start = clause_starts[index - 1] if index else 0
            if _excused(text, start, clause_start, about_us):
                continue
            if "say" in pattern.groupindex and match.group("say"):
                start, end = match.span("say")
            spans.append((start, end))
    if not spans:
        return []
    if '"' in text or "“" in text:
        spans = [span for span in spans if not _inside_quotation(text, span[0])]
    # Where forms overlap, the leftmost and then the longest wording is the one reported:
    # "did not consistently achieve", not "not consistently".
    admissions: list[Admission] = []
    reported_to = -1
    for start, end in sorted(spans, key=lambda span: (span[0], -span[1])):
        if start >= reported_to:
            admissions.append(Admission(sentence, text[start:end]))
            reported_to = end
    return admissions


def admissions_in(sentences: Iterable[Sentence]) -> list[Admission]:
    """Each shortfall the sentences admit, in order (for text already split into sentences)."""
    admissions: list[Admission] = []
    for sentence in sentences:
        admissions.extend(_admissions_in(sentence))
    return admissions


def find_admissions(text: str) -> list[Admission]:
    """Each shortfall `text` admits, sentence by sentence, in the order written."""
    return admissions_in(split_sentences(text))
