"""Starting next year's assessment, or one of another code, from an assessment in the folder: the
new file written beside it (never over one), its answers carried, last time's approval left out,
and the editor saying what was carried and what is left to answer."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from selfassess.compare.reading import read_assessment
from selfassess.load.codes import CodeLibrary
from selfassess.load.yaml_source import load_yaml_text
from selfassess.workspace.app import make_app
from selfassess.workspace.security import Keys
from tests.compare.fenbrook import FIXTURES, selfassess
from tests.workspace.conftest import ORIGIN
from tests.workspace.forms import form_fields

EXAMPLE = "assessments/example-homes-2025.yaml"
WESTMINSTER = "assessments/westminster-2024.yaml"


def data_of(path: Path) -> Any:
    loaded = load_yaml_text(path.read_text(encoding="utf-8"))
    assert not loaded.problems
    return loaded.data


def answers(data: Any) -> dict[str, str | None]:
    return {number: (response or {}).get("answer") for number, response in data["responses"].items()}


def unreadable(path: Path) -> list[str]:
    """What SA001 says of the file: it must read whole, against its code."""
    read = read_assessment(path, CodeLibrary())
    assert read.kind == "assessment" and read.code is not None
    return [finding.message for finding in read.unreadable]


def started_box(html: str) -> str:
    box = html.split('<div class="started"', 1)[1].split("</div>", 1)[0]
    return " ".join(re.sub(r"<[^>]+>", " ", box).replace("&#39;", "'").split())


def post_form(client: TestClient, address: str, **changed: str) -> Any:
    """The form on the page at `address`, as shown, with `changed` typed in, sent."""
    action, fields = form_fields(client.get(address).text, None)
    data = {**dict(fields), **changed}
    return client.post(action, data=data, follow_redirects=False)


def test_the_start_page_offers_both_for_each_assessment_and_neither_for_a_tracker(client):
    page = client.get("/").text
    assert f'href="/next/{EXAMPLE}"' in page
    assert f'href="/counterpart/{WESTMINSTER}?code=lgsco-chc"' in page
    assert "Start the Complaint Handling Code (Local Government and Social Care Ombudsman" in page
    assert 'href="/next/assessments/wcc-policy-scrutiny-2023.yaml"' not in page  # a tracker


def test_next_year_s_carries_every_answer_and_leaves_the_approval_out(client, folder):
    before = (folder / EXAMPLE).read_bytes()
    form = client.get(f"/next/{EXAMPLE}").text
    assert 'value="assessments/example-homes-2026.yaml"' in form  # the year in the name moved on
    assert 'value="2026-05-20"' in form  # a year after last time's
    sent = post_form(client, f"/next/{EXAMPLE}", assessed_on="2026-05-18")
    assert sent.status_code == 303
    assert sent.headers["location"] == "/edit/assessments/example-homes-2026.yaml?part=details"
    written = folder / "assessments/example-homes-2026.yaml"
    old, new = data_of(folder / EXAMPLE), data_of(written)
    assert answers(new) == answers(old)
    assert new["responses"]["6.3"] == old["responses"]["6.3"]  # commentary, evidence, actions and all
    assert "approved" in old and "approved" not in new
    assert "# approved: {by: Board, 'on': 2025-06-12}" in written.read_text(
        encoding="utf-8"
    )  # kept, as a note
    assert new["assessed_on"].isoformat() == "2026-05-18"
    assert new["code"] == "hos-chc-2024" and new["organisation"] == "Fenbrook Homes"
    assert unreadable(written) == []
    assert (folder / EXAMPLE).read_bytes() == before  # the input is never changed
    said = started_box(client.get(sent.headers["location"]).text)
    assert "Started from assessments/example-homes-2025.yaml" in said
    assert "Last time's approval (Board, 2025-06-12) is not carried" in said
    assert "The period is still last time's" in said
    assert "Every provision has an answer." in said


def test_the_message_goes_once_the_file_is_saved(client, folder):
    sent = post_form(client, f"/next/{EXAMPLE}")
    editor = client.get(sent.headers["location"]).text
    assert 'class="started"' in editor
    (folder / "assessments/example-homes-2026.yaml").open("a", encoding="utf-8").write("# saved since\n")
    assert 'class="started"' not in client.get(sent.headers["location"]).text


def test_carried_to_the_latest_version_of_its_code_as_migrate_carries_it(tmp_path):
    folder = tmp_path / "fenbrook"
    shutil.copytree(FIXTURES, folder)
    keys = Keys.made([ORIGIN], 8765)
    client = TestClient(make_app(folder, keys), base_url=ORIGIN, headers={"origin": ORIGIN})
    client.get(f"/?token={keys.token}")
    page = client.get("/next/assessments/fenbrook-2024.yaml").text
    assert (
        "Fenbrook tenancy standards (Fenbrook Housing Partnership, 2026), the version that replaces" in page
    )
    sent = post_form(client, "/next/assessments/fenbrook-2024.yaml", assessed_on="2024-05-20")
    assert sent.headers["location"] == "/edit/assessments/fenbrook-2025-2.yaml?part=details"  # 2025 exists
    done = selfassess(
        "migrate",
        "assessments/fenbrook-2024.yaml",
        "--to",
        "fenbrook-standards-2026",
        "-o",
        "assessments/by-command.yaml",
        cwd=folder,
    )
    assert done.returncode == 0, done.stderr
    by_command = (folder / "assessments/by-command.yaml").read_text(encoding="utf-8")
    by_page = (folder / "assessments/fenbrook-2025-2.yaml").read_text(encoding="utf-8")
    assert data_of(folder / "assessments/fenbrook-2025-2.yaml") == data_of(
        folder / "assessments/by-command.yaml"
    )
    changed = [
        line
        for line in difflib.unified_diff(by_command.splitlines(), by_page.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    # Line for line the same, but for what the header says is still last time's: the date was given.
    assert changed == [
        "-# What it says of last time is still here: update assessed_on and period.",
        "+# What it says of last time is still here: update period.",
    ]
    said = started_box(client.get(sent.headers["location"]).text)
    assert "to fenbrook-standards-2026, the version that replaces fenbrook-standards-2024" in said
    listed = (
        client.get(sent.headers["location"]).text.split('<ul class="left-to-answer">')[1].split("</ul>")[0]
    )
    left = re.findall(r'part=[^#"]+#p-([^"]+)"', listed)
    written = answers(data_of(folder / "assessments/fenbrook-2025-2.yaml"))
    assert left == [number for number, answer in written.items() if not answer]
    assert "3.3" in left  # new in 2026's standards


def test_an_existing_file_is_never_written_over(client, folder):
    before = (folder / WESTMINSTER).read_bytes()
    sent = post_form(client, f"/next/{EXAMPLE}", save_as=WESTMINSTER)
    assert sent.status_code == 422
    assert (
        "'assessments/westminster-2024.yaml' already exists; choose another name "
        "(nothing is ever written over)." in sent.text.replace("&#39;", "'")
    )
    assert (folder / WESTMINSTER).read_bytes() == before
    assert 'value="assessments/westminster-2024.yaml"' in sent.text  # what was typed is kept


@pytest.mark.parametrize(
    ("changed", "said"),
    [
        ({"assessed_on": "31/11/25"}, "'31/11/25' is not a date selfassess can read"),
        ({"assessed_on": ""}, "Give the date the new assessment speaks for"),
        ({"save_as": ""}, "Give the name of the new file"),
        ({"save_as": "../elsewhere.yaml"}, "climbs out of the folder"),
    ],
)
def test_what_the_form_cannot_use_is_said_in_a_sentence(client, folder, changed, said):
    files = sorted(folder.rglob("*.yaml"))
    sent = post_form(client, f"/next/{EXAMPLE}", **changed)
    assert sent.status_code == 422
    assert said in sent.text.replace("&#39;", "'")
    assert sorted(folder.rglob("*.yaml")) == files


def test_the_councils_code_started_from_the_housing_one_carries_equal_requirements(client, folder):
    form = client.get(f"/counterpart/{WESTMINSTER}?code=lgsco-chc").text
    assert 'value="assessments/westminster-2024-lgsco-chc.yaml"' in form
    sent = post_form(client, f"/counterpart/{WESTMINSTER}?code=lgsco-chc")
    assert sent.status_code == 303
    written = folder / "assessments/westminster-2024-lgsco-chc.yaml"
    new, housing = data_of(written), data_of(folder / WESTMINSTER)
    assert new["code"] == "lgsco-chc" and new["counterpart"] == "westminster-2024.yaml"
    assert "approved" not in new
    found = CodeLibrary().find("lgsco-chc", folder)
    assert found is not None and found.code is not None
    equal = {
        number: link.provision
        for number, provision in found.code.provisions.items()
        for link in provision.corresponds
        if link.code == "hos-chc-2024" and link.relation == "equal"
    }
    carried = {number for number, answer in answers(new).items() if answer}
    assert carried and carried <= set(equal)
    for number in carried:
        assert new["responses"][number]["answer"] == housing["responses"][equal[number]]["answer"]
    assert unreadable(written) == []
    editor = client.get(sent.headers["location"]).text
    said = started_box(editor)
    assert f"Carried {len(carried)} answers from {WESTMINSTER}, where lgsco-chc asks the same" in said
    left = [number for number, answer in answers(new).items() if not answer]
    assert f"{len(left)} provisions left to answer" in said
    for number in left:
        assert f'#p-{number}">{number}</a>' in editor
    assert "Related answers to weigh" in said


def test_a_code_that_is_not_a_counterpart_is_refused_in_a_sentence(client, folder):
    page = client.get(f"/counterpart/{WESTMINSTER}?code=hos-chc-2022")
    assert page.status_code == 404
    assert "No code here names the provisions of hos-chc-2024 as its own" in page.text


def test_a_file_that_cannot_be_read_whole_is_not_carried(client, folder):
    path = folder / EXAMPLE
    path.write_text(path.read_text(encoding="utf-8").replace("assessed_on: 2025-05-20", "assessed_on: [x"))
    page = client.get(f"/next/{EXAMPLE}")
    assert page.status_code == 422
    assert "cannot be read whole, so nothing is carried from it" in page.text


def test_an_assessment_answered_a_section_at_a_time_is_carried_a_section_at_a_time(client, folder):
    made = client.post(
        "/new",
        data={
            "_csrf": client.app.state.workspace.keys.csrf,
            "code": "lgsco-chc",
            "organisation": "Anytown Council",
            "assessed_on": "2025-06-01",
            "save_as": "assessments/anytown-2025.yaml",
        },
        follow_redirects=False,
    )
    assert made.status_code == 303
    path = folder / "assessments/anytown-2025.yaml"
    text = path.read_text(encoding="utf-8")
    assert "answered_per: section" in text
    started = data_of(path)["responses"]
    assert list(started) == [str(number) for number in range(1, 10)]  # a section at a time, as `new` writes
    assert unreadable(path) == []
    text = re.sub(r"answer:[^\n]*", "answer: 'Yes'", text, count=1)  # section 1, answered
    path.write_text(text, encoding="utf-8")
    sent = post_form(client, "/next/assessments/anytown-2025.yaml")
    assert sent.headers["location"] == "/edit/assessments/anytown-2026.yaml?part=details"
    written = folder / "assessments/anytown-2026.yaml"
    carried = answers(data_of(written))
    assert carried["1"] == "Yes" and not any(carried[number] for number in carried if number != "1")
    assert unreadable(written) == []
    said = started_box(client.get(sent.headers["location"]).text)
    assert "Carried 1 response from assessments/anytown-2025.yaml" in said
    assert f"{len(carried) - 1} sections left to answer" in said
