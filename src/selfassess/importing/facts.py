"""What a document says about the whole assessment, outside its tables: whose it is, the date it
speaks for, the period it covers, the Member Responsible for Complaints. A published form (selfassess's
own, and forms laid out like it) prints them as labelled lines above its tables ("Assessed on:
22 October 2024", "Period: 1 April 2023 to 31 March 2024") and the organisation under the title.

Only what a labelled line says is read; nothing is guessed from a document that has none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from selfassess.timelimits.written_date import read_written_date

#: The labels a form prints, and the field each gives. A tracker's "Position at" is its date.
_LABELS = {
    "assessed on": "assessed_on",
    "position at": "assessed_on",
    "period": "period",
    "approved by": "approved",
    "member responsible for complaints": "member_responsible",
    "governing body's response": "governing_body_response",
    "governing body’s response": "governing_body_response",
}
_LABELLED = re.compile(r"^\s*(?P<label>[^:]{3,40}?)\s*:\s*(?P<value>\S.*?)\s*$")


@dataclass(frozen=True)
class Facts:
    """What the document's labelled lines say, as written (dates read where they can be)."""

    organisation: str | None = None
    assessed_on: date | str | None = None
    period: tuple[date | str, date | str] | None = None
    approved: str | None = None  # "Board, 12 June 2025": kept in a comment, never carried over
    member_responsible: str | None = None
    governing_body_response: str | None = None
    markdown: bool = False  # its commentary is written as the assessment file holds it (Markdown)
    policy: tuple[tuple[str, str], ...] = ()  # the organisation's own time limits: (key, as written)
    deadlines: tuple[tuple[str, str], ...] = ()  # its own dates for deadlines that vary: (key, as written)
    complaints_log: str | None = None


def written(text: str) -> date | str:
    """A date as a form prints it ("22 October 2024") as a date; as written where it is no date."""
    read = read_written_date(text)
    return read.value if read.value is not None else text


def facts_from_lines(lines: list[str], organisation: str | None, publisher: str | None = None) -> Facts:
    """The facts labelled lines give. `organisation` is the line printed under the title, which a
    tracker follows with its committee's name ("Oxfordshire County Council: Scrutiny")."""
    found: dict[str, Any] = {}
    for line in lines:
        match = _LABELLED.match(line)
        if match is None:
            continue
        field = _LABELS.get(" ".join(match["label"].casefold().split()))
        if field is None or field in found:
            continue
        value = match["value"]
        if field == "assessed_on":
            found[field] = written(value)
        elif field == "period":
            parts = re.split(r"\s+to\s+", value)
            if len(parts) == 2:
                found[field] = (written(parts[0]), written(parts[1]))
        elif field != "approved" or value.casefold() != "not yet approved":
            found[field] = value
    if organisation and publisher:
        organisation = _without_publisher(organisation, publisher)
    return Facts(organisation=(organisation or "").strip() or None, **found)


def _without_publisher(line: str, publisher: str) -> str:
    """The organisation from the line under a tracker's title: 'Oxfordshire County Council' from
    'Oxfordshire County Council: Performance … Committee' (the committee's name, which begins
    with the council's, said after it without it) or from 'Norwich City Council: Audit Commission'."""
    if line.endswith(f": {publisher}"):
        return line[: -len(publisher) - 2]
    for at in (found.start() for found in re.finditer(": ", line)):
        before, after = line[:at], line[at + 2 :]
        if f"{before} {after}".casefold() == publisher.casefold():
            return before
    return line


#: A details sheet's label for what its commentary is written in (selfassess's own workbook).
_COMMENTARY_WRITTEN_IN = "commentary written in"
#: A details sheet's labels for the organisation's own time limits and dates, each ending in the
#: code's key: "Our time limit: Acknowledge … (stage1-acknowledge)", "Our date: … (annual-submission)".
_KEYED = re.compile(r"^(?P<kind>our time limit|our date)\b.*\((?P<key>[a-z0-9][a-z0-9_-]*)\)$")
_KEYED_FIELDS = {"our time limit": "policy", "our date": "deadlines"}


