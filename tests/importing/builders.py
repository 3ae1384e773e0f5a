"""Documents for the import tests, built here from the repository's own transcriptions: the
five-column form Westminster published (the Code's text, Westminster's answers, evidence and
commentary), and the Policy and Scrutiny Committee's tracker, as Word, Excel, CSV and TSV.

A table is a list of rows of cell texts. In a cell, each line is a paragraph and a line starting
"- " is a bulleted one. `None` is a place covered by the cell to its left (merged across);
`Table.down` lists the places covered by the cell above (merged down).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
#: Westminster's policy scrutiny tracker's columns, as it prints them.
WCC_HEADER = (
    "Item",
    "Recommendation Information Action",
    "Detail",
    "Political Lead and Officer Lead",
    "Status",
    "Response",
)
FORM_HEADER = ["Code provision", "Code requirement", "Comply?", "Evidence", "Commentary / explanation"]


@dataclass
class Table:
    rows: list[list[Any]]
    down: set[tuple[int, int]] = field(default_factory=set)  # (row, column) merged with the cell above
    headers: int = 1  # how many rows at the top are the header (not content)
    title: str | None = None  # a paragraph above the table in Word (not read by the import)

    def runs_down(self) -> list[tuple[tuple[int, int], int]]:
        """Each cell merged down: its first place, and the last row it covers."""
        runs = []
        for r, c in sorted(self.down):
            if (r - 1, c) not in self.down:
                end = r
                while (end + 1, c) in self.down:
                    end += 1
                runs.append(((r - 1, c), end))
        return runs

    def content(self) -> list[Any]:
        """Every non-empty cell below the header, counted once."""
        return [
            text
            for r, row in enumerate(self.rows[self.headers :], start=self.headers)
            for c, text in enumerate(row)
            if text and (r, c) not in self.down
        ]


def _load(path: str) -> dict:
    return yaml.safe_load((REPO / path).read_text(encoding="utf-8"))


def _lines(markdown: str) -> str:
    """Markdown paragraphs as a cell's paragraphs, one to a line."""
    return "\n".join(line for line in markdown.splitlines() if line.strip())


def _unwrapped(markdown: str) -> str:
    """Markdown wrapped by hand as a cell's paragraphs: one to a line, each list item on its own."""
    lines: list[str] = []
    for block in markdown.split("\n\n"):
        items: list[str] = []
        for line in block.splitlines():
            if line.strip().startswith("- ") or not items:
                items.append(line.strip())
            else:
                items[-1] += " " + line.strip()
        lines += [item for item in items if item]
    return "\n".join(lines)


def _split(text: str, after: str) -> tuple[str, str]:
    """`text` cut after the words `after`, as a page break cuts a cell."""
    at = text.index(after) + len(after)
    return text[:at].strip(), text[at:].strip()


def westminster() -> dict:
    return _load("assessments/westminster-2024.yaml")


