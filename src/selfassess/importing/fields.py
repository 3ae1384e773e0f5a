"""Each cell's text shaped into the field it fills: an answer kept as written, evidence split into
titles, commentary as Markdown paragraphs and bullets, a lead, supporting owners, a date.
"""

from __future__ import annotations

import re
from datetime import date

from selfassess.importing.tables import is_bulleted, unbulleted
from selfassess.model.code import Code

_ORDERED = re.compile(r"^\d{1,3}[.)]\s+")


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


def markdown(text: str) -> str | None:
    """Paragraphs with a blank line between them; bulleted lines as a Markdown list ("- "), numbered
    lines ("1.") as a numbered one, each list's items on consecutive lines."""
    blocks: list[tuple[str, list[str]]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if is_bulleted(line):
            kind, line = "bullets", f"- {unbulleted(line)}"
        elif _ORDERED.match(line):
            kind = "numbered"
        else:
            kind = "paragraph"
        if kind != "paragraph" and blocks and blocks[-1][0] == kind:
            blocks[-1][1].append(line)
        else:
            blocks.append((kind, [line]))
    return "\n\n".join("\n".join(lines) for _, lines in blocks) or None


# Between evidence titles: a semicolon, or a bullet written inline ("Policy • Procedure").
_BETWEEN_TITLES = re.compile(r"\s*;\s*|\s+[•·▪]\s+")


def evidence_titles(parts: list[str]) -> list[str]:
    """One title for each line, bullet or semicolon-separated item, in order, each once."""
    titles: list[str] = []
    for part in parts:
        for line in part.splitlines():
            for piece in _BETWEEN_TITLES.split(unbulleted(line)):
                title = piece.strip()
                if title and title not in titles:
                    titles.append(title)
    return titles


def lead(text: str) -> str | None:
    """Who leads: the cell's lines (one person or post each) joined with semicolons."""
    names = [one_line(unbulleted(line)) for line in text.splitlines() if line.strip()]
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
