"""The board report's two codes side by side: a council answering the LGSCO's Code and the Housing
Ombudsman's shows, for each pair of provisions the codes link (`corresponds`), both answers, how
the two requirements relate, and whether the answers agree; then what either code asks that the
other has no counterpart for.

The links may be written in either code: a pair linked from the other code is read from this
one's side, so "asks for part of" (subset) turns into "asks for more" (superset).
"""

from __future__ import annotations

from dataclasses import dataclass

from selfassess.model.assessment import Assessment, Response
from selfassess.model.code import Code
from selfassess.model.standing import band
from selfassess.publish.pieces import shown_date
from selfassess.publish.report.board_words import provision_title

#: How this code's provision stands to the other's, read from this code's side.
RELATION_WORDS = {
    "equal": "Equal: the same requirement",
    "subset": "Subset: asks for part of it",
    "superset": "Superset: asks for more",
    "overlap": "Overlap: each asks for something the other does not",
}
_REVERSED = {"equal": "equal", "subset": "superset", "superset": "subset", "overlap": "overlap"}
_RANK = {"not-met": 0, "partly": 1, "met": 2}
_SAID = {"met": "met", "partly": "partly met", "not-met": "not met"}

#: What a row's answers come to, as the report's last column says it.
AGREE, DISAGREE, DIFFER, UNCOMPARED = "Agree", "Disagree", "Differ as expected", "Not compared"
_COUNTED = {
    DISAGREE: "in disagreement",
    AGREE: "answered alike",
    DIFFER: "answered differently without contradicting each other",
    UNCOMPARED: "not compared, one of the two having no answer of met, partly met or not met",
}


@dataclass(frozen=True)
class Side:
    """One provision of one code, and how its assessment answers it."""

    number: str
    title: str
    answer: str  # as written, or "Not answered"
    answered_by: str | None  # "section 6" where the assessment answers a section at a time


@dataclass(frozen=True)
class Pair:
    ours: Side
    relation: str  # equal | subset | superset | overlap, from this code's side
    theirs: Side
    standing: str  # AGREE | DISAGREE | DIFFER | UNCOMPARED
    why: str  # one sentence, for a disagreement or a pair not compared; empty otherwise

    @property
    def relation_words(self) -> str:
        return RELATION_WORDS[self.relation]

    @property
    def disagrees(self) -> bool:
        return self.standing == DISAGREE


@dataclass(frozen=True)
class Unmatched:
    number: str
    title: str
    answer: str


@dataclass(frozen=True)
class AlongsideView:
    """Both codes, pair by pair, as the board reads them."""

    ours: str  # the column heading for this assessment's code: its publisher, or its title
    theirs: str
    theirs_named: str  # "Complaint Handling Code (Housing Ombudsman Service, 2024)"
    theirs_assessed_on: str
    pairs: tuple[Pair, ...]
    ours_alone: tuple[Unmatched, ...]  # this code's provisions the other code has no counterpart for
    theirs_alone: tuple[Unmatched, ...]

    @property
    def disagreements(self) -> int:
        return sum(1 for pair in self.pairs if pair.disagrees)

    @property
    def agreements(self) -> int:
        return sum(1 for pair in self.pairs if pair.standing == AGREE)

    @property
    def summary(self) -> str:
        """The section's first sentence: how many pairs, and how their answers stand."""
        pairs = len(self.pairs)
        counted = {standing: sum(1 for p in self.pairs if p.standing == standing) for standing in _COUNTED}
        parts = [f"{n} {_COUNTED[standing]}" for standing, n in counted.items() if n]
        said = ", ".join(parts) if parts else "none"
        disagree = "none in disagreement" if not counted[DISAGREE] else ""
        tail = f"; {disagree}" if disagree and parts else ""
        return f"The two codes link {pairs} {'pair' if pairs == 1 else 'pairs'} of provisions: {said}{tail}."


def links_between(code: Code, other: Code) -> list[tuple[str, str, str]]:
    """(this code's provision, the other's, relation from this code's side), from the links
    either code declares, each pair once, in this code's order."""
    found: dict[tuple[str, str], str] = {}
    for number, provision in code.provisions.items():
        for link in provision.corresponds:
            if link.code == other.id and link.provision in other.provisions:
                found.setdefault((number, link.provision), link.relation)
    for number, provision in other.provisions.items():
        for link in provision.corresponds:
            if link.code == code.id and link.provision in code.provisions:
                found.setdefault((link.provision, number), _REVERSED[link.relation])
    order = {number: i for i, number in enumerate(code.provisions)}
    theirs = {number: i for i, number in enumerate(other.provisions)}
    pairs = sorted(found.items(), key=lambda item: (order[item[0][0]], theirs[item[0][1]]))
    return [(ours, their, relation) for (ours, their), relation in pairs]


def linked(code: Code, other: Code) -> bool:
    return bool(links_between(code, other))


