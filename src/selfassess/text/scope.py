"""What keeps admitting words from admitting anything: the scope rules every cue obeys.

A condition or a procedure ("when we have not been able to meet our target we write", or in the
clause before: "and should it fall short, it must improve"), a purpose ("to ensure deadlines are
not missed"), a modal ("may be unable to"), a negation just before ("no backlog"), a relative
clause describing a kind of case ("complaints that cannot be considered"), someone other than the
landlord as the subject ("residents who are unable to"), a quotation (not a passage quoted whole,
which is read as it stands), a question, and a sentence about another service altogether
(repairs, anti-social behaviour) with no word of complaints in it.
"""

from __future__ import annotations

import re

# A clause ends at these; the filters below look only at the clause holding the phrase.
CLAUSE_BREAK = re.compile(r"[,;:()—–]| - ")
_CONDITIONAL = re.compile(
    r"\b(?:if|when|whenever|where|wherever|unless|in case|in the event|in cases|should|whether)\b",
    re.IGNORECASE,
)
# The same, opening the sentence: "Where needed, an action plan will be developed."
_OPENS_CONDITIONAL = re.compile(
    r"^\W*(?:and |but |so )?(?:if|when|whenever|where|wherever|unless|should|in the event|in cases?"
    r"|in circumstances|in any case where|once|whether)\b",
    re.IGNORECASE,
)
# A condition opening a clause, at its start or after "and": "and should it fall short".
_CONDITION_OPENS = re.compile(
    r"(?:^\W*|\b(?:and|but|so|or)\s+)(?:if|when|whenever|where|wherever|unless|should|in the event|"
    r"in cases?|once)\b",
    re.IGNORECASE,
)
_PURPOSE = re.compile(
    r"\b(?:to (?:ensure|avoid|prevent|make sure|stop|minimi[sz]e|reduce the risk|help)|so that|"
    r"in order to|avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|ensur(?:es?|ed|ing))\b",
    re.IGNORECASE,
)
_MODAL = re.compile(r"\b(?:may|might|would|could|should|must|can)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:no|not|never|none|nor|neither|without|any|cannot|\w+n['’]t)\b", re.IGNORECASE)
_RELATIVE = re.compile(
    r"\b(?:who|whom|that|which|what)(?: (?:is|are|was|were|has|have|had|been|still|currently|"
    r"will|do|does|did))*\s*$",
    re.IGNORECASE,
)
_OTHERS = re.compile(
    r"\b(?:residents?|tenants?|leaseholders?|customers?|complainants?|people|individuals?|they|he|"
    r"she|someone|anyone|those|contractors?|representatives?|advocates?|households?|the ombudsman|"
    r"you)(?: \w+){0,2}\s*$",
    re.IGNORECASE,
)
# Another service's performance, with no word about complaints: "Repairs were below target."
_OTHER_SERVICE = re.compile(
    r"\b(?:repairs? (?:completed|performance|were|are|carried out|appointments|contractor)|"
    r"anti-?social behaviour|asb|damp and mould|decent homes|rent (?:arrears|collection)|voids?|"
    r"calls? (?:answered|handled)|gas safety|tenancy audits?|indicators?|kpis?|rag status|"
    r"\d+ (?:measures|indicators)|of the \d+ (?:measures|indicators))\b",
    re.IGNORECASE,
)
_ABOUT_COMPLAINTS = re.compile(
    r"\b(?:complain\w*|stage (?:1|2|one|two)|respon\w+|acknowledg\w+|escalat\w+|ombudsman|code|"
    r"self-assessment)\b",
    re.IGNORECASE,
)

# A clause longer than this is read only this far back: enough for any real sentence, and it
# keeps a pathological one (thousands of words without a comma) from taking quadratic time.
_CLAUSE_REACH = 300


def excused(text: str, start: int, clause_start: int, about_us: bool, modal: bool = False) -> bool:
    """Whether words starting at `start` of a sentence admit nothing after all.

    `clause_start` is where the clause holding them begins; `about_us` asks that the landlord,
    not someone else, be the subject; `modal` says the words are themselves modal ("could do
    better"), so a modal does not excuse them.
    """
    clause = text[max(clause_start, start - _CLAUSE_REACH) : start]
    if _CONDITIONAL.search(clause) or _OPENS_CONDITIONAL.match(text):
        return True
    if _after_a_condition(text, clause_start):
        return True
    if _PURPOSE.search(clause) or (not modal and _MODAL.search(clause)):
        return True
    words = clause.split()
    if words and (_NEGATION.fullmatch(words[0]) or _NEGATION.search(" ".join(words[-5:]))):
        return True
    if _RELATIVE.search(clause):
        return True
    return about_us and _OTHERS.search(clause) is not None


def _after_a_condition(text: str, clause_start: int) -> bool:
    """Whether the clause just before is a condition, as one opening the sentence is: "and should
    it fall short, it must improve"."""
    if clause_start <= 1:
        return False
    end = clause_start - 1  # the break itself
    earlier = [match.end() for match in CLAUSE_BREAK.finditer(text, max(0, end - _CLAUSE_REACH), end)]
    previous = text[earlier[-1] if earlier else max(0, end - _CLAUSE_REACH) : end]
    return _CONDITION_OPENS.search(previous) is not None


def inside_quotation(text: str, start: int) -> bool:
    """Whether `start` is inside quotation marks: words someone else said, or the Code's own.

    A mark that opens the sentence and is not closed in it opens a passage quoted whole, such as
    a board's published statement, whose sentences are read as they stand."""
    before = text[:start]
    opening = text.lstrip()[:1]
    if opening == "“" and "”" not in text:
        return False
    if opening == '"' and text.count('"') == 1:
        return False
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


# Words one of which a sentence about another service holds, looked for with `in` first.
_OTHER_SERVICE_WORDS = (
    "repair",
    "anti",
    "asb",
    "damp",
    "decent",
    "rent ",
    "void",
    "call",
    "gas ",
    "tenancy",
    "indicator",
    "kpi",
    "rag ",
    "measures",
)


def about_another_service(text: str, lowered: str) -> bool:
    """A sentence about repairs or another service that says nothing of complaints (`lowered` is
    the text casefolded)."""
    if not any(word in lowered for word in _OTHER_SERVICE_WORDS):
        return False
    return _OTHER_SERVICE.search(text) is not None and _ABOUT_COMPLAINTS.search(text) is None
