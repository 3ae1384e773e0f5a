"""Recognising a table by its header row: which column holds the provision number, the answer, the
evidence, the commentary, and for a tracker the lead, the supporting owners and the dates.

Headings are recognised by their words, not their exact spelling, because every organisation
words them a little differently ("Comply?", "Compliance (Yes/No/Partial)", "Commentary /
explanation", "Political Lead and Officer Lead"). The code's own answer heading
(`answers.label`) always names the answer column.

An action plan is a table whose rows are actions, each with a column that links it to the
recommendation (or provision) it serves: "Ref | Priority Actions | Lead Officer | Start | Finish |
Current Status | Link to supporting recommendation". Its number column is the action's own
reference, its answer column the action's status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selfassess.model.code import Code

# What a column holds. CONTEXT columns (an item, a meeting date, anything unknown) have no field of
# their own: their text is kept in the comment above the response.
NUMBER = "number"
REQUIREMENT = "requirement"
ANSWER = "answer"
EVIDENCE = "evidence"
EVIDENCE_AND_COMMENTARY = "evidence-and-commentary"  # "Evidence, commentary and any explanations"
COMMENTARY = "commentary"
LEAD = "lead"
SUPPORTING = "supporting"
CLOSED = "closed_on"
ACTION = "action"
DUE = "due"
START = "start"
KIND = "kind"
LINK = "link"  # in an action plan: the recommendation(s) an action serves ("Audit Commission R1.1, R3.1")
RAG = "rag"  # in an action plan: its red, amber or green, where a column of its own gives it
CONTEXT = "context"

#: A heading longer than this is a cell of text, not a heading.
_LONGEST_HEADING = 120

_KIND_WORDS = {"recommendation", "information", "action", "request"}
_LINK_WORDS = {"link", "links", "linked", "serves", "served", "related", "relates"}
_LINKED_TO = {"recommendation", "recommendations", "provision", "provisions", "finding", "findings"}


def _words(text: str) -> list[str]:
    """The words of a heading, lower-cased, without what it says in brackets ("(Yes/No/Partial)").
    A lone letter after a word is its end, cut off where text taken from a PDF wrapped a narrow
    column ("Code provisio n")."""
    words: list[str] = []
    for word in re.findall(r"[a-z0-9]+", re.sub(r"\([^)]*\)", " ", text.casefold())):
        if words and len(word) == 1 and word.isalpha() and word not in "ai" and words[-1].isalpha():
            words[-1] += word
        else:
            words.append(word)
    return words


def _role(heading: str, answer_label: list[str]) -> str:
    words = _words(heading)
    found = set(words)
    if not words:
        return CONTEXT
    if words == answer_label or (answer_label and words[: len(answer_label)] == answer_label):
        return ANSWER  # "Do we follow the Code: Yes/No" under the label "Do we follow the Code"
    if "date" in found or "when" in found:
        if found & {"completed", "closed", "complete"}:
            return CLOSED
        if found & {"due", "target", "deadline", "finish", "end"}:
            return DUE
        if "start" in found:
            return START
        return CONTEXT  # a meeting's date, a response's date: kept beside the requirement
    if "evidence" in found and found & {"commentary", "explanation", "explanations", "comments", "comment"}:
        return EVIDENCE_AND_COMMENTARY
    if "evidence" in found:
        return EVIDENCE
    if found & {"comply", "complies", "compliant", "compliance", "met"} and "action" not in found:
        return ANSWER
    if found & {"commentary", "explanation", "comments", "comment"}:
        return COMMENTARY
    if "requirement" in found or ("provision" in found and found & {"text", "wording"}):
        return REQUIREMENT
    if (found & _LINK_WORDS and found & _LINKED_TO) or words == ["serves"]:
        return LINK
    if words == ["rag"]:
        return RAG
    if found & {"provision", "ref", "reference", "no", "number", "para", "paragraph", "clause"}:
        return NUMBER
    if words == ["code", "section"] or words == ["section"]:
        return NUMBER  # the Ombudsman's 2022 form: "Code section | Code requirement | Comply | ..."
    if "supporting" in found:
        return SUPPORTING
    if found & {"lead", "leads", "owner", "responsible", "officer", "directorate", "accountable"}:
        return LEAD
    if ("recommended" in found and "response" in found) or "status" in found:
        return ANSWER
    if found & {"response", "update", "updates", "progress", "outcome", "position"}:
        return COMMENTARY
    if len(found & _KIND_WORDS) >= 2 or found & {"type", "kind"}:
        return KIND
    if found & {"due", "deadline", "target", "timescale", "finish"}:
        return DUE
    if "start" in found:
        return START
    if found & {"action", "actions", "steps"}:
        return ACTION
    if found & {"recommendation", "recommendations", "detail", "details", "description", "finding"}:
        return REQUIREMENT
    return CONTEXT


@dataclass(frozen=True)
class Layout:
    """The columns of one kind of table: each column's heading and what it holds."""

    headings: tuple[str, ...]
    roles: tuple[str, ...]

    def column(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None

    def columns(self, role: str) -> list[int]:
        """The column that holds `role`, as a list: empty where the table has none."""
        column = self.column(role)
        return [] if column is None else [column]

    @property
    def is_action_plan(self) -> bool:
        """Its rows are actions, each linked to the provision it serves, rather than answers."""
        return ACTION in self.roles and LINK in self.roles

    @property
    def width(self) -> int:
        return len(self.roles)


def recognise(cells: list[str], code: Code) -> Layout | None:
    """The layout whose header row `cells` is, or None when it is no header selfassess knows."""
    # What a heading says in brackets ("(Identified in Audit Commission Recommendation R1 –R6 or
    # HQN report / consultants plan)") explains it: only the words outside count towards its length.
    if not any(cells) or any(len(re.sub(r"\([^)]*\)", "", cell)) > _LONGEST_HEADING for cell in cells):
        return None
    label = _words(code.answers.label)
    if any(code.answers.answer_for(cell) for cell in cells if cell.strip() and _words(cell) != label):
        return None  # "Yes", "Done", "Compliant": an answer, so a row of answers, however short its cells
    roles = [_role(cell, label) for cell in cells]
    # One column per field: where two headings ask for the same one, the first has it (the code's
    # own answer heading before a keyword match), and the other's text is kept as context.
    exact = [i for i, cell in enumerate(cells) if _words(cell) == label]
    taken: set[str] = set()
    order = exact + [i for i in range(len(cells)) if i not in exact]
    for i in order:
        if roles[i] in taken and roles[i] != CONTEXT:
            roles[i] = CONTEXT
        taken.add(roles[i])
    number = roles.index(NUMBER) if NUMBER in roles else None
    if (
        number is not None
        and ACTION in roles
        and {LEAD, DUE, START} & set(roles)
        and not {REQUIREMENT, EVIDENCE, COMMENTARY, EVIDENCE_AND_COMMENTARY, LINK} & set(roles)
        and set(_words(cells[number])) & _LINKED_TO
    ):
        # A published form's action plan: "Provision | Action | Owner | Start | Due | Status | RAG",
        # its first column the provision each action serves.
        roles[number] = LINK
    if code.is_tracker and REQUIREMENT not in roles and ACTION in roles and LINK not in roles:
        roles[roles.index(ACTION)] = REQUIREMENT  # an action tracker: the actions are what it answers
    elif (
        not code.is_tracker
        and REQUIREMENT not in roles
        and ACTION in roles
        and not {LINK, LEAD, DUE, START} & set(roles)
    ):
        # The LGSCO's template: "Code section | Action | Do we follow the Code | Explanations and
        # Commentary", its "Action" the requirement as the organisation undertakes it.
        roles[roles.index(ACTION)] = REQUIREMENT
    if NUMBER not in roles and not cells[0].strip() and roles[0] == CONTEXT:
        roles[0] = NUMBER  # a numbers column often has no heading of its own
    found = set(roles)
    if ACTION in found and LINK in found:
        known = True  # an action plan, against any code
    elif code.is_tracker:
        known = bool(found & {NUMBER, REQUIREMENT}) and bool(found & {ANSWER, COMMENTARY, LEAD})
    else:
        known = NUMBER in found and ANSWER in found
    number = roles.index(NUMBER) if NUMBER in roles else None
    if (
        not known
        or len(found - {CONTEXT, KIND}) < 3
        or (number is not None and any(c.isdigit() for c in cells[number]))
    ):
        return None
    return Layout(tuple(cell.strip() for cell in cells), tuple(roles))


def looked_for(code: Code) -> str:
    """The columns `recognise` needs, in the words of the message when none is found."""
    if code.is_tracker:
        return (
            f"a recommendation (or number) column, and a {code.answers.label}, response or lead column, "
            "such as Item, Recommendation, Lead, Status, Response; or, for an action plan, an action "
            "column and a column linking each action to its recommendation"
        )
    return (
        f"Code provision, Code requirement, {code.answers.label}, Evidence, Commentary / explanation "
        f"(at least the provision and {code.answers.label} columns)"
    )


_REGISTER_TITLE = {"document", "documents", "title", "evidence"}
_REGISTER_WHERE = {"where", "url", "link", "address", "location", "published", "file"}
_REGISTER_DATED = {"dated", "date", "issued", "reviewed"}


def register_columns(cells: list[str]) -> tuple[int, int | None, int | None] | None:
    """The columns of an evidence register ("Document | Where | Dated", as a published form prints
    it): the title's, where it is published, and its date. None for any other header row."""
    if not 2 <= len(cells) <= 4:
        return None
    found: dict[str, int] = {}
    for column, cell in enumerate(cells):
        words = set(_words(cell))
        if not words or len(words) > 3:
            return None
        for name, wanted in (
            ("title", _REGISTER_TITLE),
            ("where", _REGISTER_WHERE),
            ("dated", _REGISTER_DATED),
        ):
            if words & wanted and name not in found:
                found[name] = column
                break
        else:
            return None
    if "title" not in found or len(found) < 2:
        return None
    return found["title"], found.get("where"), found.get("dated")


def waiver_columns(cells: list[str]) -> tuple[int, int, int] | None:
    """The columns of a published form's findings set aside ("Provision | Check | Finding |
    Reason"): the provision's, the check's (its rule), and the reason's. None for any other row."""
    found: dict[str, int] = {}
    for column, cell in enumerate(cells):
        words = _words(cell)
        for name, wanted in (("provision", ["provision"]), ("rule", ["check"]), ("reason", ["reason"])):
            if words == wanted:
                found.setdefault(name, column)
    if len(found) != 3 or len(cells) > 5:
        return None
    return found["provision"], found["rule"], found["reason"]