def _response(assessment: Assessment, code: Code, number: str) -> tuple[Response | None, str | None]:
    """The response that answers provision `number`: its own, or its section's, where the
    assessment answers a section at a time."""
    if (assessment.answered_per or code.answered_per) != "section":
        return assessment.responses.get(number), None
    for section in code.sections:
        if any(p.number == number for p in section.provisions):
            return assessment.responses.get(section.number), f"section {section.number}"
    return None, None


def _side(assessment: Assessment, code: Code, number: str) -> tuple[Side, str]:
    response, by = _response(assessment, code, number)
    answer = response.answer if response is not None and response.answer else None
    side = Side(number, provision_title(code, number), answer or "Not answered", by)
    return side, band(code, answer)


def _standing(relation: str, ours: str, theirs: str, pair: tuple[str, str]) -> tuple[str, str]:
    if ours not in _RANK or theirs not in _RANK:
        missing = [
            f"{name} {'not answered' if stands == 'unanswered' else 'not applicable'}"
            for name, stands in zip(pair, (ours, theirs), strict=True)
            if stands not in _RANK
        ]
        return UNCOMPARED, " and ".join(missing)
    if ours == theirs:
        return AGREE, ""
    said = f"{pair[0]} is {_SAID[ours]} and {pair[1]} is {_SAID[theirs]}"
    if relation == "equal":
        return (
            DISAGREE,
            f"The same requirement: {said}; one of the answers is wrong, or the commentary should say why.",
        )
    # Whoever asks for more cannot stand higher than whoever asks for part of it.
    mine, other = (ours, pair[0]), (theirs, pair[1])
    (more, more_name), (less, less_name) = (other, mine) if relation == "subset" else (mine, other)
    if relation != "overlap" and _RANK[more] > _RANK[less]:
        return DISAGREE, f"{said}, yet {more_name} asks for all that {less_name} asks, and more."
    return DIFFER, ""


def _as_a_whole(
    standing: str, why: str, mine: tuple[Side, str], theirs: tuple[Side, str], names: tuple[str, str]
) -> tuple[str, str]:
    """A section answered whole is met only where each of its provisions is; answered partly or
    not met, it says nothing of this provision, which may be met while another falls short."""
    if standing != DISAGREE:
        return standing, why
    for (side, stands), name in zip((mine, theirs), names, strict=True):
        if side.answered_by and stands != "met":
            return (
                DIFFER,
                f"{name} is answered with its whole {side.answered_by}, which may fall short elsewhere",
            )
    return standing, why


def _alone(assessment: Assessment, code: Code, numbers: list[str]) -> tuple[Unmatched, ...]:
    unmatched = []
    for number in numbers:
        side, _ = _side(assessment, code, number)
        unmatched.append(Unmatched(number, side.title, side.answer))
    return tuple(unmatched)


def _heading(code: Code, other: Code) -> str:
    """The code as a column heading: its publisher's initials ('Housing Ombudsman Service': HOS),
    where they tell the two apart; else its title and version."""
    if code.publisher and code.publisher != other.publisher:
        initials = "".join(word[0] for word in code.publisher.split() if word[:1].isupper())
        theirs = "".join(word[0] for word in (other.publisher or "").split() if word[:1].isupper())
        return initials if len(initials) > 1 and initials != theirs else code.publisher
    return f"{code.title} {code.version}" if code.version else code.title


def alongside_view(
    ours: tuple[Assessment, Code], theirs: tuple[Assessment, Code], theirs_named: str
) -> AlongsideView:
    """Both assessments set side by side; the codes are the whole codes (a section-at-a-time
    assessment is looked up through each provision's section). Codes that link nothing give no
    pairs, and every provision of both stands alone."""
    (assessment, code), (other, other_code) = ours, theirs
    links = links_between(code, other_code)
    pairs = []
    for number, their_number, relation in links:
        mine, my_band = _side(assessment, code, number)
        their, their_band = _side(other, other_code, their_number)
        names = (f"{_heading(code, other_code)} {number}", f"{_heading(other_code, code)} {their_number}")
        standing, why = _standing(relation, my_band, their_band, names)
        standing, why = _as_a_whole(standing, why, (mine, my_band), (their, their_band), names)
        pairs.append(Pair(mine, relation, their, standing, why))
    mine_linked = {number for number, _, _ in links}
    theirs_linked = {number for _, number, _ in links}
    return AlongsideView(
        ours=_heading(code, other_code),
        theirs=_heading(other_code, code),
        theirs_named=theirs_named,
        theirs_assessed_on=shown_date(other.assessed_on) or "an unknown date",
        pairs=tuple(pairs),
        ours_alone=_alone(assessment, code, [n for n in code.provisions if n not in mine_linked]),
        theirs_alone=_alone(other, other_code, [n for n in other_code.provisions if n not in theirs_linked]),
    )
