"""Which sentences of commentary state a time limit, or a date for a deliverable.

A limit is read clause by clause, as a person reads it: each duration belongs to the clause that
holds it, whose verb says what it is the time for (acknowledge, respond, extend), whose subject
says whose time it is (the landlord's to answer, or the resident's to ask), and whose tense says
whether it is a rule or a result.

- **Which limit.** A limit is named by its keywords (`stage 1` and `respon` for stage1-response),
  each matching the start of a word, with the other ways people say the same thing: "reply",
  "decision" and "investigate" are responses; "stage one", "level 1" and "first stage" are
  stage 1; "review", "appeal" and "escalation" are stage 2; "a further 10 days" is an extension.
  A clause that names the act but not the stage takes the stage its sentence names, or the one
  the provision's own limits share, or else the first stage ("we acknowledge complaints within
  5 working days"). Inside a provision that sets limit K, a clause that names no act of another
  limit states K. A clause that names a stage but no act takes the act of the clause before it
  ("respond to stage one complaints within 10 working days and stage two within 20"), or with
  no act before it, a stage's target is its response ("20 working day target applies to Stage 2
  complaints"), as is a stage's time given in brackets after it ("Stage 1 (10 working days)"); and
  a sentence that applies its limit to "all stages" states it for each.
- **Whose time.** The resident's own time (to complain, to ask for stage 2, to reply) is never the
  landlord's: a clause whose subject is the resident asking, telling or escalating, or whose clock
  runs from our response, states only a limit the code sets as a minimum (the time a resident has
  to complain, an at-least limit).
- **A rule, not a result.** A clause that reports performance ("87% within 10 working days",
  "took 12 days on average") states no limit; one that sets an average as the target ("within 15
  working days on average", "we answer within 15 working days on average") is read, and marked
  as an average, since the Code sets a limit for every complaint; only an average in the past
  ("was", "took", a year) is a result.
- **Restraint.** A duration that is time left or an interval ("due a response within two days",
  "every two weeks") is no limit, and where one duration could be two limits, nothing is read.
  So is a response time given with its extension ("within 40 working days where an extension is
  agreed"), and an acknowledgement named only by assessing that is longer than the code's
  ("assessed within 15 working days" may be the whole investigation): an error must be right.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from selfassess.literals import lowered_for_words, may_match, needed_words
from selfassess.timelimits.deadlines import StatedDate, find_stated_dates
from selfassess.timelimits.durations import Duration, FoundDuration, Unit, find_durations, names_a_unit

# Ways of naming a stage, made into the form codes use in their keywords ("stage 1").
_STAGE_FORMS = (
    (
        re.compile(r"\bstage\s*(?:one|i)\b|\bfirst stage\b|\blevel\s*(?:1|one)\b|\binitial stage\b", re.I),
        "stage 1",
    ),
    (
        re.compile(
            r"\bstage\s*(?:two|ii)\b|\bsecond stage\b|\bfinal stage\b|\blevel\s*(?:2|two)\b|\breviews?\b|"
            # Not "appeal": some landlords' appeal is a third stage, outside the Code's two.
            r"\bescalat\w*|\bfinal response\b",
            re.I,
        ),
        "stage 2",
    ),
)
_STAGE = re.compile(r"\bstage (\d)\b", re.I)
# A window counted from when the resident knew: "of becoming aware", "after the complainant is aware".
_AWARE_FORM = re.compile(
    r"\b(?:after|since|of) (?:\w+ ){0,3}(?:is|was|were|are|became|becomes|becoming|being|first) "
    r"(?:made )?aware\b",
    re.I,
)
# Other words for the acts limits are for, made into the stems codes use in their keywords.
_ACT_FORMS = (
    (
        re.compile(
            r"\b(?:repl(?:y|ies|ied)|answer\w*|decisions?|outcomes?|resolv\w*|investigat\w*|"
            r"turn\w* (?:\w+ )?around|deal with|dealt with|get back to you|findings|close[sd]?|"
            # "the maximum duration of a stage 1 complaint"; never an extension's duration
            r"(?<!extension )duration(?! of (?:the |an? |any )?(?:\w+ ){0,2}?extension)|"
            r"complet\w* (?:\w+ ){0,2}(?:reviews?|investigations?|complaints?))\b",
            re.I,
        ),
        "respon",
    ),
    (
        re.compile(
            r"\b(?:log(?:s|ged)?|contact (?:you|the person)|call you|let you know (?:we|that we)"
            r"(?:['’]ve| have) received|confirm(?:ing)? (?:receipt|we have received))\b",
            re.I,
        ),
        "acknowledg",
    ),
    # Deciding whether to accept a complaint is part of acknowledging it, in the Code's five
    # working days: "assess the complaint", "let you know if we have accepted your request". (Read
    # only within the acknowledgement's limit: see _ASSESSING.)
    (
        re.compile(
            r"\b(?:assess(?:es|ed|ing)?|(?:let you know|tell you|confirm)\b[^,;.]{0,40}?\b(?:if|whether) "
            r"(?:we|we['’]ve|we have) (?:have )?accepted)\b",
            re.I,
        ),
        "acknowledg",
    ),
    # What happened too long ago to complain of: "occurred over six months ago", "6 months or more
    # has passed", "within the last 12 months": the window a resident has to complain.
    (
        re.compile(
            r"\b(?:ago|(?:has|have) passed|since (?:the|knowing|becoming|you became)|(?:within|in) the "
            r"(?:last|past) \w+ (?:months|years)|(?:occurred|happened|took place|arose) (?:within|over|more "
            r"than|longer than|outside))\b",
            re.I,
        ),
        # The window is months in the Code's words; a landlord's own may be days ("more than 90
        # calendar days after the complainant is aware"), read by the same forms.
        "complain months",
    ),
    # Awareness, after the duration: "more than 90 calendar days after the complainant is aware".
    (_AWARE_FORM, "complain months"),
)
# The forms of a window, whose duration is introduced by words no other limit uses.
_WINDOW_AROUND = re.compile(
    r"(?:\b(?:over|more than|longer than|in the region of|(?:within|in) the (?:last|past))\s*$)", re.I
)
_OUTSIDE = re.compile(r"\boutside(?: of)?\s*(?:the\s*)?$", re.I)
_WINDOW_AFTER = re.compile(r"^\s*(?:or more |or longer )?(?:ago|(?:has|have) passed|since)\b", re.I)
# Just before or after a duration, the words that make it extra time: "a further 10 days".
_EXTRA_BEFORE = re.compile(
    r"(?:\bfurther|\badditional|\bextra|\bextend\w*(?: \w+)?|\bextend\w*\b[^,;.]{0,40}?\bby"
    r"|\bextension (?:of|by))(?: up to| no more than| not more than| a maximum of| no longer than)?"
    r"\s*(?:\(|an? |the )?$",
    re.I,
)
_EXTRA_AFTER = re.compile(r"^\s*(?:extension|extra)\b", re.I)
_EXTRA_IN = re.compile(r"\b(?:additional|further|extra|more)\b", re.I)

# The words just before a duration that make it a limit: "within 10 working days", "a maximum of",
# "up to", "no more than", "at least", "the target is", "Stage 1: 10 working days", "by".
_INTRODUCED = re.compile(
    r"(?:\b(?:within|in|of|to|than|exceed(?:ing|s)?|maximum|most|least|minimum|after|under|is|are|be"
    r"|was|were|have|has|gives?|allows?|sets?|by|further|additional|extra|take|takes)|[:–-])\s*"
    r"(?:\(|the |a |an |up to |maximum of |a maximum of |further |additional |another |the following "
    r"|the next )?$",
    re.IGNORECASE,
)
# Or straight after it: "a 10 working day target", "our 12-month window".
_AS_ADJECTIVE = re.compile(
    r"^\s*(?:targets?|timescales?|time ?limits?|time ?frames?|deadlines?|window|period|turnaround"
    r"|standard|extension|response)\b",
    re.IGNORECASE,
)
# In the clause before it, words that make it time left or time taken, not the time allowed.
_NOT_A_LIMIT_BEFORE = re.compile(
    r"\b(?:due|remaining|left|nearing|approaching|overdue|took|taken|taking|every|each|if|unless|"
    r"outside)\b|\b(?:about|around|approximately|roughly|some)\s+$|\b(?:over|during|in|for)\s+the\s+"
    r"(?:(?:recent|last|past|previous|first|coming)\s+)?$|\bover\s+the\s+$",
    re.IGNORECASE,
)
# A complaint taken on only if it is brought within a time: "we will only be able to look at a
# complaint if told about it within 6 months of the event", the window a resident has.
_ONLY_IF_TOLD = re.compile(
    r"\b(?:look at|consider|investigate|accept|deal with)\b[^.;]{0,40}?\bcomplaints?\b[^.;]{0,20}?\bif\b"
    r"[^.;]{0,40}?\bwithin\s*$",
    re.IGNORECASE,
)
# In its clause, signs that it reports what happened: "87%", "responded to within", "took".
_PERFORMANCE = re.compile(
    r"%|\bper ?cent\b|\b\d+ (?:out )?of \d+\b|\b(?:were|was|had been|have been) (?:\w+ )?(?:responded|"
    r"acknowledged|answered|closed|resolved|dealt|sent|issued|completed)\b|\btook\b|\bimproved\b",
    re.IGNORECASE,
)
_AVERAGE = re.compile(r"\b(?:on average|average|averaged|mean|median)\b", re.IGNORECASE)
# After a duration, the event the clock starts from: "of the complaint being acknowledged".
_CLOCK_START = re.compile(r"^\s*(?:of|from|after|following)\b[^,;.]*", re.IGNORECASE)
_AWARE = re.compile(r"\s*(?:after|since|of)\s+(?:\w+\s+){0,3}?(?:\w+\s+)?(?:made\s+)?aware\b", re.I)
# The clock runs from our answer: then it is the resident's time to come back.
_FROM_OUR_ANSWER = re.compile(
    r"(?:^|\b)\s*(?:of|from|after|following)\s+(?:the date (?:of|on) )?(?:our|the|your|receiving (?:our|the|"
    r"a|your)|you receive|you have received|receipt of (?:our|the|your))\s+(?:\w+\s+){0,3}?(?:response|"
    r"reply|decision|letter|outcome|resolution)\b",
    re.IGNORECASE,
)
# Whose time: the resident asking, telling, coming back; or the landlord answering.
_RESIDENT = re.compile(
    r"\b(?:you|residents?|tenants?|complainants?|customers?|leaseholders?|they|the person)\s+(?:will\s+)?"
    r"(?:then\s+)?(?:need to|needs to|must|should|have to|has to|can|may|are able to|is able to|have|"
    r"has|get|are entitled to)\s+(?:[\w’']+\s+){0,6}?(?:ask|request|contact us|tell|let us know|write|"
    r"go back|escalate|appeal|complain|make|raise|submit|return|come back|get in touch|start|lodge|"
    r"bring|refer|reply|respond|challenge|notify|inform|contact)\b"
    r"|\bplease (?:contact|tell|let us know|write|ask|get in touch|call|email)\b",
    re.IGNORECASE,
)
_ASKED_BY_RESIDENT = re.compile(
    r"\b(?:requests?|appeals?|escalations?|complaints?)\b[^,;]{0,30}?\b(?:must|should|need to|has to|"
    r"have to|can|may)\s+be\s+(?:made|received|submitted|lodged|raised|requested|brought)\b",
    re.IGNORECASE,
)
_LANDLORD = re.compile(
    r"\b(?:we|we['’]ll|our|us|the council|the landlord|the association|officers?|managers?|director|"
    r"investigator)\b(?:\s+[\w’']+){0,3}?\s+(?:will|shall|aim|must|should|endeavour|try|undertake|"
    r"commit|target|respond|acknowledge|reply|contact|provide|send|issue|write|investigate|decide)\b"
    r"|\byou (?:will|should|can expect to|would) (?:\w+ )?(?:receive|get|hear|be sent|be given)\b"
    r"|\b(?:will|should|must|to) be (?:acknowledged|responded|answered|sent|provided|issued|"
    r"investigated|resolved|dealt with|logged|completed|extended|closed|turned around)\b",
    re.IGNORECASE,
)
# An average that was achieved, not one aimed at: "took", "was", "in 2023-24".
# "Assessed within 15 working days" may be the acknowledgement or the whole investigation: read
# as an acknowledgement only when no longer than the code's, so that it never makes an error.
_ASSESSING = re.compile(r"\bassess(?:es|ed|ing)?\b", re.IGNORECASE)
# A clause about moving a complaint on names its own act, even with no limit's words: "and can be
# escalated to stage 2 within 20 working days" borrows no verb from the clause before.
_MOVING_ON = re.compile(r"\b(?:escalat\w*|request\w*|ask\w*|appeal\w*|refer\w*|move[sd]?|pass\w*)\b", re.I)
_ACHIEVED = re.compile(
    r"\b(?:was|were|took|averaged|achieved|had|did|last year|(?:19|20)\d\d)\b", re.IGNORECASE
)
_ALL_STAGES = re.compile(
    r"\b(?:(?:all|each|every|both)\s+(?:of\s+the\s+|our\s+)?stages|(?:each|every)\s+stage)\b",
    re.IGNORECASE,
)
_EXTENDING = re.compile(r"\b(?:exten\w*|extend\w*)", re.IGNORECASE)
# A stage with its time in brackets straight after it: "Stage 1 (10 working days)".
_STAGE_IN_BRACKETS = re.compile(
    r"\b(stage\s*(?:\d|one|two|i{1,2})|first stage|second stage)\s*\(\s*$", re.IGNORECASE
)
# A stage's target or timescale with no act named is its time to respond, the act every stage is
# for: "20 working day target applies to Stage 2 complaints" (an acknowledgement is always named).
_STAGE_TARGET = re.compile(r"\b(?:target|timescale|time ?frame|time limit)s?\b", re.IGNORECASE)
_TARGET_WORDS = re.compile(r"\b(?:target|aim|aims|will|should|must|standard|expect)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()–]|\s-\s|\b(?:and|but|while|whereas)\b", re.IGNORECASE)
_DELIVERABLE_VERB = re.compile(
    r"\b(?:publish|submit|approv|report|present|sign(?:ed|s)? off|send|sent|issu)", re.IGNORECASE
)


#: How many sentences a reader remembers before it starts afresh.
_REMEMBERED = 65_536


@dataclass(frozen=True, slots=True)
class StatedLimit:
    key: str
    found: FoundDuration
    average: bool = False  # stated as a target on average ("within 15 working days on average")


@dataclass(frozen=True)
class _Limit:
    """One of the code's limits as the reader looks for it."""

    key: str
    stage: str | None  # the keyword naming its stage ("stage 1"), if one does
    acts: tuple[re.Pattern[str], ...]  # its other keywords, as patterns
    window: bool  # a minimum (at-least): the other party's time, such as a resident's to complain
    needs: tuple[tuple[str, ...] | None, ...] = ()  # the words each of `acts` cannot match without

    @property
    def words(self) -> frozenset[str]:
        return frozenset(p.pattern for p in self.acts) | ({self.stage} if self.stage else set())

    def names_act(self, text: str) -> bool:
        if not self.acts:
            return False
        plain = lowered_for_words(text)
        return all(may_match(needs, plain) for needs in self.needs) and all(
            pattern.search(text) for pattern in self.acts
        )

    def acts_alike(self, other: _Limit) -> bool:
        """The same act at another stage: stage 2's response is stage 1's response, later."""
        return {p.pattern for p in self.acts} == {p.pattern for p in other.acts}