def westminster_form() -> list[Table]:
    """Westminster's self-assessment as the five-column form, one table per section, with a
    section-title row merged across each, rows split as page breaks split them, and merged cells."""
    code = _load("codes/hos-chc-2024.yaml")
    data = westminster()
    register = data["evidence"]
    tables: list[Table] = []
    for section in code["sections"]:
        table = Table(
            [list(FORM_HEADER), [f"Section {section['number']}: {section['title']}", None, None, None, None]]
        )
        for provision in section["provisions"]:
            number = provision["number"]
            requirement = _lines(provision["text"])
            if provision.get("items"):
                requirement += "\n" + "\n".join(
                    f"{item['label']}) {item['text']}" for item in provision["items"]
                )
            response = data["responses"][number]
            evidence = "\n".join(register[key]["title"] for key in response.get("evidence", []))
            commentary = _lines(response.get("commentary") or "")
            row: list[str | None] = [number, requirement, response["answer"], evidence, commentary]
            if number == "1.6":  # a page break inside a sentence, and the next page a new table
                req, req_rest = _split(
                    requirement, "Where landlords ask for wider feedback about their services, they also"
                )
                com, com_rest = _split(commentary, "find information on how to complain about")
                table.rows.append([number, req, response["answer"], evidence, com])
                tables.append(table)
                table = Table([list(FORM_HEADER), ["", req_rest, "", "", com_rest]])
                continue
            if number == "2.2":  # split inside a bulleted line; the number cell merged down over both
                req, req_rest = _split(requirement, "such as the Claim Form and")
                first, second = evidence.split("\n")
                table.rows.append([number, req, response["answer"], first, commentary])
                table.rows.append(["", req_rest, "", second, ""])
                table.down.add((len(table.rows) - 1, 0))
                continue
            if number == "3.4":  # split between two bullets
                com, com_rest = _split(commentary, "- A full PDF version on the website")
                table.rows.append([number, requirement, response["answer"], evidence, com])
                table.rows.append(["", "", "", "", com_rest])
                continue
            if number == "4.3":  # split between two paragraphs
                com, com_rest = _split(
                    commentary,
                    "regular refresher sessions are scheduled focussing on specific elements of this.",
                )
                table.rows.append([number, requirement, response["answer"], evidence, com])
                table.rows.append(["", "", "", "", com_rest])
                continue
            table.rows.append(row)
            if number == "1.5":  # 1.4 and 1.5 share one "Yes" and one Evidence cell, merged down
                table.down |= {(len(table.rows) - 1, 2), (len(table.rows) - 1, 3)}
        tables.append(table)
    return tables


def wcc_tracker() -> list[Table]:
    """The Policy and Scrutiny Committee's tracker in its own six columns, an Item cell merged down
    over the rows of the same item, two rows split by page breaks as the published tracker splits them."""
    code = _load("codes/wcc-policy-scrutiny-2023.yaml")
    data = _load("assessments/wcc-policy-scrutiny-2023.yaml")
    kinds = {"information-request": "Information", "recommendation": "Recommendation", "action": "Action"}
    header = list(WCC_HEADER)
    table = Table([header])
    for section in code["sections"]:
        for provision in section["provisions"]:
            number = provision["number"]
            response = data["responses"][number]
            item = section["title"] + (f" {provision['raised_on']}" if provision.get("raised_on") else "")
            row: list[str | None] = [
                item,
                kinds[provision["kind"]],
                " ".join(provision["text"].split()),
                response["lead"],
                response["answer"],
                " ".join(response["commentary"].split()),
            ]
            if table.rows[-1][0] == item and len(table.rows) > 1:
                table.down.add((len(table.rows), 0))  # the same item as the row above: one cell
            if number == "5":  # the response runs on to the next page
                response_text, rest = _split(row[5], "as part of the new Allocations Scheme as")
                table.rows.append([*row[:5], response_text])
                table.rows.append(["", "", "", "", "", rest])
            elif number == "11":  # the detail and the lead run on; the Item printed again
                detail, detail_rest = _split(row[2], "directly adversely")
                lead, lead_rest = _split(row[3], "Cabinet Member for Housing Services")
                table.rows.append([row[0], row[1], detail, lead, row[4], row[5]])
                table.rows.append([item, "", detail_rest, lead_rest, "", ""])
            else:
                table.rows.append(row)
    return [table]


