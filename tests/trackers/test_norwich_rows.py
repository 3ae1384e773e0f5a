"""Norwich City Council's Housing Improvement Plan (2009): no row of the source is lost in the YAML.

The source is the text extracted from the council's Scrutiny Committee report of 16 July 2009
(its Annex A is the plan). It is a reference document kept beside the repository, not in it; where
it is absent these tests are skipped.

How the action rows of Annex A are counted, and why the count is right
-----------------------------------------------------------------------
The extraction keeps the table's columns apart with tabs: Ref, Priority Action, Lead Officer,
Start, Finish, then status, link and related officers. A table row is one line that starts it
(the Ref cell is filled) followed by continuation lines (the Ref cell is empty). So:

1. A line of Annex A is a row start when its Ref cell looks like a ref, and it is not a heading.
   A ref is a letter A-F (or the Greek and Cyrillic capitals the extraction put in their place,
   "Α", "В", "С") with an optional dot and a number or a lost number (":" or nothing), such as
   "A.1", "A22", "B.:", "В.", "D.5"; or a bare number (the Equality & Diversity rows 1 to 3).
   Theme headings also have a letter in the Ref cell, but their next cell is in capitals
   ("CONSULTATION, ENGAGEMENT AND VISION WORK AREA/THEME"); a row's action never is. A row start
   with an empty action ("В." with only an owner and dates) is still a row.
2. A row start whose ref and Start date repeat an earlier row start is the same row printed again
   by the extraction, not a new row. It happens once: the second "E.2", with E.2's text, owner,
   dates and link.
3. A Start cell that holds two dates ("1/10/09 3/11/09" in that second "E.2") holds the start of
   a second row, whose ref was lost. Each extra date is one more row.
4. Every theme heading ends with the cell "(link to latest checkpoint report for this work theme".
   A line after a heading and before that theme's first row start cannot continue a row of the
   previous theme (the heading stands between them) nor of this one (none has started), so if it
   carries action text and a Lead Officer it is a row whose ref was lost. It happens once: the
   first row of the Staff Training theme ("... service carry out full staff skills audit ...",
   "Spalding"), whose heading survives only as that cell.

Rules 1-4 account for every line of Annex A: each other line has an empty Ref cell and follows a
row start (a continuation), or is a heading or sub-heading (capitals), or is blank.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from selfassess.cli import main

REPO = Path(__file__).parents[2]
SOURCE = Path(__file__).parent / "reference" / "norwich-housing-improvement-plan-2009.txt"
CODE = "codes/norwich-housing-improvement-2009.yaml"
ASSESSMENT = "assessments/norwich-housing-improvement-2009.yaml"

REF = re.compile(r"[A-F\u0391\u0412\u0421]\.?(?:\d+|:)?|\d+")
DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2}\b")
THEME_MARK = "(link to latest checkpoint report for this work theme"

#: Lead Officer cells the extraction split between two rows or ran into a neighbour's: ref ->
#: (as printed on the row's own lines, as transcribed). D.5's "Andrew" / "Wilson" fell one on its
#: line and one on B.5's; E.2's line starts with "Massey", the end of E.1's "Jerry" / "Massey".
SPLIT_OWNERS = {
    "D.5": ("Andrew", "Andrew Wilson"),
    "B.5": ("Wilson", "Andrew Wilson"),
    "E.2": ("Massey Jerry Massey", "Jerry Massey"),
}

#: Every action in the plan. Pinned so that the source and the YAML cannot drift together.
ROWS = 67


def _source_lines() -> list[str]:
    text = SOURCE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(text) if line.startswith("Annex A"))
    end = next(i for i, line in enumerate(text) if line.startswith("Timescales for AC recommendations"))
    return text[start + 1 : end]


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("\t")] + [""] * 9


def _is_heading(cells: list[str]) -> bool:
    return bool(cells[1]) and cells[1].isupper()


def _is_row_start(cells: list[str]) -> bool:
    return bool(REF.fullmatch(cells[0])) and not _is_heading(cells)


def _first_date(cell: str) -> str | None:
    found = DATE.search(cell)
    return found[0] if found else None


def source_rows() -> list[dict]:
    """The action rows of Annex A, by rules 1-4 above: ref, owner, start and due as printed."""
    rows: list[dict] = []
    seen: set[tuple[str, str | None]] = set()
    current: dict | None = None  # the row whose continuation lines we are reading
    after_heading = False  # rule 4: between a theme heading and the theme's first row start
    for line in _source_lines():
        if not line.strip():
            continue
        cells = _cells(line)
        if _is_row_start(cells):
            after_heading = False
            start_dates = DATE.findall(cells[3])
            key = (cells[0], start_dates[0] if start_dates else None)
            if key in seen:  # rule 2: the same row printed again
                current = None
            else:
                seen.add(key)
                current = {
                    "ref": cells[0],
                    "owner": cells[2],
                    "start": key[1],
                    "due": _first_date(cells[4]),
                }
                rows.append(current)
            for extra in start_dates[1:]:  # rule 3: a second row's start, its ref lost
                rows.append({"ref": None, "owner": None, "start": extra, "due": None, "lost": "date"})
        elif THEME_MARK in line or _is_heading(cells):
            current = None
            after_heading = THEME_MARK in line
        elif after_heading and cells[1] and cells[2]:  # rule 4
            rows.append(
                {
                    "ref": None,
                    "owner": cells[2],
                    "start": None,
                    "due": None,
                    "lost": "heading",
                    "text": cells[1],
                }
            )
            current = None
        elif current is not None and cells[2]:
            current["owner"] = f"{current['owner']} {cells[2]}".strip()
    return rows


def yaml_actions() -> list[tuple[str, dict]]:
    data = yaml.safe_load((REPO / ASSESSMENT).read_text(encoding="utf-8"))
    return [
        (number, action) for number, response in data["responses"].items() for action in response["actions"]
    ]


def test_every_row_of_the_plan_is_an_action():
    rows = source_rows()
    actions = yaml_actions()
    assert len(rows) == ROWS
    assert len(actions) == len(rows)


def test_the_rule_for_repeated_rows_fires_once_for_e2():
    lines = [_cells(line) for line in _source_lines()]
    printed = [c[0] for c in lines if _is_row_start(c)]
    kept = [row["ref"] for row in source_rows() if row["ref"] is not None]
    assert len(printed) - len(kept) == 1
    assert printed.count("E.2") == 2 and kept.count("E.2") == 1


def test_every_row_keeps_its_ref_owner_and_dates_as_printed():
    actions = [action for _, action in yaml_actions()]
    transcribed = [
        (a.get("ref"), a.get("owner"), a.get("start"), a.get("due"))
        for a in actions
        if a.get("ref") is not None
    ]
    for row in source_rows():
        if row["ref"] is None:
            continue
        printed, owner = SPLIT_OWNERS.get(row["ref"], (row["owner"], row["owner"]))
        assert row["owner"] == printed, row
        expected = (row["ref"], owner or None, row["start"], row["due"])
        assert expected in transcribed, expected
    # the refs as printed (the damaged ones too, and "В." twice, as printed), and nothing else
    refs = [row["ref"] for row in source_rows() if row["ref"] is not None]
    assert sorted(refs) == sorted(ref for ref, *_ in transcribed)


def test_rows_whose_ref_was_lost_are_there_without_one():
    unnumbered = [action for _, action in yaml_actions() if action.get("ref") is None]
    lost = [row for row in source_rows() if row["ref"] is None]
    assert len(unnumbered) == len(lost) == 2
    for row in lost:
        if row["lost"] == "date":
            assert any(a.get("start") == row["start"] and not a.get("due") for a in unnumbered), row
        else:
            assert any(
                a["owner"].endswith(row["owner"]) and row["text"] in a["action"] and not a.get("start")
                for a in unnumbered
            ), row


# --- selfassess check -------------------------------------------------------------------------


def _real_date(text: str) -> bool:
    day, month, year = (int(part) for part in text.split("/"))
    try:
        date(2000 + year, month, day)
    except ValueError:
        return False
    return True


def _action_nodes() -> list[tuple[str, str | None, int, dict[str, tuple[int, str]]]]:
    """Each action of the YAML: its provision, ref, the line of its mapping, and each field's
    line and value (refs repeat: the source prints "В." twice, so actions are told apart by line)."""
    root = yaml.compose((REPO / ASSESSMENT).read_text(encoding="utf-8"))
    responses = next(v for k, v in root.value if k.value == "responses")
    found = []
    for number, response in responses.value:
        actions = next((v for k, v in response.value if k.value == "actions"), None)
        for action in actions.value if actions is not None else []:
            fields = {k.value: (v.start_mark.line + 1, v.value) for k, v in action.value}
            ref = fields["ref"][1] if "ref" in fields else None
            found.append((number.value, ref, action.start_mark.line + 1, fields))
    return found


#: What a careful reader of the plan expects selfassess to say, other than SA503, by ref (None: the
#: row whose ref was lost): overdue on 16 July 2009 with no status (SA501), and no owner or no
#: Finish date (SA502: D.2's Lead Officer cell is empty; B.24's and F.5's Start and Finish hold a
#: note; the two rows whose ref was lost kept no Finish date).
EXPECTED_WARNINGS = {
    ("SA501", "other", "A.1"),
    ("SA501", "R6", "E.1"),
    ("SA502", "R6", "D.2"),
    ("SA502", "R6", None),
    ("SA502", "R6", "F.5"),
    ("SA502", "ACH", "B.24"),
    ("SA502", "other", None),
}


@pytest.fixture
def findings(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    status = main(["check", "--format", "json", CODE, ASSESSMENT])
    return status, json.loads(capsys.readouterr().out)["findings"]


def test_the_code_and_the_plan_load(findings):
    _, found = findings
    assert not [f for f in found if f["rule"] in ("SA001", "SA002", "SA003")]
    assert all(f["path"] == ASSESSMENT for f in found)


def test_each_impossible_date_is_sa503_at_its_line(findings):
    status, found = findings
    assert status == 1
    impossible = [
        (ref, fields[name][0])
        for _, ref, _, fields in _action_nodes()
        for name in ("start", "due")
        if name in fields and not _real_date(fields[name][1])
    ]
    assert sorted(ref for ref, _ in impossible) == sorted(["A.5", "В.", "B.18", "B.23", "C.3", "F.3"])
    reported = [f for f in found if f["rule"] == "SA503"]
    assert sorted(f["line"] for f in reported) == sorted(line for _, line in impossible)
    text = (REPO / ASSESSMENT).read_text(encoding="utf-8").splitlines()
    for finding in reported:
        assert "'31/11/09'" in finding["message"]
        assert text[finding["line"] - 1][finding["column"] - 1 :].startswith('"31/11/09"')


def test_the_impossible_dates_are_the_sources():
    printed = [_cells(line)[0] for line in _source_lines() for d in DATE.findall(line) if not _real_date(d)]
    assert sorted(printed) == sorted(["A.5", "В.", "B.18", "B.23", "C.3", "F.3"])


def test_nothing_else_is_reported(findings):
    _, found = findings
    where = {}
    for number, ref, line, fields in _action_nodes():
        where[(number, line)] = ref
        for field_line, _ in fields.values():
            where.setdefault((number, field_line), ref)
    others = {
        (f["rule"], f["provision"], where[(f["provision"], f["line"])]) for f in found if f["rule"] != "SA503"
    }
    assert others == EXPECTED_WARNINGS
    assert len([f for f in found if f["rule"] != "SA503"]) == len(EXPECTED_WARNINGS)


def test_no_action_with_a_readable_date_finishes_after_its_recommendations_timescale():
    """The plan's readable dates all fall within the Audit Commission's timescales: SA506 finds
    nothing. The six "31/11/09" cannot be judged until they are corrected, which SA503 asks for."""
    from selfassess.check.runner import CheckOptions, check_files
    from selfassess.load.codes import CodeLibrary

    path = Path(__file__).parents[2] / "assessments" / "norwich-housing-improvement-2009.yaml"
    result = check_files([(path, path.name)], CodeLibrary(), CheckOptions(use_config=False))
    assert [f for f in result.findings if f.rule == "SA506"] == []
    assert [f.rule for f in result.findings].count("SA503") == 6