def _keyword(keyword: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(keyword.strip()).replace(r"\ ", r"\s+"), re.IGNORECASE)


_FORM_NEEDS = tuple(needed_words(pattern) for pattern, _ in (*_STAGE_FORMS, *_ACT_FORMS))


@lru_cache(maxsize=1024)  # a sentence's clauses are normalised again for each duration in it
def _normalised(text: str) -> str:
    """The text with other ways of naming stages and acts added in the codes' own words."""
    extra: list[str] = []
    lowered = text.lower()
    plain = lowered_for_words(text)
    for (pattern, form), needs in zip((*_STAGE_FORMS, *_ACT_FORMS), _FORM_NEEDS, strict=True):
        if pattern is _AWARE_FORM and "aware" not in lowered:
            continue  # a substring test first: the pattern is slow to fail, and "of" is everywhere
        if may_match(needs, plain) and pattern.search(text):
            extra.append(form)
    return text + (" | " + " ".join(extra) if extra else "")


def _stages(text: str) -> set[str]:
    return {f"stage {number}" for number in _STAGE.findall(text)}


class LimitReader:
    """Reads sentences for the time limits of one code (its keywords compiled once)."""

    def __init__(
        self,
        keywords: Mapping[str, Sequence[str]],
        windows: Collection[str] = (),
        lengths: Mapping[str, Duration] | None = None,
    ) -> None:
        """`keywords` by limit key; `windows` the keys that are minimums (at-least limits);
        `lengths` the code's limits, so that a clause naming its act but no stage is read only
        where every stage would read it alike."""
        self._limits: list[_Limit] = []
        self._lengths = dict(lengths or {})
        # What each sentence states, remembered: forms repeat sentences year on year, and the
        # workspace reads the same commentary again at every keystroke.
        self._read: dict[tuple[str, tuple[str, ...]], list[StatedLimit]] = {}
        for key, words in keywords.items():
            stage = next((word for word in words if _STAGE.fullmatch(word.strip())), None)
            acts = tuple(_keyword(word) for word in words if word != stage)
            if acts or stage:
                needs = tuple(needed_words(act) for act in acts)
                self._limits.append(_Limit(key, stage, acts, key in windows, needs))

    def _stage_of(self, key: str) -> str | None:
        return next((limit.stage for limit in self._limits if limit.key == key), None)

    def _alike(self, acting: Sequence[_Limit], duration: Duration) -> bool:
        """Whether a duration is within every limit a stage-less clause could mean, so that it
        matters not which: 10 working days to respond is within either stage's limit; 20 is not
        within stage 1's, and is left unread rather than guessed at."""
        lengths = [self._lengths[limit.key] for limit in acting if limit.key in self._lengths]
        return bool(lengths) and all(_rough_days(duration) <= _rough_days(length) for length in lengths)

    def _candidates(
        self, clause: str, sentence: str, own: Collection[str], resident: bool, found: FoundDuration, at: int
    ) -> list[_Limit]:
        text = _normalised(clause)
        stages = _stages(text)
        # A window (the time a resident has to complain) runs from the issue, before any stage: a
        # time that runs from our answer, or belongs to a later stage, is the time to escalate.
        windows = not stages and not _FROM_OUR_ANSWER.search(sentence)
        usable = [
            limit
            for limit in self._limits
            if (limit.window and windows) or (not limit.window and not resident)
        ]
        named = [
            limit
            for limit in usable
            if limit.names_act(text) and (limit.stage is None or limit.stage in stages)
        ]
        if named:
            # "Urgent repairs" names the urgent limit, whose words include the plain one's.
            return [
                limit
                for limit in named
                if not any(limit.words < other.words for other in named if other is not limit)
            ]
        # The act without its stage: the sentence's stage, the provision's, or the first.
        acting = [limit for limit in usable if limit.stage is not None and limit.names_act(text)]
        if acting and not stages:
            in_sentence = _stages(_normalised(sentence))
            own_stages = {self._stage_of(key) for key in own} - {None}
            stage = (
                next(iter(in_sentence))
                if len(in_sentence) == 1
                else next(iter(own_stages))
                if len(own_stages) == 1
                else "stage 1"
                if not in_sentence
                else None
            )
            chosen = [limit for limit in acting if limit.stage == stage]
            if len(chosen) > 1:
                chosen = _nearest(chosen, clause, at, sentence, found)
            if len(chosen) == 1:
                same_act = [limit for limit in acting if limit.acts_alike(chosen[0])]
                if in_sentence or own_stages or self._alike(same_act, found.duration):
                    return chosen
        # Nothing named: the provision's own limit, where the clause names no other act.
        if not resident and len(own) == 1:
            key = next(iter(own))
            if not any(limit.key != key and limit.acts and limit.names_act(text) for limit in usable):
                return [limit for limit in usable if limit.key == key]
        return []

    def _with_its_extension(self, key: str, clause: str, duration: Duration) -> bool:
        """Whether a response time longer than the code's is its total with the extension ("within
        40 working days where an extension is agreed"), which is neither limit alone."""
        response = self._lengths.get(key)
        extension = self._lengths.get(key.replace("-response", "-extension"))
        if not key.endswith("-response") or response is None or extension is None:
            return False
        days = _rough_days(duration)
        return _EXTENDING.search(clause) is not None and _rough_days(response) < days <= _rough_days(
            response
        ) + _rough_days(extension)

    def _only_assessing(self, limit: _Limit, clause: str, duration: Duration) -> bool:
        """Whether an acknowledgement is named only by assessing, and is longer than the code's."""
        if not limit.key.endswith("acknowledge") or not _ASSESSING.search(clause):
            return False
        if re.search(r"acknowledg", clause, re.I) or _ACT_FORMS[1][0].search(clause):
            return False  # named in other words too: "logged, assessed and acknowledged within"
        length = self._lengths.get(limit.key)
        return length is None or _rough_days(duration) > _rough_days(length)

    def _last_act(self, text: str) -> str | None:
        """The word for the act named last in `text` ("respond"), in the code's own stem."""
        spots = [
            (match.start(), match.group())
            for limit in self._limits
            if limit.stage is not None
            for pattern in limit.acts
            for match in pattern.finditer(text)
        ]
        # The other words for responding and acknowledging (not the window's, which is no stage's).
        spots += [
            (match.start(), form) for pattern, form in _ACT_FORMS[:3] for match in pattern.finditer(text)
        ]
        return max(spots)[1] if spots else None

    def limits_in(self, sentence: str, own: Collection[str] = ()) -> list[StatedLimit]:
        """The limits `sentence` states; `own` are the limits the provision it answers sets."""
        if not names_a_unit(sentence.casefold()):
            return []
        asked = (sentence, tuple(own))
        known = self._read.get(asked)
        if known is None:
            if len(self._read) >= _REMEMBERED:
                self._read.clear()
            known = self._read[asked] = self._read_sentence(sentence, own)
        return known

    def _read_sentence(self, sentence: str, own: Collection[str]) -> list[StatedLimit]:
        stated: list[StatedLimit] = []
        durations = find_durations(sentence)
        for index, found in enumerate(durations):
            if not _is_a_limit(sentence, found):
                continue
            clause, start = _clause_around(sentence, found)
            if _PERFORMANCE.search(clause):
                continue
            after = sentence[found.end :]
            clock = _CLOCK_START.match(after)
            if clock and _AWARE.match(clock.group()):
                clock = None  # "after you became aware" is what makes it the window, not a clock start
            judged = clause[: found.end - start] + clause[found.end - start + (clock.end() if clock else 0) :]
            if _extra_time(sentence, found):
                judged += " | exten"
            resident = _resident(clause, sentence, after)
            at = found.start - start
            candidates = self._candidates(judged, sentence, own, resident, found, at)
            if not candidates and len(durations) == 1:
                # A clause that names nothing ("Stage 1 complaints: 10 working days"): the sentence.
                whole = sentence[: found.end] + (after[clock.end() :] if clock else after)
                candidates = self._candidates(whole, sentence, own, resident, found, found.start)
                at = found.start
                judged = whole
            bracketed = _STAGE_IN_BRACKETS.search(sentence, 0, found.start)
            if not candidates and bracketed and not _AVERAGE.search(clause):
                # A stage with its time in brackets, as a heading gives it: "a stage 2 (20 working
                # days)" is that stage's time to respond.
                candidates = self._candidates(f"{bracketed[1]} | respon", sentence, own, resident, found, at)
            if not candidates and _stages(_normalised(judged)) and not _MOVING_ON.search(judged):
                # A stage without its act takes the act of the clause before: "we aim to respond to
                # stage one complaints within 10 working days and stage two complaints within 20".
                act = self._last_act(sentence[:start])
                if act is None and _STAGE_TARGET.search(judged):
                    act = "respon"
                if act is not None:
                    candidates = self._candidates(f"{judged} | {act}", sentence, own, resident, found, at)
            if len(candidates) > 1:
                candidates = _nearest(candidates, judged, at, sentence, found)
            if (
                len(candidates) != 1
                or self._only_assessing(candidates[0], judged, found.duration)
                or self._with_its_extension(candidates[0].key, clause, found.duration)
            ):
                continue
            averaged = _AVERAGE.search(clause)
            average = bool(averaged) and (bool(_TARGET_WORDS.search(clause)) or not _ACHIEVED.search(clause))
            if averaged and not average:
                continue  # an average achieved is a result, not a limit
            stated.append(StatedLimit(candidates[0].key, found, average))
            upto = durations[index + 1].start if index + 1 < len(durations) else len(sentence)
            if (_ALL_STAGES.search(clause) or _ALL_STAGES.search(sentence, found.end, upto)) and not _stages(
                _normalised(clause)
            ):
                # "this applies to all stages of the procedure": the same act at every stage.
                stated += [
                    StatedLimit(limit.key, found, average)
                    for limit in self._limits
                    if limit is not candidates[0] and limit.stage and limit.acts_alike(candidates[0])
                ]
        by_key: dict[str, set[object]] = {}
        for item in stated:
            by_key.setdefault(item.key, set()).add(item.found.duration)
        # Two different durations for one limit in one sentence: not one statement.
        return [item for item in stated if len(by_key[item.key]) == 1]