def oxfordshire_tracker() -> list[tuple[str, Table]]:
    """Oxfordshire's tracker as a workbook: the Recommendation Tracker (meeting dates as Excel dates,
    the answer and the response in one Update/response cell) and the Recommendation Update Tracker,
    each on a sheet of its own, with a title above the header and an item's date, name and lead
    merged down over its rows."""
    from datetime import datetime

    code = _load("codes/oxfordshire-pcs-scrutiny-2024.yaml")
    data = _load("assessments/oxfordshire-pcs-scrutiny-2024.yaml")
    tracker = Table(
        [
            ["Recommendation Tracker", None, None, None, None],
            ["Meeting date", "Item", "Recommendation", "Lead", "Update/response"],
        ],
        headers=2,
    )
    updates = Table(
        [
            ["Recommendation Update Tracker", None, None, None, None],
            ["Cabinet Response Date", "Item", "Recommendation", "Lead", "Update"],
        ],
        headers=2,
    )
    for section in code["sections"]:
        dated = section["provisions"][0].get("raised_on")
        table = tracker if dated else updates
        first = len(table.rows)
        for provision in section["provisions"]:
            response = data["responses"][provision["number"]]
            commentary = "\n".join(
                " ".join(p.split()) for p in (response.get("commentary") or "").split("\n\n")
            )
            update = "\n".join(part for part in (response.get("answer"), commentary) if part)
            text = " ".join(provision["text"].split())
            if dated:
                day = datetime.strptime(dated, "%d-%b-%y")
                text = f"{provision['display_number']}. {text}"
            else:
                day = datetime(2024, 3, 19)
            row = [day, provision["heading"], text, response.get("lead") or "", update]
            if provision["number"] == "2024-11-15.asset-transfer.2":  # runs on to the next page
                text, rest = _split(
                    text, "a quarterly report/update summarising recent events and developments with"
                )
                table.rows.append([*row[:2], text, *row[3:]])
                table.rows.append(["", "", rest, "", ""])
            else:
                table.rows.append(row)
        for r in range(first + 1, len(table.rows)):  # the item's date, name and lead: one cell each
            table.down |= {(r, 0), (r, 1), (r, 3)}
    return [("Recommendation Tracker", tracker), ("Update Tracker", updates)]


FOW_HEADER = [
    "",
    "Recommendation",
    "Recommended response (Work in progress/agree/consider in more detail/note/reject)",
    "Comments/outline response",
    "Lead Directorate",
    "Supporting Directorate",
]
#: Rows that share one response cell, merged down over them, as the document prints them.
FOW_SHARED = [("energy.17", "energy.18"), ("energy.20", "energy.22"), ("energy.27", "energy.28")]


def future_of_westminster() -> list[Table]:
    """The Future of Westminster Commission's recommendations and the council's responses: one
    table for each of the four parts, its title above it, numbering that starts again at 1 in
    each part, a theme row merged across above each theme's first recommendation, and a response
    cell merged down over the rows that share it."""
    code = _load("codes/future-of-westminster-2023.yaml")
    data = _load("assessments/future-of-westminster-2023.yaml")
    tables = []
    for section in code["sections"]:
        table = Table([list(FOW_HEADER)], title=section["title"])
        theme = None
        rows: dict[str, int] = {}
        for provision in section["provisions"]:
            if provision.get("heading") and provision["heading"] != theme:
                theme = provision["heading"]
                table.rows.append([theme, None, None, None, None, None])
            response = data["responses"][provision["number"]]
            text = " ".join(provision["text"].replace("*", "").split())
            rows[provision["number"]] = len(table.rows)
            table.rows.append(
                [
                    f"{provision['display_number']}.",
                    "" if text == "[…]" else text,  # its words are lost: the cell is empty
                    response.get("answer") or "",
                    _unwrapped(response.get("commentary") or ""),
                    response.get("lead") or "",
                    ", ".join(response.get("supporting") or []),
                ]
            )
        for first, last in FOW_SHARED:
            if first in rows:
                table.down |= {(r, 3) for r in range(rows[first] + 1, rows[last] + 1)}
        tables.append(table)
    return tables


