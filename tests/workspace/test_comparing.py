"""Comparing two assessments of the folder from the workspace, as `selfassess diff` compares them:
the diff's own sentences, each linked to where it stands in the editor; and the folder summarised,
as `selfassess summary` shows it, with its workbook to download."""

from __future__ import annotations

import html
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient

from selfassess.workspace.app import make_app
from selfassess.workspace.security import Keys
from tests.compare.fenbrook import FIXTURES, selfassess
from tests.workspace.conftest import ORIGIN

EXAMPLE = "assessments/example-homes-2025.yaml"
NEXT = "assessments/example-homes-2026.yaml"


def changes(page: str) -> list[tuple[str, str]]:
    """(address, sentence) of every change the page lists."""
    listed = "".join(re.findall(r'<ul class="changes">(.*?)</ul>', page, re.S))
    return [
        (html.unescape(href), html.unescape(text))
        for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', listed)
    ]


@pytest.fixture
def fenbrook(tmp_path) -> TestClient:
    folder = tmp_path / "fenbrook"
    shutil.copytree(FIXTURES, folder)
    keys = Keys.made([ORIGIN], 8765)
    client = TestClient(make_app(folder, keys), base_url=ORIGIN, headers={"origin": ORIGIN})
    client.get(f"/?token={keys.token}")
    return client


def test_the_start_page_links_to_both(client):
    page = client.get("/").text
    assert '<a href="/compare">Compare two assessments</a>' in page
    assert '<a href="/summary">See the whole folder summarised</a>' in page


def test_next_year_s_compared_with_this_year_s_says_what_changed_linked_to_the_editor(client, folder):
    client.post(
        f"/next/{EXAMPLE}",
        data={"_csrf": client.app.state.workspace.keys.csrf, "assessed_on": "2026-05-20", "save_as": NEXT},
    )
    path = folder / NEXT
    text = path.read_text(encoding="utf-8")
    at = text.index("  '5.10':")
    path.write_text(text[:at] + text[at:].replace("answer: Partial", "answer: 'Yes'", 1), encoding="utf-8")
    choose = client.get("/compare").text
    assert f'<option value="{EXAMPLE}">' in choose and f'<option value="{NEXT}">' in choose
    page = client.get("/compare", params={"old": EXAMPLE, "new": NEXT})
    assert page.status_code == 200
    listed = changes(page.text)
    assert (
        f"/edit/{NEXT}?part=5#p-5.10",
        "The answer changed from 'Partial' to 'Yes', which is better.",
    ) in listed
    assert (
        f"/edit/{NEXT}?part=details",
        "The new assessment is not approved yet; the old one was approved by Board on 12 June 2025.",
    ) in listed
    assert (
        "In all: 1 answer changed (1 better); 1 gap closed; 2 changes to the assessment&#39;s details."
        in page.text
    )


def test_every_sentence_is_the_diff_s_own(fenbrook):
    old, new = "assessments/fenbrook-2024.yaml", "assessments/fenbrook-2025.yaml"
    page = fenbrook.get("/compare", params={"old": old, "new": new}).text
    done = selfassess("diff", old, new, "--format", "json", cwd=FIXTURES)
    said = [change["message"] for change in json.loads(done.stdout)["changes"]]
    assert [sentence for _, sentence in changes(page)] == said
    removed = [href for href, sentence in changes(page) if sentence.startswith("This provision is not in")]
    assert removed and all(href.startswith(f"/edit/{old}?part=") for href in removed)  # where it was


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (EXAMPLE, EXAMPLE, "Choose two different assessments"),
        (EXAMPLE, "", "Choose both assessments"),
        (EXAMPLE, "assessments/gone.yaml", "There is no file 'assessments/gone.yaml' in this folder."),
        (
            EXAMPLE,
            "assessments/wcc-policy-scrutiny-2023.yaml",
            "answers hos-chc-2024 and assessments/wcc-policy-scrutiny-2023.yaml answers wcc-policy-scrutiny-2023, "
            "which are not versions of one code",
        ),
        (EXAMPLE, "../outside.yaml", "climbs out of the folder"),
    ],
)
def test_two_that_cannot_be_compared_are_refused_in_a_sentence(client, old, new, said):
    page = client.get("/compare", params={"old": old, "new": new})
    assert page.status_code == 422
    assert said in html.unescape(page.text)
    assert "Traceback" not in page.text


def test_the_later_given_first_is_offered_the_other_way_round(fenbrook):
    page = fenbrook.get(
        "/compare", params={"old": "assessments/fenbrook-2025.yaml", "new": "assessments/fenbrook-2024.yaml"}
    )
    assert page.status_code == 422
    assert "a later version than fenbrook-standards-2024" in page.text
    swap = html.unescape(re.search(r'<a href="([^"]+)">Compare them the other way round', page.text).group(1))
    assert fenbrook.get(swap).status_code == 200


def test_the_folder_summarised_as_summary_shows_it(fenbrook):
    page = fenbrook.get("/summary")
    assert page.status_code == 200
    assert "2 assessments from 5 files checked" in page.text
    assert '<link rel="stylesheet" href="/summary.css">' in page.text
    assert "<style>" not in page.text  # the workspace forbids inline style: its sheet is served
    done = selfassess("summary", "assessments", "codes", "--format", "html", "-o", "-", cwd=FIXTURES)
    standalone = done.stdout
    body = standalone[standalone.index("<main>") + len("<main>") : standalone.index("</main>")]
    assert body.strip() in page.text  # the same sections, word for word
    style = fenbrook.get("/summary.css")
    assert style.headers["content-type"].startswith("text/css") and ".tone-met" in style.text


def test_the_workbook_downloads_with_a_sheet_per_view(fenbrook):
    got = fenbrook.get("/summary.xlsx")
    assert got.status_code == 200
    assert got.headers["content-disposition"].startswith('attachment; filename="fenbrook-summary.xlsx"')
    book = load_workbook(io.BytesIO(got.content))
    assert book.sheetnames == ["Provisions", "Findings", "Assessments", "Year on year", "Unreadable files"]
    rows = list(book["Assessments"].iter_rows(values_only=True))
    assert sorted(row[1] for row in rows[1:]) == [
        "assessments/fenbrook-2024.yaml",
        "assessments/fenbrook-2025.yaml",
    ]
    years = list(book["Year on year"].iter_rows(values_only=True))
    assert years[1][0] == "Fenbrook Homes"


def test_a_folder_with_a_file_that_cannot_be_read_is_still_summarised(client, folder: Path):
    (folder / "assessments/broken.yaml").write_text(
        "code: hos-chc-2024\norganisation: [x\n", encoding="utf-8"
    )
    page = client.get("/summary")
    assert page.status_code == 200
    assert "Files that could not be read" in page.text and "assessments/broken.yaml" in page.text