_WORKING_DAYS_IN = {
    Unit.WORKING_DAYS: 1.0,
    Unit.DAYS: 5 / 7,
    Unit.WEEKS: 5.0,
    Unit.MONTHS: 21.0,
    Unit.YEARS: 252.0,
}


def _rough_days(duration: Duration) -> float:
    """A duration as working days, near enough to compare lengths of different units."""
    return duration.count * _WORKING_DAYS_IN[duration.unit]


def _extra_time(sentence: str, found: FoundDuration) -> bool:
    before = sentence[max(0, found.start - 80) : found.start]
    return bool(
        _EXTRA_BEFORE.search(before)
        or _EXTRA_AFTER.match(sentence[found.end :])
        or _EXTRA_IN.search(found.text)
    )


def _nearest(
    candidates: list[_Limit], clause: str, at: int, sentence: str, found: FoundDuration
) -> list[_Limit]:
    """Of several limits a clause names, the one this duration is for: extra time is an extension;
    otherwise the limit whose words stand nearest the duration, if one is nearest."""
    extensions = [limit for limit in candidates if any(p.pattern.endswith("exten") for p in limit.acts)]
    if _extra_time(sentence, found) and len(extensions) == 1:
        return extensions
    others = [limit for limit in candidates if limit not in extensions]
    if len(others) == 1:
        return others

    def distance(limit: _Limit) -> int:
        spots = [m.start() for p in limit.acts for m in p.finditer(clause)]
        for pattern, form in _ACT_FORMS:
            if any(p.pattern.endswith(form) for p in limit.acts):
                spots += [m.start() for m in pattern.finditer(clause)]
        return min((abs(spot - at) for spot in spots), default=10_000)

    ranked = sorted(others, key=distance)
    if len(ranked) > 1 and distance(ranked[0]) < distance(ranked[1]):
        return ranked[:1]
    return ranked