NORWICH_HEADER = [
    "Ref",
    "Priority Actions",
    "Lead Officer",
    "Start",
    "Finish",
    "Current Status Green Amber",
    "Link to supporting recommendation (Identified in Audit Commission Recommendation R1 –R6 or HQN "
    "report / consultants plan)",
    "Related priority action & supporting Lead Officers",
    "Link to supporting action plan",
]
_THEME_LINK = "(link to latest checkpoint report for this work theme to go here)"
#: Annex A's rows in the order printed: a theme ("A | TITLE"), a sub-heading ("| TITLE"), or an
#: action by its ref. A ref printed twice is told apart by the provision it is under ("В.@R3"),
#: and a row whose ref was lost by its provision alone ("@R6").
NORWICH_ORDER = """
A | CONSULTATION, ENGAGEMENT AND VISION WORK AREA/THEME
| CONSULTATION FRAMEWORK
A.1 A.2 A.3 A.4 A.5 A22
| BLUE PRINT/ VISION FOR THE SERVICE
A.6 A.7 A.8 A.9 A.10 A.11 A.12 A.13 A.14 A.15 A.16 A.17 A.18 A.19 A.20 A.21
B | SERVICE ACCESS AND DELIVERY WORK AREA/THEME
| SERVICE ACCESS
B.1 B.2 B.3 B.4 D.5 B.5 B.6 B.7 В.@other
| TENANCY & ESTATE MANAGEMENT
B.: В.: В.@R3 B.12 B.13
| INCOME MANAGEMENT
B.14 B.15 B.16 B.17 B.18
| ANTISOCIAL BEHAVIOUR
B.19
| VOIDS
B.20 B.21 B.22 B.23 A.23
| CHOICE BASED LETTINGS
B.24
C | VFM WORK AREA/THEME
C.1 C.2 C.3 C.4
D | PERFORMANCE AND INFORMATION MANAGEMENT WORK AREA/THEME
C.5 D.1 D.2 D.3
E | STRUCTURES WORK AREA THEME
E.1 E.2 @R6 @other F.2 F.3 F.4 F.5
| EQUALITY & DIVERSITY WORK AREA/THEME
1 2 3
"""
_NOTE_LABELS = re.compile(r"(?:^|(?<=\.) )(Current Status|Link to supporting action plan|Link|Related): ")


def norwich() -> dict:
    return _load("assessments/norwich-housing-improvement-2009.yaml")


def norwich_note(note: str | None) -> dict[str, str]:
    """A transcribed action's note in its parts: the plan's own words beside the dates ("plan"),
    then "Current Status", "Link", "Related" and "Link to supporting action plan" as written
    (without the transcriber's remarks on how a cell was printed)."""
    pieces = _NOTE_LABELS.split(note or "")
    parts = {"plan": pieces[0]} | dict(zip(pieces[1::2], pieces[2::2], strict=True))
    cleaned = {}
    for label, text in parts.items():
        text = re.sub(r" \(printed [^)]*\)", "", text.strip())
        cleaned[label] = text[:-1] if text.endswith(".") else text
    return {label: text for label, text in cleaned.items() if text}


def norwich_plan() -> Table:
    """Annex A of the Norwich report as the plan's own nine columns, built from the transcription
    in the order printed: theme and sub-heading rows, a theme's checkpoint-report cell, two
    actions that run on to a second row (B.1's last bullet, A.5's note under its dates), notes
    beside the Finish date or across Start and Finish, names broken over two lines of one cell."""
    actions: dict[str, list[tuple[str, dict]]] = {}
    for number, response in norwich()["responses"].items():
        for action in response.get("actions") or []:
            actions.setdefault(action.get("ref") or "", []).append((number, action))
    table = Table([list(NORWICH_HEADER)])
    for line in NORWICH_ORDER.strip().splitlines():
        if "|" in line:
            letter, title = (part.strip() for part in line.split("|"))
            table.rows.append([letter, title, "", "", "", "", "", "", _THEME_LINK if letter else ""])
            continue
        for token in line.split():
            ref, _, under = token.partition("@")
            number, action = next(
                (number, action) for number, action in actions[ref] if under in ("", number)
            )
            actions[ref].remove((number, action))
            table.rows.extend(_norwich_rows(action))
    assert not any(actions.values()), "every action of the transcription is in the table"
    return table


