"""A tracker rendered as the committee receives it."""

from __future__ import annotations

import re
import shutil
from html import unescape
from pathlib import Path

import docx
import pytest

from selfassess.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
CODES = Path(__file__).parents[1] / "check" / "fixtures" / "codes"


@pytest.fixture
def tracker(tmp_path, monkeypatch):
    shutil.copytree(CODES, tmp_path / "codes")
    shutil.copy(FIXTURES / "tracker-2024-06.yaml", tmp_path / "tracker.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_the_committees_columns_grouped_as_the_code_groups_them(tracker, capsys):
    assert main(["render", "tracker.yaml", "-o", "t.html"]) == 0  # a tracker needs no board approval
    html = (tracker / "t.html").read_text(encoding="utf-8")
    assert '<h2 id="group-1">Meeting of 12 December 2023</h2>' in html
    assert '<h2 id="group-2">Audit Commission recommendations</h2>' in html
    assert (
        '<tr><th scope="col">Meeting date</th><th scope="col">Item</th><th scope="col">Recommendation</th>'
        '<th scope="col">Lead</th><th scope="col">Status</th><th scope="col">Response</th></tr>'
    ) in html
    text = words(html)
    assert (
        "12 December 2023 Housing Compensations Policy Request for information 7" not in text
    )  # kind words are the tracker's
    assert "Information 7." in text and "Recommendation R1." in text


def test_rag_is_a_word_as_well_as_a_colour(tracker, capsys):
    main(["render", "tracker.yaml", "-o", "t.html"])
    html = (tracker / "t.html").read_text(encoding="utf-8")
    # open 191 days after its meeting: red, in words too
    assert '<span class="rag rag-red">In Progress</span><span class="meaning">Red</span>' in html
    assert '<span class="rag rag-green">Done</span><span class="meaning">Green</span>' in html
    assert '<span class="rag rag-amber">In Progress</span><span class="meaning">Amber</span>' in html


def test_since_the_last_edition_completed_items_are_reported_once_then_dropped(tracker, capsys):
    main(["render", "tracker.yaml", "--since", "2024-05-20", "-o", "t.html"])
    text = words((tracker / "t.html").read_text(encoding="utf-8"))
    assert "Recommendation 8." not in text  # completed on 10 April, reported in the May edition
    assert "Changes since 20 May 2024 (1 item completed before then is left out)" in text
    assert "Completed since 20 May 2024" in text  # R1, completed on 3 June, is shown this once
    main(["render", "tracker.yaml", "--since", "2024-06-10", "-o", "t.html"])
    text = words((tracker / "t.html").read_text(encoding="utf-8"))
    assert "Recommendation R1." not in text and "2 items completed before then are left out" in text


def test_the_action_plan_by_lead_overdue_first_then_by_due_date(tracker, capsys):
    main(["render", "tracker.yaml", "-o", "t.html"])
    html = (tracker / "t.html").read_text(encoding="utf-8")
    plan = html.split('<h2 id="action-plan">Action plan, by lead</h2>')[1]
    assert [lead for lead in re.findall(r"<h3>([^<]+)</h3>", plan)] == ["Andrew Wilson", "Sandra Franklin"]
    wilson = plan.split("<h3>Andrew Wilson</h3>")[1].split("</table>")[0]
    assert re.findall(r'<th scope="row">([^<]*)</th>', wilson) == [
        "B.12",
        "B.13",
        "B.14",
    ]  # overdue, by due date
    assert wilson.count("(overdue)") == 2


def test_markdown_and_word_hold_the_same_rows(tracker, capsys):
    assert main(["render", "tracker.yaml", "--format", "md", "-o", "t.md"]) == 0
    markdown = (tracker / "t.md").read_text(encoding="utf-8")
    assert markdown.count("| Meeting date | Item | Recommendation | Lead | Status | Response |") == 2
    assert "| 12 December 2023 | Housing Compensations Policy | **Information 7.**" in markdown
    assert "In Progress (Red)" in markdown
    assert main(["render", "tracker.yaml", "--format", "docx", "-o", "t.docx"]) == 0
    document = docx.Document(str(tracker / "t.docx"))
    headers = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert headers[0] == ["Meeting date", "Item", "Recommendation", "Lead", "Status", "Response"]
    rows = [row for table in document.tables[:2] for row in table.rows[1:]]
    assert len(rows) == 4
    assert [c.text for c in rows[0].cells][4] == "In Progress\nRed"


def test_a_plan_with_no_meetings_leaves_out_the_empty_columns(tracker, capsys):
    path = tracker / "codes" / "mini-tracker.yaml"
    text = re.sub(r"        (raised_on|heading): .*\n", "", path.read_text(encoding="utf-8"))
    path.write_text(text, encoding="utf-8")
    main(["render", "tracker.yaml", "-o", "t.html"])
    html = (tracker / "t.html").read_text(encoding="utf-8")
    assert "Meeting date" not in html and '<th scope="col">Item</th>' not in html


def test_an_update_with_no_status_beside_it_is_not_called_no_response(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(Path(__file__).parents[2])
    out = tmp_path / "oxfordshire.md"
    assert (
        main(["render", "assessments/oxfordshire-pcs-scrutiny-2024.yaml", "-o", str(out), "--format", "md"])
        == 0
    )
    rows = [
        line
        for line in out.read_text(encoding="utf-8").splitlines()
        if "**Recommendation 1.** That the Council clarifies" in line
    ]
    # the Cabinet's update is printed beside it: what is missing is the status, not a response
    assert len(rows) == 1 and "| No status yet (Red) | There is no change to the previously stated" in rows[0]
    assert "No response yet" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("assessment", "kept_by"),
    [
        (
            "assessments/oxfordshire-pcs-scrutiny-2024.yaml",
            "Oxfordshire County Council: Performance & Corporate Services Overview & Scrutiny Committee",
        ),
        (
            "assessments/wcc-policy-scrutiny-2023.yaml",
            "Westminster City Council: Policy and Scrutiny Committee",
        ),
        ("assessments/norwich-housing-improvement-2009.yaml", "Norwich City Council: Audit Commission"),
    ],
)
def test_the_organisation_is_named_once_under_the_title_in_every_format(
    workspace, capsys, assessment, kept_by
):
    for name in ("t.md", "t.html", "t.docx"):
        assert main(["render", assessment, "--draft", "--format", name[2:], "-o", name]) == 0
    markdown = (workspace / "t.md").read_text(encoding="utf-8")
    assert f"**{kept_by.replace('&', '&amp;')}**" in markdown.splitlines()
    html = unescape((workspace / "t.html").read_text(encoding="utf-8"))
    assert f'<p class="organisation">{kept_by}</p>' in html
    assert kept_by in [p.text for p in docx.Document(str(workspace / "t.docx")).paragraphs]