def _resident(clause: str, sentence: str, after: str) -> bool:
    """Whether the duration is the resident's own time rather than the landlord's."""
    if _LANDLORD.search(clause):
        return False
    if _FROM_OUR_ANSWER.match(after.lstrip()) or _ASKED_BY_RESIDENT.search(clause):
        return True
    return bool(_RESIDENT.search(sentence)) and not _LANDLORD.search(sentence)


def _clause_around(sentence: str, found: FoundDuration) -> tuple[str, int]:
    """The clause holding a duration, and where it starts in the sentence."""
    breaks = list(_CLAUSE_BREAK.finditer(sentence))
    start = max((m.end() for m in breaks if m.end() <= found.start), default=0)
    end = min((m.start() for m in breaks if m.start() >= found.end), default=len(sentence))
    return sentence[start:end], start


def _is_a_limit(sentence: str, found: FoundDuration) -> bool:
    before = sentence[: found.start]
    if _WINDOW_AROUND.search(before[-30:]) or _WINDOW_AFTER.match(sentence[found.end :]):
        return True  # "occurred over six months ago", even in a condition: the window's usual form
    if found.duration.unit in (Unit.MONTHS, Unit.YEARS) and (
        _OUTSIDE.search(before[-20:]) or _ONLY_IF_TOLD.search(before[-120:])
    ):
        # "investigate outside of 12 months": a window; never "outside 10 working days". So is
        # the condition a complaint is taken on: "only look at a complaint if told about it within".
        return True
    clause = before[max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0) :]
    if _NOT_A_LIMIT_BEFORE.search(clause):
        return False
    return bool(
        _INTRODUCED.search(before[-40:])
        or _AS_ADJECTIVE.match(sentence[found.end :])
        or _STAGE_IN_BRACKETS.search(before[-30:])
    )


def deliverable_dates(sentence: str, default_year: int) -> list[StatedDate]:
    """Dates a sentence gives for when something will be published, submitted, approved or reported."""
    if not _DELIVERABLE_VERB.search(sentence):
        return []
    return find_stated_dates(sentence, default_year)
