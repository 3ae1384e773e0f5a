"""Each cell's text shaped into the field it fills: an answer kept as written, evidence split into
titles, commentary as Markdown paragraphs and bullets, a lead, supporting owners, a date.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from selfassess.didyoumean import normalise
from selfassess.importing.tables import (
    BOLD,
    END_BOLD,
    END_ITALIC,
    END_LINK,
    ITALIC,
    LINK,
    LINK_TO,
    MARKS,
    is_bulleted,
    unbulleted,
    unmarked,
)
from selfassess.model.code import Code
from selfassess.text.markdown import blocks as markdown_blocks
from selfassess.text.markdown import link_target, literal, safe_url
from selfassess.timelimits.written_date import read_written_date

_ORDERED = re.compile(r"^(\d{1,3})([.)])\s+")


def one_line(text: str) -> str:
    """A short value (an answer, a name) on one line: a line break in its cell is not meant."""
    return " ".join(text.split())


def split_answer(text: str, code: Code) -> tuple[str | None, str]:
    """An answer at the start of a cell that also holds the response ("Accepted See response in
    item 9"): the answer as written, and the rest. No answer where the cell starts with none."""
    tokens = list(re.finditer(r"\S+", text))
    for count in range(min(4, len(tokens)), 0, -1):
        end = tokens[count - 1].end()
        if code.answers.canonical(text[:end]) is not None:
            return one_line(text[:end]), text[end:].strip()
    return None, text


@dataclass(frozen=True)
class ReadAnswer:
    """An answer cell as import reads it: the code's answer it gives (None where it gives none the
    code knows: then the cell is kept as typed, for check to report), what was typed, and the words
    after the answer that explain it ("Yes – see policy 4.2"), which go into the commentary."""

    answer: str | None
    typed: str
    explained: str
    restated: bool = False  # the answer itself, then its meaning again: "Yes met", "N/A – not applicable"

    @property
    def reworded(self) -> bool:
        """The file's answer is not what the table says: a comment keeps the table's words."""
        return (
            self.answer is not None and not self.restated and normalise(self.answer) != normalise(self.typed)
        )


# An answer that begins a longer cell ends at a dash, a colon, a full stop, a comma, a bracket or a
# line: "Yes – see the policy", "Partial (training due)". A space alone does not end it, so that
# "No longer applicable" is not read as "No"; nor does a slash ("Yes/No" is no answer).
_AFTER_ANSWER = re.compile(r"\s*(?:[-–—:;,.(]|\n)")
_WORD = re.compile(r"[^\s\-–—:;,.(/]+")
_MOST_WORDS_IN_AN_ANSWER = 4


# What a published tracker prints under an answer: its RAG in words, and whether it was completed
# since the last edition. Worked out again from the answer and dates, so not part of the answer.
_BESIDE_ANSWER = re.compile(r"red|amber|green|completed since .+", re.IGNORECASE)
# What a published form or tracker prints where there is no answer.
_NO_ANSWER = {"not answered", "no response yet", "no status yet"}


def beside_answer(text: str) -> tuple[str, list[str]]:
    """An answer cell without the lines a published tracker prints under the answer ("Amber",
    "Completed since 1 April 2025"), and those lines."""
    lines = [line.strip() for line in text.strip().splitlines()]
    beside: list[str] = []
    while len(lines) > 1 and _BESIDE_ANSWER.fullmatch(lines[-1]):
        beside.insert(0, lines.pop())
    return "\n".join(lines), beside


def read_answer(text: str, code: Code) -> ReadAnswer:
    """The code's answer a cell gives, by its own words or by an alias ('Fully compliant' is
    'Yes'), whole or at the start of the cell. What a published form prints for no answer ("Not
    answered", "No response yet") is none."""
    typed, _ = beside_answer(text)
    answers = code.answers
    if one_line(typed).casefold() in _NO_ANSWER and answers.answer_for(typed) is None:
        return ReadAnswer(None, "", "")
    whole = answers.answer_for(typed)
    if whole is not None or not typed:
        return ReadAnswer(whole, one_line(typed), "")
    tokens = list(_WORD.finditer(typed))
    for count in range(min(_MOST_WORDS_IN_AN_ANSWER, len(tokens)), 0, -1):
        end = tokens[count - 1].end()
        after = _AFTER_ANSWER.match(typed, end)
        answer = answers.answer_for(typed[:end])
        if answer is None:
            continue
        rest = typed[end:].strip().lstrip("-–—:;,./").strip()
        if rest.startswith("(") and rest.endswith(")"):
            rest = rest[1:-1].strip()
        # "N/A – not applicable", "Yes (compliant)", "Partial partly met" (a published form's answer
        # and its meaning): the rest only says the answer again.
        if answers.answer_for(rest) == answer:
            itself = answers.canonical(typed[:end]) is not None
            return ReadAnswer(answer, one_line(typed), "", restated=itself)
        if after is None:
            continue
        if _opens_with_another_answer(rest, answer, code):
            break  # "Yes, partially": two answers in one; the person must choose
        return ReadAnswer(answer, one_line(typed), rest)
    return ReadAnswer(None, one_line(typed), "")


def _opens_with_another_answer(text: str, answer: str, code: Code) -> bool:
    words = list(_WORD.finditer(text))
    for count in range(min(_MOST_WORDS_IN_AN_ANSWER, len(words)), 0, -1):
        other = code.answers.answer_for(text[: words[count - 1].end()])
        if other is not None:
            return other != answer
    return False


def markdown(text: str, *, escaped: bool = True) -> str | None:
    """A cell's text as Markdown that shows it as typed: paragraphs with a blank line between them,
    bulleted lines (a Word list, "•", "-") as a Markdown list ("- "), lines numbered in sequence
    ("1.", "2.") as a numbered one, and every character that Markdown would read as markup
    escaped ("2*3*4", "S:\\Complaints\\_archive" come out as they went in). Not `escaped`: for
    an action, which every form shows as plain words: its lines as typed, one under another."""
    # Lines are what the reader made them ("\n"): Python's splitlines would also break at characters
    # a person may have pasted inside a line (U+2028, U+0085).
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not escaped:
        return "\n".join(line.strip() for line in lines if line.strip()) or None
    blocks: list[tuple[str, list[str]]] = []
    number = 0  # the last item's number, while a numbered list goes on
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        ordered = _ORDERED.match(line)
        if is_bulleted(line):
            kind, line = "bullets", f"- {typed(unbulleted(line))}"
        elif ordered is not None and _continues_numbering(ordered, blocks, number):
            # A numbered list shows its items numbered from its first: only a run numbered in
            # sequence is one, or "1. … 1. …" would be published as "1. … 2. …".
            kind, number = "numbered", int(ordered.group(1))
            line = f"{ordered.group(1)}{ordered.group(2)} {typed(line[ordered.end() :])}"
        else:
            kind, line = "paragraph", typed(line)
        if kind != "paragraph" and blocks and blocks[-1][0] == kind:
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
    return "\n\n".join("\n".join(lines) for _, lines in blocks) or None


_ADDRESS = re.compile(f"{LINK_TO}([^{END_LINK}]*){END_LINK}")
_OPENING = re.compile(f"([{BOLD}{ITALIC}])(\\s+)")
_CLOSING = re.compile(f"(\\s+)([{END_BOLD}{END_ITALIC}])")
_EMPTY = re.compile(f"{BOLD}{END_BOLD}|{ITALIC}{END_ITALIC}")
_SYNTAX = str.maketrans({BOLD: "**", END_BOLD: "**", ITALIC: "*", END_ITALIC: "*", LINK: "["})


def typed(line: str) -> str:
    """One line of a cell as Markdown that shows it as typed (`literal`), with what Word set in bold
    or italic, and its links, as Markdown's. Where the formatting cannot be written so that every
    character still shows (bold around nothing but punctuation, say), the words alone."""
    plain = literal(unmarked(line))
    if not MARKS.search(line):
        return plain
    addresses: list[str] = []

    def kept(match: re.Match[str]) -> str:
        addresses.append(match.group(1))
        return f"{LINK_TO}{len(addresses) - 1}{END_LINK}"

    line = _EMPTY.sub("", _ADDRESS.sub(kept, line))
    line = _CLOSING.sub(r"\2\1", _OPENING.sub(r"\2\1", line))  # "**words** ", never "**words **"
    written = literal(line).translate(_SYNTAX)

    def target(match: re.Match[str]) -> str:
        address = safe_url(addresses[int(match.group(1))])
        return f"]({link_target(address)})" if address else "]"

    written = re.sub(f"{LINK_TO}(\\d+){END_LINK}", target, written)
    same = [(block.kind, block.text) for block in markdown_blocks(written)] == [
        (block.kind, block.text) for block in markdown_blocks(plain)
    ]
    return written if same and not MARKS.search(written) else plain


def _continues_numbering(ordered: re.Match[str], blocks: list[tuple[str, list[str]]], number: int) -> bool:
    """Whether a numbered line can be an item of a Markdown list without its number changing: the
    next in the list above it, or the first of a list that follows no other numbered list."""
    if blocks and blocks[-1][0] == "numbered":
        above = blocks[-1][1][-1]
        return int(ordered.group(1)) == number + 1 and above[len(str(number))] == ordered.group(2)
    return True


# Between evidence titles: a semicolon, or a bullet written inline ("Policy • Procedure").
_BETWEEN_TITLES = re.compile(r"\s*;\s*|\s+[•·▪]\s+")


def evidence_titles(parts: list[str], known: Collection[str] = (), by_line: bool = False) -> list[str]:
    """One title for each line, bullet or semicolon-separated item, in order, each once. Where the
    document has an evidence register (`known`, the titles it lists: a published form's layout),
    or says its cells are as the assessment file has them (`by_line`), each line is one title,
    whatever it holds."""
    titles: list[str] = []
    for part in parts:
        for line in part.splitlines():
            whole = next((title for title in (one_line(line), unbulleted(line)) if title in known), None)
            if whole is None and (known or by_line) and line.strip():
                whole = one_line(line)
            if whole is not None:
                titles += [whole] if whole not in titles else []
                continue
            for piece in _BETWEEN_TITLES.split(unbulleted(line)):
                title = piece.strip()
                if title and title not in titles:
                    titles.append(title)
    return titles


# A paragraph that names documents rather than explains: short, with no sentence's full stop.
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_LABEL = re.compile(r"^\s*(evidence|commentary|comments?|explanations?)\s*:\s*", re.IGNORECASE)
_MOST_WORDS_IN_A_TITLE = 14


def evidence_and_commentary(text: str) -> tuple[list[str], str]:
    """A cell that holds both ("Evidence, commentary and any explanations"), split as a person
    reads it: paragraphs labelled "Evidence:" or "Commentary:" go where they say; otherwise a short
    paragraph with no sentence in it names a document, and the rest is the commentary."""
    titles: list[str] = []
    commentary: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n", text):
        if not paragraph.strip():
            continue
        label = _LABEL.match(paragraph)
        words = paragraph[label.end() :] if label else paragraph
        if label and label.group(1).casefold() == "evidence":
            titles += evidence_titles([words])
        elif label is None and _looks_like_a_title(paragraph):
            titles += evidence_titles([paragraph])
        else:
            commentary.append(words.strip())
    return titles, "\n\n".join(commentary)


def _looks_like_a_title(paragraph: str) -> bool:
    line = unbulleted(paragraph).strip()
    return (
        bool(line)
        and len(line.split()) <= _MOST_WORDS_IN_A_TITLE
        and not _SENTENCE_END.search(line)
        and not line[0].islower()
    )


# A line that cannot end a name or post: it goes on into the next ("Service leads/", "Director of").
_RUNS_ON = re.compile(r"(?:[/&,+–-]|\b(?:and|of|for|the|to|with))$", re.IGNORECASE)
_ONE_NAME = re.compile(r"[A-Z][a-z’'-]+")


_SUPPORTED_BY = re.compile(r"\s*;?\s*\bsupported by\s+", re.IGNORECASE)


def lead_and_supporting(text: str) -> tuple[str | None, list[str]]:
    """A lead cell as a published tracker prints it, "I&C; supported by ECM, F&R": who leads, and who
    supports (commas between them)."""
    parts = _SUPPORTED_BY.split(text, maxsplit=1)
    if len(parts) == 1:
        return lead(text), []
    return lead(parts[0]), [name.strip() for name in parts[1].split(", ") if name.strip()]


def lead(text: str) -> str | None:
    """Who leads: the cell's lines (one person or post each) joined with semicolons. A line break
    inside a name, as a narrow column or a converted PDF leaves it, is a space: where the next line
    starts in lower case, where a line ends in "/", "&", "of" or "and", and where the whole cell is
    one name on each of two lines ("Andrew" / "Wilson")."""
    lines = [one_line(unbulleted(line)) for line in text.splitlines() if line.strip()]
    if len(lines) == 2 and all(_ONE_NAME.fullmatch(line) for line in lines):
        return " ".join(lines)
    names: list[str] = []
    for line in lines:
        if names and (line[0].islower() or _RUNS_ON.search(names[-1])):
            names[-1] += " " + line
        else:
            names.append(line)
    return "; ".join(names) or None


def owners(text: str) -> list[str]:
    """Supporting owners: a cell naming several ("ECM, F&R, I&C", "I&C / ECM") as a list of them."""
    return [one_line(name) for name in re.split(r"[\n,;/]", unbulleted(text)) if name.strip()]


def written_date(text: str) -> date | str | None:
    """A date as the cell has it: a spreadsheet's own date (made 2024-11-15 when read) as a date,
    anything else ('15-Nov-24', '12.12.23') as the text written, for the loader to read."""
    text = one_line(text)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return text
    return text or None


def date_and_words(text: str) -> tuple[date | str | None, str]:
    """A plan's date cell, which often says more than the date ("31/08/09 Must be fully implemented
    by November 2009"): the date as written (as `written_date` gives it, a date that does not exist
    such as 31/11/09 kept as text), and the words after it. No date where the cell starts with none."""
    tokens = text.split()
    for count in range(min(4, len(tokens)), 0, -1):  # "Monday 15 November 2009" is four
        if read_written_date(" ".join(tokens[:count])).problem != "cannot be read":
            rest = text.split(None, count)[count] if len(tokens) > count else ""
            return written_date(" ".join(tokens[:count])), one_line(rest)
    return None, one_line(text)


_RAG = {"r": "red", "red": "red", "a": "amber", "amber": "amber", "g": "green", "green": "green"}
_STATUS = {
    "not started": "not-started",
    "in progress": "in-progress",
    "ongoing": "in-progress",
    "on track": "in-progress",
    "done": "done",
    "complete": "done",
    "completed": "done",
    "blocked": "blocked",
    "dropped": "dropped",
}


def action_status(text: str) -> tuple[str, str] | None:
    """A plan's status cell as an action's field: ("rag", "amber") for "A" or "Amber", ("status",
    "done") for "Completed". None where its first line is neither; the caller keeps the cell in the note."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    first = " ".join(re.findall(r"[a-z]+", lines[0].casefold()))
    if first in _RAG:
        return "rag", _RAG[first]
    if first in _STATUS:
        return "status", _STATUS[first]
    return None


def note_part(text: str) -> str:
    """A cell's lines as one part of a note: a list of names ("Andrew Wilson" / "Paul Sutton") with
    commas between, lines that end in punctuation run on with a space."""
    joined = ""
    for line in (one_line(unbulleted(line)) for line in text.splitlines()):
        if not line:
            continue
        joined += line if not joined else (" " if joined[-1] in ",;:.-–/&" else ", ") + line
    return joined