def _norwich_rows(action: dict) -> list[list[str | None]]:
    note = norwich_note(action.get("note"))
    text = "\n".join(
        f"- {line[2:]}" if line.startswith("• ") else line for line in action["action"].splitlines()
    )
    owner = action.get("owner") or ""
    if action.get("ref") == "B.13":
        owner = owner.replace(" ", "\n")  # "Andrew" / "Wilson": one name on two lines of its cell
    if owner.startswith("Service leads/ "):
        owner = owner.replace("/ ", "/\n")
    status = note.get("Current Status", "").replace(", ", "\n")
    if action.get("rag") == "amber" and not status:
        status = "A"
    start, due = action.get("start") or "", action.get("due") or ""
    row: list[str | None] = [
        action.get("ref") or "",
        text,
        owner,
        start,
        due,
        status,
        note.get("Link", ""),
        note.get("Related", "").replace(", ", "\n"),
        note.get("Link to supporting action plan", ""),
    ]
    plan = note.get("plan", "")
    if plan and not (start or due):  # only the note, across the Start and Finish columns
        row[3:5] = [plan, None]
    elif action.get("ref") == "A.5":  # the note on a row of its own, under the dates
        return [row, ["", "", "", plan, None, "", "", "", ""]]
    elif plan:
        row[4] = f"{due}\n{plan}"
    if action.get("ref") == "B.1":  # the last bullet on the next page
        first, last = text.rsplit("\n", 1)
        return [[*row[:1], first, *row[2:]], ["", last, "", "", "", "", "", "", ""]]
    return [row]


# ------------------------------------------------------------------------------------ writers


#: The Ombudsman's form as landlords lay it out to print: landscape, ruled, its columns in these widths.
_PRINTED_WIDTHS_CM = (2.2, 7.5, 2.2, 5.0, 8.5)


def write_docx(tables: list[Table], path: Path, cover: bool = True, printed: bool = False) -> Path:
    """The tables in a Word document; `printed` lays them out as a form made to be printed or
    saved as PDF is: landscape, every cell ruled, the header row repeated on every page."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = docx.Document()
    if printed:
        section = document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        section.left_margin = section.right_margin = Cm(1.5)
    document.add_heading("Self-assessment", level=1)
    if cover:  # a table that is no table of answers, for the import to leave out
        about = document.add_table(rows=2, cols=2)
        for r, (label, value) in enumerate([("Prepared by", "Complaints team"), ("Version", "Final")]):
            about.cell(r, 0).text, about.cell(r, 1).text = label, value
    for table in tables:
        document.add_paragraph(table.title or "")
        width = len(table.rows[0])
        made = document.add_table(rows=len(table.rows), cols=width)
        for r, row in enumerate(table.rows):
            for c, text in enumerate(row):
                if text and (r, c) not in table.down:
                    _write_word_cell(made.cell(r, c), text)
        for r, row in enumerate(table.rows):
            for c, text in enumerate(row):
                if text is None:
                    start = max(i for i in range(c) if row[i] is not None)
                    made.cell(r, start).merge(made.cell(r, c))
        for (r, c), end in table.runs_down():
            made.cell(r, c).merge(made.cell(end, c))
        if printed:
            made.style = "Table Grid"
            for c, centimetres in enumerate(_PRINTED_WIDTHS_CM[:width]):
                for cell in made.columns[c].cells:
                    cell.width = Cm(centimetres)
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            made.rows[0]._tr.get_or_add_trPr().append(repeat)
    document.save(str(path))
    return path


def _write_word_cell(cell, text: str) -> None:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        if line.startswith("- "):
            paragraph.text = line[2:]
            paragraph.style = "List Bullet"
        else:
            paragraph.text = line


def _plain(text: str | None) -> str:
    """A cell's text as a spreadsheet or CSV holds it: lines, bullets as "•"."""
    return "\n".join(f"• {line[2:]}" if line.startswith("- ") else line for line in (text or "").split("\n"))


