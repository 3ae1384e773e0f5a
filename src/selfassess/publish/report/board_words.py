"""What the board report says of each rule's findings: words for a governing body, not an editor.

`check` speaks to whoever edits the YAML ("record the approval, as approved: {by: Board, on:
DATE}", "your policy (line 17)"); a board needs to know what is wrong and where, in the code's
terms. The rule messages stay as they are, for the editor; the board's words are made here,
where the report is, one pair for each rule that can find something in an assessment (a test
holds every such rule to having its pair). Findings of one rule read alike for a board, so the
report gives them one line: "65 provisions have no answer yet: 2.1, 2.2, …".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from selfassess.check.findings import Finding
from selfassess.model.code import Code
from selfassess.text.markdown import plain


@dataclass(frozen=True)
class Said:
    """`one`: what one finding means, after the provision it is about, or alone where it is about
    none; `many`: the same of {n} of them. `{body}` is the code's word for the governing body."""

    one: str
    many: str


BOARD_WORDS: Mapping[str, Said] = {
    "SA001": Said(
        "Part of the assessment cannot be read, so these figures may be incomplete",
        "{n} parts of the assessment cannot be read, so these figures may be incomplete",
    ),
    "SA003": Said("A finding is set aside without a reason", "{n} findings are set aside without a reason"),
    "SA004": Said(
        "A finding is set aside that no longer applies", "{n} findings are set aside that no longer apply"
    ),
    "SA005": Said(
        "A piece of text holds a character that cannot be seen or published",
        "{n} pieces of text hold a character that cannot be seen or published",
    ),
    "SA101": Said("No answer yet", "{n} provisions have no answer yet"),
    "SA102": Said(
        "Answered, but the code has no such provision",
        "{n} answers are to provisions the code does not have",
    ),
    "SA103": Said(
        "The answer is not one of the code's answers",
        "{n} provisions have an answer that is not one of the code's answers",
    ),
    "SA201": Said(
        "Answered as met, but no evidence is cited", "{n} provisions are answered as met but cite no evidence"
    ),
    "SA202": Said(
        "A piece of evidence is more than a year old", "{n} pieces of evidence are more than a year old"
    ),
    "SA203": Said("An evidence file cannot be found", "{n} evidence files cannot be found"),
    "SA204": Said(
        "Cites evidence that is not in the list of evidence",
        "{n} provisions cite evidence that is not in the list of evidence",
    ),
    "SA301": Said(
        "Not fully met, and nothing says why", "{n} provisions are not fully met, and nothing says why"
    ),
    "SA302": Said(
        "Not fully met, with no action that has an owner and a due date",
        "{n} provisions are not fully met, with no action that has an owner and a due date",
    ),
    "SA303": Said(
        "Answered as met, but the commentary describes a shortfall",
        "{n} provisions are answered as met, but their commentary describes a shortfall",
    ),
    "SA304": Said(
        "The answer differs from the answer to the same requirement in the linked assessment",
        "{n} answers differ from the answers to the same requirements in the linked assessment",
    ),
    "SA401": Said(
        "A time limit in the policy is outside what the code allows",
        "{n} time limits in the policy are outside what the code allows",
    ),
    "SA402": Said(
        "A time limit in the policy is longer than the code allows on some days",
        "{n} time limits in the policy are longer than the code allows on some days",
    ),
    "SA403": Said(
        "A time limit is stated two different ways", "{n} time limits are stated two different ways"
    ),
    "SA404": Said(
        "A date given for the work falls after the code's deadline",
        "{n} provisions give a date for the work after the code's deadline",
    ),
    "SA405": Said(
        "A time limit is stated as an average, where the code sets a limit for every complaint",
        "{n} time limits are stated as averages, where the code sets a limit for every complaint",
    ),
    "SA406": Said(
        "Answered as met, but the complaints log shows the time limit missed",
        "{n} provisions are answered as met, but the complaints log shows the time limit missed",
    ),
    "SA501": Said("An action is overdue", "{n} actions are overdue"),
    "SA502": Said("An action has no owner or no due date", "{n} actions have no owner or no due date"),
    "SA503": Said("A date cannot be read or does not exist", "{n} dates cannot be read or do not exist"),
    "SA504": Said("An action is due before it starts", "{n} actions are due before they start"),
    "SA505": Said(
        "Still open long after the meeting that raised it",
        "{n} items are still open long after the meetings that raised them",
    ),
    "SA506": Said(
        "An action is due after the deadline it serves", "{n} actions are due after the deadlines they serve"
    ),
    # "status", not "response": an item may have an update in words, with no status beside it
    "SA507": Said("No status yet", "{n} items have no status yet"),
    "SA601": Said(
        "The {body} has not yet approved this assessment", "The {body} has not yet approved this assessment"
    ),
    "SA602": Said(
        "The approval recorded is dated before this assessment was made, or before the period it covers "
        "ended, so it cannot be this assessment's",
        "The approval recorded is dated before this assessment was made, or before the period it covers "
        "ended, so it cannot be this assessment's",
    ),
}