def sheet_facts(rows: list[list[str]]) -> Facts | None:
    """The facts of a spreadsheet's details sheet (a label in the first column, its value in the
    second: "Organisation | Fenbrook Homes", "Assessed on | 2025-05-20"), or None for a sheet that
    is no such list: one without the organisation's row and another fact's, or with a row of more
    than two cells (a table)."""
    labelled: dict[str, str] = {}
    own: dict[str, list[tuple[str, str]]] = {"policy": [], "deadlines": []}
    for row in rows:
        filled = [text for text in row if text.strip()]
        if len(filled) > 2:
            return None
        if len(filled) == 2 and row[0].strip():
            label = " ".join(row[0].casefold().split()).rstrip(":")
            keyed = _KEYED.match(label)
            if keyed is not None:
                own[_KEYED_FIELDS[keyed["kind"]]].append((keyed["key"], filled[1].strip()))
            else:
                labelled.setdefault(label, filled[1])
    organisation = labelled.get("organisation")
    known = [label for label in labelled if label in _LABELS]
    if not organisation or not known:
        return None
    facts = facts_from_lines([f"{label}: {labelled[label]}" for label in known], organisation)
    return replace(
        facts,
        markdown=labelled.get(_COMMENTARY_WRITTEN_IN, "").casefold().startswith("markdown"),
        policy=tuple(own["policy"]),
        deadlines=tuple(own["deadlines"]),
        complaints_log=labelled.get("complaints log"),
    )


def word_facts(document: Any, publisher: str | None) -> Facts:
    """The facts in a Word document's paragraphs outside its tables; the organisation is the
    paragraph in the Subtitle style."""
    lines: list[str] = []
    subtitle: str | None = None
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        style = paragraph.style.name if paragraph.style is not None else ""
        if style == "Subtitle" and subtitle is None:
            subtitle = text
        elif text:
            lines.append(text)
    return facts_from_lines(lines, subtitle, publisher)


#: Type larger than this is a mark across the page (a draft's DRAFT, printed behind the tables),
#: not the form's words: a form's title is printed at about 20 points.
LARGEST_TYPE = 72.0


def form_text(thing: dict[str, Any]) -> bool:
    """False for a character of a mark across the page; a PDF page's `filter` keeps the rest."""
    return thing.get("object_type") != "char" or float(thing.get("size", 0)) <= LARGEST_TYPE


def pdf_facts(pdf: Any, publisher: str | None) -> Facts:
    """The facts on a PDF's first page: a line whose label is in bold ("**Assessed on** 20 May 2025",
    as a form's list of facts prints), and the organisation on the line under the title (the
    line in the largest type)."""
    if not pdf.pages:
        return Facts()
    lines = pdf.pages[0].filter(form_text).extract_text_lines(return_chars=True)
    labelled: list[str] = []
    for line in lines:
        chars = line.get("chars") or []
        bold = 0
        while bold < len(chars) and "bold" in str(chars[bold].get("fontname", "")).casefold():
            bold += 1
        # The line's text has the spaces its characters do not: the label is its first `bold` letters.
        text = str(line.get("text", ""))
        cut, seen = 0, 0
        while cut < len(text) and seen < bold:
            seen += not text[cut].isspace()
            cut += 1
        label, value = text[:cut].strip().rstrip(":"), text[cut:].strip()
        labelled.append(f"{label}: {value}" if bold and label and value else text)
    sizes = [
        round(max((char.get("size", 0) for char in line.get("chars") or []), default=0), 1) for line in lines
    ]
    # The organisation is printed under the title, the next size down: each runs over as many
    # lines as it needs.
    after = sizes.index(max(sizes)) if sizes else 0
    while after < len(lines) and sizes[after] == max(sizes):
        after += 1
    under = [str(line.get("text", "")) for line, size in zip(lines[after:], sizes[after:], strict=True)]
    count = (
        next((n for n, size in enumerate(sizes[after:]) if size != sizes[after]), len(under)) if under else 0
    )
    organisation = " ".join(under[:count]) or None
    return facts_from_lines(labelled, organisation, publisher)