def write_xlsx(tables: list[Table], path: Path) -> Path:
    """The tables one below another on one sheet, a title above them, and a sheet of lists beside."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Self assessment"
    sheet.cell(1, 1, "Westminster City Council Self-Assessment against the Housing Ombudsman Code 2024")
    _write_sheet(sheet, tables, 3)
    notes = book.create_sheet("Lists")
    for r, value in enumerate(["Yes", "No", "Partial", "N/A"], start=1):
        notes.cell(r, 1, value)
    book.save(path)
    return path


def write_workbook(sheets: list[tuple[str, Table]], path: Path) -> Path:
    """Each table on a sheet of its own."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, table in sheets:
        _write_sheet(book.create_sheet(title), [table], 1)
    book.save(path)
    return path


def _write_sheet(sheet, tables: list[Table], top: int) -> None:
    for table in tables:
        for r, row in enumerate(table.rows):
            for c, text in enumerate(row):
                if text and (r, c) not in table.down:
                    sheet.cell(top + r, c + 1, text if not isinstance(text, str) else _plain(text))
            for c, text in enumerate(row):  # a cell merged across the places after it marked None
                if text is not None and c + 1 < len(row) and row[c + 1] is None:
                    end = c + 1
                    while end + 1 < len(row) and row[end + 1] is None:
                        end += 1
                    sheet.merge_cells(
                        start_row=top + r, start_column=c + 1, end_row=top + r, end_column=end + 1
                    )
        for (r, c), end in table.runs_down():
            sheet.merge_cells(start_row=top + r, start_column=c + 1, end_row=top + end, end_column=c + 1)
        top += len(table.rows) + 1


def _above(table: Table, r: int, c: int) -> str | None:
    while (r, c) in table.down:
        r -= 1
    return table.rows[r][c]


def write_delimited(tables: list[Table], path: Path, delimiter: str) -> Path:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, delimiter=delimiter)
        for table in tables:
            for r, row in enumerate(table.rows):
                texts = []
                for c, text in enumerate(row):
                    texts.append(_plain(text if (r, c) not in table.down else _above(table, r, c)))
                writer.writerow(texts)
    return path


REFERENCE_CODES = REPO / "tests" / "codes" / "reference"


def slough_2022_form() -> list[Table]:
    """Slough's 2022 self-assessment (the rows its stored pages give), as a four-column form:
    Code section, Code requirement, Comply, Evidence, commentary and any explanations."""
    text = (REFERENCE_CODES / "slough-hos-chc-2022-self-assessment.txt").read_text(encoding="utf-8")
    header = ["Code section", "Code requirement", "Comply", "Evidence, commentary and any explanations"]
    table = Table([header])
    row = re.compile(
        r"Code section (\d+\.\d+)\n\nCode requirement\n\n(.*?)\n\nComply\n\n(.*?)\n\n"
        r"Evidence, commentary and any explanations\n\n(.*?)(?=\n\nCode section |\n\n# ---|\n\nSection |\Z)",
        re.DOTALL,
    )
    for number, requirement, answer, commentary in row.findall(text):
        table.rows.append([number, requirement.strip(), answer.strip(), commentary.strip()])
    return [table]


def bassetlaw_lgsco_form() -> list[Table]:
    """Bassetlaw's LGSCO self-assessment (the sections its stored page gives), answered a section
    at a time: Code section, Action, Do we follow the Code: Yes/No, Explanations and Commentary."""
    text = (REFERENCE_CODES / "bassetlaw-lgsco-chc-self-assessment.txt").read_text(encoding="utf-8")
    header = ["Code section", "Action", "Do we follow the Code: Yes/No", "Explanations and Commentary"]
    table = Table([header])
    row = re.compile(
        r"^(\d): ([^\n]+)\n\n(.*?)\n\n(Yes|No|Partial)\n\n(.*?)(?=\n\n\d: |\Z)", re.DOTALL | re.MULTILINE
    )
    for number, title, action, answer, commentary in row.findall(text):
        table.rows.append([f"{number}: {title.strip()}", action.strip(), answer, commentary.strip()])
    return [table]