#: Where a code is answered a section at a time (the LGSCO's own form), a finding is of a section
#: answered whole, and a rule whose words speak of one requirement says so of the section instead.
SECTION_WORDS: Mapping[str, Said] = {
    # SA304 finds a section only where it is answered as met: the linked assessment's answer to
    # one of the requirements it holds, not to the same one, is what disagrees
    "SA304": Said(
        "The section is answered as met, but the linked assessment does not answer one of its "
        "requirements as met",
        "{n} sections are answered as met, but the linked assessment does not answer one of their "
        "requirements as met",
    ),
}

#: How many provision numbers the folded line names before "…"; the list under it names them all.
SHOWN_NUMBERS = 8
_SENTENCE_END = re.compile(r"(?<=[a-z)’'])[.;:](?=\s|$)")
TITLE_LENGTH = 72


@dataclass(frozen=True)
class NamedProvision:
    """How the report names a provision: its number and first words ('6.3 Landlords must issue…'),
    or, in a tracker, an item's own words first, the reference a committee knows it by after them
    ('That the Council clarifies… (Social Value, recommendation 1)')."""

    number: str  # the reference shown: "6.3", "R1", "Social Value, recommendation 1"; may be ""
    title: str  # "" where the code has no such provision
    words_first: bool = False

    @property
    def named(self) -> str:
        if self.words_first and self.title:
            return f"{self.title} ({self.number})" if self.number else self.title
        return f"{self.number} {self.title}" if self.title else self.number


@dataclass(frozen=True)
class FindingGroup:
    """Findings of one rule that read alike for a board: one line, the provisions folded under it."""

    rule: str
    sentence: str  # "65 provisions have no answer yet", "2.5 (…): The answer is not one of …"
    provisions: tuple[NamedProvision, ...]  # listed under the line where more than one finding
    count: int

    @property
    def folded(self) -> bool:
        return self.count > 1 and bool(self.provisions)

    @property
    def line(self) -> str:
        """The sentence, with the first numbers where the list is folded under it."""
        if not self.folded:
            return self.sentence + "."
        if any(p.words_first for p in self.provisions):
            return self.sentence + ":"  # items are named by their words, in the list under the line
        numbers = [p.number for p in self.provisions]
        shown = ", ".join(numbers[:SHOWN_NUMBERS])
        return f"{self.sentence}: {shown}{', …' if len(numbers) > SHOWN_NUMBERS else '.'}"


def provision_title(code: Code, number: str) -> str:
    """A provision's first sentence, clipped to a line: the words a board knows it by (codes give
    provisions numbers, not titles)."""
    provision = code.provisions.get(number)
    if provision is None:
        return ""
    if code.answered_per == "section":  # a section answered whole is known by its title
        title = next((section.title for section in code.sections if section.number == number), None)
        if title is not None:
            return title
    text = " ".join(plain(provision.text).split())
    end = _SENTENCE_END.search(text)
    if end is not None:
        text = text[: end.start()]
    if len(text) <= TITLE_LENGTH:
        return text
    clipped = text[:TITLE_LENGTH].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return clipped + "…"


_KIND_WORDS = {
    "recommendation": "recommendation",
    "information-request": "information request",
    "action": "action",
}
_WORD = re.compile(r"[a-z]+")


def provision_reference(code: Code, number: str) -> str:
    """The reference a reader knows a provision by: its number as the source prints it, with the
    heading it stands under where that number alone repeats ('Social Value, recommendation 1'
    for '2024-03-19.social-value.1'); none for a number that is only a word of the file ('other')."""
    provision = code.provisions.get(number)
    if provision is None:
        return number
    if provision.display_number:
        shown = provision.display_number
        kind = _KIND_WORDS.get(provision.kind or "")
        shown = f"{kind} {shown}" if kind else shown
        return f"{provision.heading}, {shown}" if provision.heading else _capital(shown)
    return "" if _WORD.fullmatch(number) else number


def named_provision(code: Code, number: str) -> NamedProvision:
    """A provision as the report names it: a tracker's items by their own words first."""
    return NamedProvision(provision_reference(code, number), provision_title(code, number), code.is_tracker)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def board_groups(findings: Sequence[Finding], code: Code) -> tuple[FindingGroup, ...]:
    """The findings as a board reads them: one group for each rule, in the order first found; a
    rule with no board words (none should lack them) keeps each message as its own line."""
    body = code.term("governing body")
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        key = finding.rule if finding.rule in BOARD_WORDS else f"{finding.rule}\0{finding.message}"
        grouped.setdefault(key, []).append(finding)
    made = []
    for found in grouped.values():
        rule = found[0].rule
        numbers = list(dict.fromkeys(f.provision for f in found if f.provision is not None))
        named = tuple(named_provision(code, number) for number in numbers)
        said = (SECTION_WORDS.get(rule) if code.answered_per == "section" else None) or BOARD_WORDS.get(rule)
        if said is None:
            sentence = found[0].message.rstrip(".")
        elif len(found) > 1:
            sentence = said.many.format(n=len(found), body=body)
        else:
            sentence = _capital(said.one.format(body=body))
        if len(found) == 1 and named and named[0].words_first:
            sentence = f"{named[0].named}: {sentence}"
        elif len(found) == 1 and named:
            sentence = f"{named[0].number}{f' ({named[0].title})' if named[0].title else ''}: {sentence}"
        made.append(FindingGroup(rule, sentence, named, len(found)))
    return tuple(made)
