"""The words that admit a shortfall, in families: work still to do, a plan for what should exist,
a hedge over how often, an open statement of the gap, and figures (read in `figures.py`).

Each cue is a pattern built from classes of words (verbs of needing, of making, of improving;
quantifiers; the things a landlord must have) rather than a whole phrase, so that it meets the
other ways people say the same thing. A cue names the family it belongs to, an example it must
catch, and the words around it that excuse it. The scope rules that apply to every cue (a
condition, a purpose, a negation, a quotation, someone else as the subject) are in `scope.py`.

Patterns are matched case-insensitively against a sentence's words; "<not>" stands for " not" or
"n't". `needs` are words (or the starts of words) one of which a sentence must hold before the
pattern is tried, because a substring test costs a small fraction of a regular expression and most
sentences admit nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Family(StrEnum):
    REMAINING_WORK = "remaining-work"
    PLAN = "plan"
    HEDGE = "hedge"
    EXPLICIT = "explicit"
    FIGURES = "figures"


@dataclass(frozen=True)
class Cue:
    family: Family
    needs: tuple[str, ...]
    pattern: str
    example: str
    not_before: str = ""  # excuses a match when it matches the words just before it
    not_after: str = ""  # ... or the words just after it
    about_us: bool = False  # the landlord must be the one unable, failing or missing
    modal: bool = False  # the cue is itself modal ("could do better"): a modal does not excuse it


# Verbs and nouns reused below.
_BE = r"(?:is|are|was|were|be|been|being|remains?|remained)"
_LIMIT = r"(?:targets?|timescales?|time ?limits?|time ?frames?|deadlines?|standards?)"
_LIMIT_WORDS = ("target", "timescale", "limit", "frame", "deadline", "standard")
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
# What a landlord makes or changes to comply: a policy is revised, a system set up, staff trained.
_MAKE = (
    r"(?:revised|updated|amended|changed|introduced|developed|established|created|drafted|written|"
    r"rewritten|set up|rolled out|implemented|picked up|covered|addressed|added|included|adopted|"
    r"aligned|brought in|brought into line|put in place|in place|reviewed and (?:updated|revised)|launched|"
    r"recruited|appointed|trained|embedded|refreshed|redesigned|procured|installed|configured|"
    r"produced|extended|expanded|"
    r"centralised|condensed|clarified|strengthened|formalised|reintroduced)"
)
# The things such work is done to: the landlord's own documents, systems, people and practices.
_THING = (
    r"(?:polic(?:y|ies)|procedures?|process(?:es)?|systems?|website|web ?pages?|forms?|"
    r"leaflets?|guidance|training|structure|team|staff|officers?|code|definition|self-assessment|"
    r"framework|templates?|letters?|scripts?|records?|recording|data|reporting|reports?|"
    r"arrangements?|approach|practice|register|log|software|crm|module|panel|role|post|"
    r"strategy|plan|documents?|information|timescales?|standards?|changes?|this|these|it|they)"
)
# Just before words about a service falling short, a key to what outcomes mean: "Upheld – the
# service did not reach the expected standard" defines a word, and admits nothing.
_DEFINING_AN_OUTCOME = r"\b(?:upheld|maladministration|service failure)\s*(?:[–—:=-]|means)[^.;]*$"
CUES: tuple[Cue, ...] = (
    # --- Explicit: the gap stated openly --------------------------------------------------
    # "was below target", "has been well below target"; in notes, "Stage 2: below target".
    Cue(
        Family.EXPLICIT,
        ("target", "standard"),
        rf"(?:\b(?:{_BE}|fell|fallen|falls?|running|performing|performed)(?: {_WORD}){{0,2}}? |^|: )"
        rf"(?:(?:well|far|significantly|considerably|slightly|just) )?"
        rf"(?P<say>(?:below|under|short of) (?:our |the |its )?(?:[\w%-]+ ){{0,3}}?"
        r"(?:targets?|standards?))\b",
        "We know that our performance in this area was below target.",
        # A target that is a ceiling (complaints per 1,000 homes, the escalation rate): below it is good.
        not_before=r"\b(?:per (?:1,?000|thousand|100|hundred)|escalat\w*|upheld|maladministration|"
        r"numbers? of complaints|complaints received|volumes?|rates?)\b[^.;]*$",
    ),
    Cue(
        Family.EXPLICIT,
        ("target", "track"),
        r"\b(?:off|not on) (?:target|track)\b",
        "Stage 2 response times are off target this year.",
        # A key to colours ("Red (off track)", "an on track / off track status") admits nothing.
        not_before=r"(?:on (?:target|track)\s*/\s*|\b(?:red|amber|rated \w+)\s*\(\s*)$",
    ),
    Cue(
        Family.EXPLICIT,
        ("short",),
        r"\bf(?:ell|alls?|allen|alling) short\b|\bshortfalls?\b|\bshortcomings?\b",
        "Our acknowledgement times fell short of the Code in 2023/24.",
    ),
    Cue(
        Family.EXPLICIT,
        _LIMIT_WORDS,
        rf"\b(?:did|do|does|have|has|had|could|were|was)<not> (?:always |consistently |yet )?"
        rf"(?:been )?(?:meet|met|achieve|achieved|hit|reach|reached) (?:the |our |its |this |these "
        rf"|all |every |their )?(?:[\w%-]+ ){{0,3}}?{_LIMIT}\b",
        "We did not meet our target for stage 1 responses in Q3.",
        # What "upheld" means, in a key to outcomes: "Upheld - the service did not meet the standard".
        not_before=_DEFINING_AN_OUTCOME,
    ),
    Cue(
        Family.EXPLICIT,
        _LIMIT_WORDS,
        rf"\b{_LIMIT} (?:is|are|was|were|has|have|had)<not> (?:always |consistently |yet )?"
        rf"(?:been )?(?:met|achieved)\b",
        "Our target response time has not always been met.",
    ),
    Cue(
        Family.EXPLICIT,
        ("miss",),
        rf"\b(?:have|has|had|we|they) (?:{_WORD} )?(?P<say>miss(?:ed|es)? (?:(?:the|our|its|a|some|several|"
        rf"many|a number of) )?(?:[\w%-]+ ){{0,4}}?{_LIMIT})\b",
        "We have missed the 10 working day target on a number of complaints.",
    ),
    Cue(
        Family.EXPLICIT,
        ("missed",),
        rf"\b{_LIMIT} (?:(?:is|are|was|were|have|has|had) )?(?:been |being )?missed\b",
        "Some deadlines were missed during the system migration.",
    ),
    Cue(
        Family.EXPLICIT,
        ("outside", "beyond", "exceed", "over"),
        rf"\b(?:is|are|was|were|been|closed|answered|responded to|sent|issued)(?: {_WORD})? "
        rf"(?:outside|beyond|over) (?:of )?(?:the |our |its )?(?:[\w%-]+ ){{0,3}}?{_LIMIT}\b"
        rf"|\b(?:cases|complaints|responses) (?:\w+ )?(?:outside|beyond|over) (?:the |our )?"
        rf"(?:[\w%-]+ ){{0,2}}?{_LIMIT}\b|\bexceeded (?:the |our |its )?(?:[\w%-]+ ){{0,3}}?{_LIMIT}\b",
        "A fifth of stage 2 responses were issued outside the timescale.",
    ),
    # "late", but not "late 2023" or "later".
    Cue(
        Family.EXPLICIT,
        ("late", "overdue"),
        rf"\b(?:is|are|was|were|been|being)(?: {_WORD}){{0,2}} late\b(?! (?:\d|spring|summer|autumn|"
        r"winter|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|\b(?:were|are|remain|remained)"
        r" overdue\b",
        "Several stage 1 responses were late.",
    ),
    Cue(
        Family.EXPLICIT,
        ("consistently",),
        r"\b(?:did|do|does|have|has|had)<not> consistently (?!and\b|or\b)\w+|\bnot consistently\b",
        "We did not consistently achieve this from Autumn 2023.",
    ),
    Cue(
        Family.EXPLICIT,
        ("consisten",),
        r"\binconsisten(?:t|tly|cy|cies)\b|\b(?:is|are|was|were)<not> consistent\b",
        "In 2023/24 the timeliness of our acknowledgements was inconsistent.",
        # Checking for inconsistency is a procedure; finding it ("we identified") is an admission.
        not_before=r"\b(?:for|identify|identifies|check|checks|spot|spots|highlight|highlights|"
        r"address|addresses|reduce|reduces|remove|removes|resolve|resolves|avoid|ensure|encourage)"
        r"(?: \w+)?\s*$",
    ),
    Cue(
        Family.EXPLICIT,
        ("always",),
        r"\b(?:is|are|was|were|has|have|had|do|does|did)<not> always (?:been )?(?:met|meet|"
        r"achieved?|kept|keep|followed|follow|recorded|record|logged|acknowledged|updated|update|"
        r"informed|consistent|timely|on time|within|able|possible to (?:meet|respond|achieve)|"
        r"provided|provide|sent|issued|responded|respond|completed|offered|included|identified|"
        r"escalated|clear to residents|told|replied|answered|captured|clear|easy|accessible|the case)\b",
        "Residents are not always kept informed when their complaint is delayed.",
    ),
    Cue(
        Family.EXPLICIT,
        ("currently",),
        r"\b(?:cannot|can not|can['’]t) currently\b|\bcurrently (?:cannot|can not|can['’]t)\b",
        "Due to meetings schedules we cannot currently approve and publish this by 30 June.",
        about_us=True,
    ),
    Cue(
        Family.EXPLICIT,
        ("able to", "only provide"),
        r"\b(?:am|is|are|was|were|ha(?:ve|s|d) been)(?: currently| still)? unable to\b"
        r"|\b(?:am|is|are|was|were)<not> (?:currently |yet |always )?able to\b"
        r"|\bha(?:ve|s|d)<not> (?:yet |always )?been able to\b|\bcould only provide\b",
        "We are unable to record reasonable adjustments on our current system.",
        # Saying what complaints the policy excludes is a rule, not a shortfall.
        not_after=r"\s*(?:accept|consider|investigate|escalate|deal with|look into|take on|"
        r"handle|progress|comment|resolve your|uphold|agree)\b",
        about_us=True,
    ),
    Cue(
        Family.EXPLICIT,
        ("failed", "failure", "failing", "let "),
        r"\bfailed to\b|\b(?:recognise|recognised|acknowledge|acknowledged|accept|accepted|"
        r"apologise for|apologised for|sorry for|regret)\b[^.;]{0,40}?\b(?:failures?|failings?|"
        r"mistakes|errors)\b|\blet (?:\w+ ){0,4}?down\b",
        "We failed to respond to 12 stage 2 complaints within 20 working days.",
        about_us=True,
    ),
    Cue(
        Family.EXPLICIT,
        ("yet",),
        r"\b(?:(?:is|are|was|were|has|have|had)<not>|not) yet(?: (?:fully )?in place)?\b",
        "A complaints training programme for contractors is not yet in place.",
        not_after=_NO_OCCASION + r"|\s*(?:been )?(?:fully )?(?:completed|finished)\b",
    ),
    Cue(
        Family.EXPLICIT,
        ("in place",),
        r"\b(?:is|are|was|were)<not> (?:currently )?in place\b",
        "A Member Responsible for Complaints is not in place at present.",
    ),
    Cue(
        Family.EXPLICIT,
        ("yet", "still to be"),
        r"\b(?:has|have|had) yet to\b|\b(?:is|are|was|were) (?:yet|still) to be \w+",
        "We have yet to appoint a Member Responsible for Complaints.",
        not_after=_NO_OCCASION,
    ),
    Cue(
        Family.EXPLICIT,
        ("fully",),
        r"\bnot (?:yet )?fully\b",
        "Our new complaints procedure is not fully embedded across all teams.",
        not_after=r"\s*(?:resolved|satisfied|upheld|happy|accept|accepted|agree|agreed|aware|understood)\b",
    ),
    Cue(
        Family.EXPLICIT,
        ("partial",),
        r"\b(?:only )?partial(?:ly)? (?:\w+ )?(?:complian(?:t|ce)|comply|complies|met|meets?|"
        r"achieved|in place|implemented|embedded)\b|\b(?:comply|complies|complied|met|meet|meets)"
        r" (?:only )?partially\b|\bcomplian(?:ce|t)\b(?: \w+){0,4}? (?:is|was|remains|remained) (?:only )?"
        r"partial\b",
        "We partially meet this requirement.",
    ),
    Cue(
        Family.EXPLICIT,
        ("complian", "comply"),
        r"\bnot (?:yet |currently |fully |entirely )?complian(?:t|ce)\b|\bnon-?complian(?:t|ce)\b"
        r"|\b(?:do|does|did)<not> (?:yet |currently |fully )?comply\b",
        "Our stage 2 process is not currently compliant with the Code.",
    ),
    Cue(
        Family.EXPLICIT,
        ("currently", "do not", "does not", "don", "doesn", "did not", "didn"),
        r"\b(?:do|does|did)<not> (?:yet |currently |always )?(?:meet|achieve|have|hold|record|publish|"
        r"report|provide|offer|monitor|track|measure|capture|log|keep|use|collect|analyse|review|"
        r"consult)\b|\b(?:do|does|did)<not> (?:yet|currently) (?:include|cover|explain|set out|show|"
        r"state|mention|tell|give|allow|enable|support|signpost)\b",
        "We do not currently record disabilities disclosed by residents.",
        not_before=_DEFINING_AN_OUTCOME,
        # Having no third parties or no cases to count is no shortfall; "does not have to" is a rule.
        not_after=r"\s*(?:any|to\b|use of|employ|outsource|contract|commission|need|receive|get|"
        r"charge|a need|third|contractors?|an? (?:obligation|duty|requirement)|(?:a |an )?"
        r"(?:backlog|delays?|problems?|issues?|concerns?))\b",
        about_us=True,
    ),
    Cue(
        Family.EXPLICIT,
        ("not",),
        r"\b(?:is|are|was|were|has|have|had)(?: not|n['’]t) (?:yet |currently |been |always )*"
        r"(?:consulted|recorded|logged|presented|monitored|measured|captured|achieved|compliant|"
        r"available|trained|updated|reviewed|approved|signed off|reported to)\b",
        "Residents are not currently consulted on changes to the complaints policy.",
        not_after=r"\s*(?:as|under|in line|for the purposes)\b",
    ),
    Cue(
        Family.EXPLICIT,
        ("no ",),
        r"\bno (?:published |formal |agreed |clear |dedicated |designated |single |documented |"
        r"written |specific )?(?:time (?:targets?|limits?|standards?)|targets? (?:set|for)|"
        r"(?:complaints? )?polic(?:y|ies)|procedures?|member responsible|complaints? (?:officer|lead|"
        r"team|champion|manager)|training (?:has|was|is)|system (?:to|for)|record (?:of|was|is))\b",
        "There is no published time target for handling complaints.",
    ),
    Cue(
        Family.EXPLICIT,
        (
            "deteriorat",
            "declin",
            "dip",
            "drop",
            "reduction",
            "decrease",
            "fall",
            "worse",
            "challeng",
            "longer than",
        ),
        r"\b(?:deteriorat\w+|(?:a |significant |slight )?(?:dip|drop|decline|fall|reduction|"
        r"decrease) in (?:the )?(?:percentage|proportion|performance|response times?|timeliness|"
        r"compliance)|(?:got|became|has become|were|was) worse|(?:had|have|has) declined|"
        r"(?:showing|shows|showed) (?:a |some )?(?:slight |significant )?declines?)\b"
        r"|\b(?:present(?:s|ed)?|pose[sd]?|continue[sd]? to present) (?:a |an |some )?(?:\w+ )?"
        r"challenges?\b|\btakes? longer than (?:usual|normal|expected)\b",
        "Our performance on response times had deteriorated in the first quarter.",
        modal=True,
    ),
    # The service residents got, said to fall short, whoever is the subject of the sentence.
    Cue(
        Family.EXPLICIT,
        ("not", "n't", "n’t"),
        r"\b(?:have|has|had|did|do|does)<not> (?:always |consistently |yet )?(?:receive|received|get|got|"
        r"had|have|been given|been provided with|experienced?) (?:the |a |an )?(?:\w+ ){0,2}?(?:service|"
        r"standard|level of service)s?\b",
        "Some residents have not received the level of service they expect.",
        not_after=r"\s*(?:requests?|charges?)\b",
    ),
    Cue(
        Family.EXPLICIT,
        ("standard",),
        r"\bnot (?:yet |always )?(?:at|up to|of) the (?:\w+ )?standard\b",
        "Our complaint handling is not at the standard it should be.",
    ),
    Cue(
        Family.EXPLICIT,
        ("rather than", "instead of"),
        r"\b(?:rather than|instead of) (?:adopting |following |using |applying |those |the |what )"
        r"[^.;]{0,40}?\bcode\b",
        "We monitor our corporate timescales rather than those set out in the Code.",
    ),
    Cue(
        Family.EXPLICIT,
        ("behind",),
        r"\b(?:is|are|was|were|running|fallen|fell) behind (?:schedule|target|plan)\b"
        r"|\bbehind schedule\b",
        "The rollout of the new CRM is behind schedule.",
    ),
    # Delays and backlogs as things that happened or exist, not as risks to avoid.
    Cue(
        Family.EXPLICIT,
        ("delay",),
        r"\b(?:some|significant|considerable|occasional|ongoing|lengthy|long|persistent|"
        r"frequent|several|recurring|unacceptable|substantial) delays?\b"
        rf"|\bthere (?:have been|has been|were|was|are|is) (?:(?!any\b){_WORD} )?delays?\b"
        rf"|\bexperienced (?:(?!any\b){_WORD} )?delays?\b|\bdelays? (?:have|has) (?:occurred|arisen)\b",
        "There have been some delays in responding to stage 2 complaints.",
        # "...a delay in providing a service": what a resident may complain of, not what happened.
        not_after=r"\s+in providing (?:you with )?(?:a|the) service\b",
    ),
    Cue(
        Family.EXPLICIT,
        ("backlog",),
        r"\bbacklogs?\b",
        "We are working through a backlog of stage 2 complaints.",
        # A backlog being cleared is a present problem; one already cleared is not.
        not_before=r"(?:cleared|eliminated|removed|no longer have|without)(?: \w+)?\s*$",
        # "The backlog ... has now been cleared"; a note saying "Backlog: none".
        not_after=r"(?:\s+\w+){0,6}?\s+(?:has|have|was|were) (?:now |since |been |fully )*"
        r"(?:cleared|eliminated|removed|resolved)\b|\s*[:–-]\s*(?:none|nil|n/a|zero|0)\b",
    ),
    Cue(
        Family.EXPLICIT,
        ("there yet",),
        r"\bnot (?:quite |yet )?there yet\b|\b(?:is|are)<not> (?:quite )?there yet\b",
        "We are not there yet.",
    ),
    Cue(
        Family.EXPLICIT,
        ("after the", "past the", "after its", "after their"),
        r"\b(?:sent|issued|answered|responded to|closed|acknowledged|completed|provided) (?:\w+ )?(?:after|"
        r"past) (?:the |its |their )?(?:deadline|target (?:date|time)|due date|timescale|time ?limit)s?\b",
        "Two stage 2 responses were sent after the deadline.",
    ),
    # --- Remaining work: more to do before it is met --------------------------------------
    Cue(
        Family.REMAINING_WORK,
        ("outstanding",),
        r"\b(?:is|are|remains?|remained|was|were) (?:still )?outstanding\b",
        "Some actions remain outstanding.",
        # "any actions outstanding are reported": a procedure.
        not_before=r"\b(?:any|where|if|when)\b[^.;]{0,30}$",
    ),
    Cue(
        Family.REMAINING_WORK,
        (
            "work",
            "improvement",
            "improve",
            "action",
            "development",
            "way to go",
            "required",
            "needed",
            "necessary",
            "recommendation",
        ),
        r"\b(?:further|more|additional|significant|much|considerable|some) (?:work|improvements?|"
        r"action|development|progress)(?: \w+){0,3}? (?:is |are |was |were |will be |would be )?"
        r"(?:still )?(?:needed|required|necessary|planned|to (?:do|be done|be made|make))\b"
        r"|\b(?:needs?|needed|requires?|required) (?:further|more|additional) (?:work|improvement)\b"
        r"|\bstill (?:work|more|much|some way|a (?:long )?way|some work) to (?:do|be done|go)\b"
        r"|\bsome way to go\b|(?<!make )(?<!making )(?<!identify )recommendations? for (?:further )?"
        r"improvements?\b"
        r"|\b(?:a|an) (?:full |further |new |fresh |complete |thorough )?(?!response|complaint|decision|"
        r"investigation|acknowledgement|extension|reply|apology)\w+ (?:is|was|are|were) (?:still )?"
        r"(?:required|needed|necessary)\b|\bexpect (?:to see )?(?:an? |further |more )?improvements?\b",
        "Further work is needed to embed the new learning framework.",
    ),
    Cue(
        Family.REMAINING_WORK,
        ("improve", "better"),
        r"\b(?:needs?|needed|requires?|required) (?:to )?(?:be )?improv(?:e|ed|ing|ement)\b"
        r"|\bimprovements? (?:is |are |was |were )?(?:still )?(?:needed|required|necessary)\b"
        r"|\b(?:must|have to|has to|had to|need to|needs to) improve\b|\bcould do better\b"
        r"|\bareas? (?:for|of|requiring|that (?:require|required|need|needed)|needing|where we "
        r"(?:need|must)) (?:further )?improvement\b|\bneed for improvement\b"
        r"|\b(?:want|wants|need|needs|have|has) to (?:improve|do better|get better)\b",
        "Our record keeping of reasonable adjustments needs improvement.",
        modal=True,
        # What a report covers ("highlighting both successes and areas for improvement") is a
        # table of contents, not a shortfall found.
        not_before=r"\b(?:both|strengths?|successes|positives?|positive \w+|good practice|what went "
        r"well|compliments)\b(?: \w+)? (?:and|as well as)\s*$",
    ),
    Cue(
        Family.REMAINING_WORK,
        ("need",),
        r"\b(?:recognise|recognised|recognises|acknowledge|acknowledged|accept|accepted|know|knew|"
        r"identified|understand|agree|agreed)\b(?: that)?(?: there (?:is|was|remains))? (?:a |the )?"
        r"(?:clear |further |real |continuing |urgent )?need (?:to|for)\b"
        r"|\bthere (?:is|was|remains|remained) (?:a |the )?(?:clear |further |real |continuing )?need "
        r"(?:to|for)\b",
        "We recognise the need to improve our response times.",
    ),
    Cue(
        Family.REMAINING_WORK,
        ("need", "require"),
        rf"\b{_THING} (?:(?!that\b|which\b|who\b)\w+ ){{0,3}}?(?:needs?|needed|requires?|required) "
        r"(?:to be (?:\w+ed|made)|"
        r"updating|condensing|reviewing|revising|changing|clarifying|rewriting|improving|amending|"
        r"simplifying|strengthening|refreshing)\b",
        "The procedure document needs condensing and made easier to understand.",
    ),
    Cue(
        Family.REMAINING_WORK,
        ("room",),
        r"\broom for improvement\b",
        "There is room for improvement in how we record outcomes.",
        not_before=r"\b(?:always|there(?:['’]s| is) always)\b[^.]{0,12}$",
    ),
    Cue(
        Family.REMAINING_WORK,
        ("to do", "to be done"),
        r"\b(?:have|has|had|is|are|remains?|there(?:['’]s| is)) (?:still )?(?:(?:some|more|much|further|"
        r"a lot of|lots of) )?work (?:still )?to (?:do|be done)\b",
        "We still have work to do on record keeping.",
    ),
    Cue(
        Family.REMAINING_WORK,
        ("concern",),
        r"\b(?:an? |the )?(?:area|cause|source) (?:of|for) concern\b|\b(?:remains?|remained|has been|"
        r"have been|is|was) a (?:\w+ )?concern\b",
        "Response times have been an area of concern.",
        # Someone else's concern, or any concern a resident may raise, is not ours admitted.
        not_before=r"\b(?:raise|raises|raised|report|reports|any|no|every|each|their|your|his|her|"
        r"residents?['’]?|tenants?['’]?)(?: \w+)?\s*$",
    ),
    Cue(
        Family.REMAINING_WORK,
        ("working to", "working hard to"),
        r"\b(?:are|is|we['’]re|were) (?:\w+ )?working (?:hard )?to (?:improve|address|resolve|reduce "
        r"(?:the|our) (?:\w+ )?(?:delays?|backlog)|meet|achieve|comply|bring)\b",
        "This is an area we are working to improve.",
    ),
    # --- Plans: what the provision asks for is still to come -------------------------------
    # An item of a to-do list, a change to the landlord's own documents or practice in the bare
    # imperative that a list opened by "We will:" gives each item: "update the definition of a
    # complaint", "Review our team structure": the thing itself, not "a method of recording" it,
    # and never a routine ("review the policy annually").
    Cue(
        Family.PLAN,
        (
            "update",
            "introduce",
            "develop",
            "revise",
            "amend",
            "create",
            "establish",
            "implement",
            "roll out",
            "review",
            "set up",
            "put in place",
            "refresh",
            "redesign",
        ),
        r"^\W*(?:update|introduce|develop|revise|amend|create|establish|implement|roll out|review|set up|"
        rf"put in place|refresh|redesign) (?:(?:our|the|a|an|its|new|all) )?(?:(?!of\b)[\w-]+ )?{_THING}\b",
        "Update the complaints leaflet to show the Ombudsman's contact details.",
        not_after=r"[^.;]{0,60}?\b(?:annually|every|each|regularly|periodically|yearly|quarterly|monthly|"
        r"weekly|at least|as (?:needed|required|necessary)|where (?:needed|required|necessary))\b",
    ),
    Cue(
        Family.PLAN,
        ("under way", "underway", "ongoing", "in progress", "in hand"),
        r"\b(?:work|a review|reviews|a project|plans?|recruitment|procurement|consultation|training)\b"
        r"(?: [\w’']+){0,5}? (?:is|are) (?:now |currently |still |well )?(?:under ?way|ongoing|"
        r"in progress|in hand)\b",
        "Work is under way to update the policy.",
    ),
    Cue(
        Family.PLAN,
        ("planned", "scheduled", "proposed", "programmed"),
        r"\b(?:is|are|has been|have been) (?:now |currently |also )?(?:planned|scheduled|proposed|"
        r"programmed)\b",
        "Further training is planned for the contact centre.",
        # What is scheduled every year is a routine, not a plan to comply.
        not_after=r"[^.;]{0,40}?\b(?:annually|every|each|regularly|yearly|quarterly|monthly|weekly|as "
        r"(?:needed|required|necessary)|(?:all )?new (?:starters|staff|employees|colleagues)|induction)\b",
        not_before=r"\b(?:your|the|a|each|every|any|all|new) (?:\w+ )?(?:complaints?|response|case|"
        r"enquir(?:y|ies)|appointments?|visits?|meetings?|inspections?|repairs?|works?|calls?|call ?backs?)"
        r" (?:\w+ )?$"
        r"|\b(?:regular|annual|routine|periodic|ongoing|quarterly|monthly|weekly|yearly|refresher)\b"
        r"(?: [\w-]+){0,3}\s*$",
    ),
    Cue(
        Family.PLAN,
        ("go live", "due to", "in place by", "in place"),
        r"\b(?:due|expected|planned|set|scheduled) to (?:go live|launch|be (?:launched|introduced|"
        r"implemented|published|approved|completed|rolled out|in place))\b|\b(?:will|to) go live\b"
        r"|\b(?:aim|aims|plan|plans|expect|expects|intend|intends|hope|hopes) to (?:have|get|put) "
        r"(?:\w+ ){0,5}?in place\b",
        "A new case management system is due to go live in March.",
    ),
    Cue(
        Family.PLAN,
        ("we will", "we shall", "we are going to", "we'll", "we’ll"),
        r"\bwe (?:will|shall|are going to|['’]ll) (?:now |also |soon |shortly |then )?(?:introduce|develop|"
        r"create|establish|set up|launch|implement|recruit|appoint|roll out|put in place|revise|amend|"
        r"rewrite|redesign|procure|install|draft)\b",
        "We will introduce a dedicated complaints team next year.",
        # "We will review it annually", "we will develop it further", "we will appoint an
        # independent investigator", "we will set up a meeting", "we will implement any remedy":
        # a routine or what happens to a complaint, not a plan to comply.
        not_after=r"\s*(?:you|your|them|him|her|any|all|every|each)\b"
        r"|\s*(?:an? |the )?(?:[\w-]+ )?(?:investigators?|officers?|managers?|meetings?|visits?|"
        r"inspections?|remed(?:y|ies)|orders?|compensation|case (?:record|file)s?)\b"
        r"|[^.;]{0,60}?\b(?:annually|every|each (?:year|quarter|month|complaint|case)|regularly|yearly|"
        r"quarterly|monthly|as (?:needed|required|necessary|appropriate)|further|where|when|if|"
        r"complaints? (?:is|are) (?:upheld|escalated|received))\b",
    ),
    Cue(
        Family.PLAN,
        ("presented", "reported", "taken", "submitted", "brought", "put "),
        r"\b(?:will|would|shall|is due to|are due to|is to|are to) (?:now |also |then |first )?be (?:taken|"
        r"presented|reported|submitted|brought|put) (?:back )?(?:to|before) (?:the |our |its |a )?(?:\w+ )?"
        r"(?:board|committee|cabinet|scrutiny|panel|council|members)\b",
        "The self-assessment will be presented to the Board for the first time in July.",
        # Reporting every quarter is the routine the Code asks for; a complaint put to a panel
        # is a procedure.
        not_after=r"[^.;]{0,60}?\b(?:annually|every|each|regularly|yearly|quarterly|monthly|twice|as part "
        r"of (?:its|their|the) (?:annual|regular))\b",
        not_before=r"\b(?:your|the|a|this|each|every|any|all)(?: \w+)? (?:complaints?|case|appeal|"
        r"review|request|decision|outcome|findings|response|performance|report|reports|information)"
        r"(?: \w+)? $",
    ),
    Cue(
        Family.REMAINING_WORK,
        ("improvement",),
        r"\b(?:will|are going to|can expect to) (?:soon |now |also )?(?:see|experience|notice|feel) (?:\w+ )?"
        r"improvements?\b",
        "Residents will see improvements in response times next year.",
    ),
    Cue(
        Family.PLAN,
        ("line with", "align", "reflect"),
        r"\b(?:are|is|we['’]re|will be) (?:currently |now )?(?:reviewing|updating|revising|amending|changing|"
        r"rewriting) (?:[\w’']+ ){1,4}?(?:to (?:bring (?:\w+ ){0,2}?in(?:to)? line with|align (?:\w+ ){0,2}?"
        r"with|reflect|meet|comply with|match)|(?:in line|in accordance) with) (?:the |this |our )?(?:new "
        r"|revised |2024 |updated )?(?:code|requirements?)\b",
        "We are reviewing the policy to bring it into line with the Code.",
    ),
    Cue(
        Family.PLAN,
        ("will", "shall", "to be", "going to", "would"),
        rf"\b(?:will|shall|would|is to|are to|is going to|are going to)(?: (?:now|also|then|soon|"
        rf"shortly|need to|have to|need))? be (?:fully |further )?{_MAKE}\b",
        "The policy will be revised to include the Code's definition.",
        # "...will be developed further" improves what exists; "will be reviewed by a manager" and
        # "will be recorded" describe what happens to a complaint, not what is still to be made.
        not_after=r"\s*(?:further|more|and (?:improved|refined|expanded|extended)|by (?:a|the|an)"
        r" (?:\w+ ){0,3}?(?:manager|officer|director|panel|head|member|team|investigator)|within "
        r"\d+|on (?:our|the|your) (?:system|file|records?|database)|as (?:a|an) (?:complaint|"
        r"service request|formal))\b",
        not_before=r"\b(?:your|the|a|this|each|every|any|all|new|formal|stage \w+)(?: \w+)? "
        r"(?:complaints?|response|enquir(?:y|ies)|case|concern|request|appeal|review|decision|"
        r"outcome|investigation|feedback|issue|matter)s? (?:\w+ )?$",
    ),
    Cue(
        Family.PLAN,
        ("being",),
        rf"\b(?:is|are|was|were) (?:currently |still |now )?being {_MAKE}\b",
        "Our complaints procedure is currently being rewritten.",
        not_before=r"\b(?:your|the|a|each|every|any) (?:\w+ )?(?:complaints?|response|case|enquiry)"
        r" (?:\w+ )?$",
    ),
    Cue(
        Family.PLAN,
        (
            "process of",
            "working on",
            "working towards",
            "working to",
            "planning to",
            "plan to",
            "intend",
            "developing",
            "introducing",
            "implementing",
            "reviewing",
            "procuring",
            "recruiting",
            "rewriting",
            "redesigning",
            "updating",
            "revising",
            "changing",
            "towards",
            "view to",
            "plan for",
        ),
        r"\b(?:we are|we['’]re|we were|is|are|was|were|currently) (?:currently |still |now )?"
        r"(?:in the process of|working (?:on|towards)|planning to|procuring|recruiting|rewriting|"
        r"redesigning)\b"
        r"|\b(?:we )?(?:plan|plans|planned|intend|intends|intended) to (?:introduce|develop|"
        r"update|implement|review|revise|publish|create|establish|set up|recruit|appoint|train|"
        r"roll out|launch|amend|adopt|align)\b|\b(?:we are|we['’]re) (?:currently )?changing\b"
        r"|\bwork(?:ing|s)? towards (?:\w+ ){0,4}?(?:full )?complian\w+|\bwith a view to "
        r"(?:\w+ )?complian\w+|\bplan for (?:full )?complian\w+",
        "We are in the process of updating our complaints policy.",
        not_after=r"\s*(?:your|the|this|a) (?:complaint|response|case|enquiry)\b",
    ),
    # --- Hedges: met in most cases, not all -------------------------------------------------
    Cue(
        Family.HEDGE,
        ("most", "majority", "nearly", "almost"),
        r"\b(?:most|the (?:vast )?majority|nearly (?:all|every)|almost (?:all|every))(?: of)?(?: (?:our|the|"
        r"these))?(?: stage \w+)? (?:complaints?|responses?|cases|acknowledgements?|letters|replies|reply)\b"
        r"[^.;]{0,50}?\b(?:within|on time|in time|includes?|included|met|meets?|follow(?:s|ed)?|"
        r"compl(?:y|ies|ied)|set out|sets out)\b",
        "Most stage 2 responses are sent within 20 working days.",
    ),
    Cue(
        Family.HEDGE,
        ("quarters", "months"),
        r"\b(?:met|achieved|hit|reached|exceeded|meeting)\b[^.;]{0,40}?\bin (?:one|two|three|four|five|six|"
        r"seven|eight|nine|ten|eleven|\d+) (?:out )?of (?:the |our )?(?:two|three|four|five|six|seven|eight|"
        r"nine|ten|eleven|twelve|\d+) (?:quarters|months)\b",
        "We met the target in three of the four quarters.",
    ),
    Cue(
        Family.HEDGE,
        ("usually", "generally", "typically", "mostly", "often", "sometimes", "occasionally", "in the main"),
        r"\b(?:usually|generally|typically|mostly|often|sometimes|occasionally|in the main) (?:[\w’']+ )"
        r"{0,3}?(?:within|on time|in time|met|meets?|achieved?|followed|compl(?:y|ies|ied)|in line with)\b",
        "Responses are usually sent within 10 working days.",
    ),
    Cue(
        Family.HEDGE,
        (
            "most",
            "majority",
            "not all",
            "not every",
            "many of",
            "some of",
            "generally",
            "largely",
            "mostly",
            "broadly",
            "on the whole",
            "nearly all",
            "almost all",
            "in part",
        ),
        r"\b(?:in|for) (?:the )?(?:most|majority of|vast majority of|many|nearly all|almost all) "
        r"(?:cases|instances|occasions|complaints|areas)\b|\b(?:the |a )?(?:vast )?majority of "
        r"(?:our |the )?(?:staff|colleagues|officers|teams?|managers|employees|complaints|cases|"
        r"responses|services|requirements)\b|\bnot (?:all|every)\b|\b(?:generally|largely|mostly|"
        r"broadly|on the whole) (?:\w+ )?(?:complian(?:t|ce)|compl(?:y|ies)|met|meets?|achieved?|in "
        r"place|followed|consistent)\b|\b(?:nearly|almost) all\b|\bin part\b",
        "In most cases we respond within 10 working days.",
        # How complaints end (most resolved at stage 1) is an outcome, not a shortfall.
        not_after=r"[^.;]{0,60}?\b(?:resolv\w*|sorted out|dealt with|settled|closed|try to|can be)\b",
    ),
)


def compile_pattern(pattern: str) -> str:
    """A cue's pattern as a regular expression: "<not>" is " not" or "n't"."""
    return pattern.replace("<not>", r"(?: not|n['’]t)")
