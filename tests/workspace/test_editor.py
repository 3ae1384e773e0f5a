"""The editor over HTTP, as a browser without JavaScript uses it: every part of every bundled
assessment shown, saved untouched without a byte changing, edited, checked live, and saved."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import quote

import pytest

from selfassess.load.codes import CodeLibrary
from selfassess.load.yaml_source import load_yaml_text
from selfassess.workspace.start_view import code_choices
from tests.workspace.conftest import REPO, git
from tests.workspace.forms import as_data, form_fields, replaced

EXAMPLE = "assessments/example-homes-2025.yaml"
ASSESSMENTS = sorted(path.relative_to(REPO).as_posix() for path in (REPO / "assessments").glob("*.yaml"))


def _parts(relative: str) -> list[str]:
    data = load_yaml_text((REPO / relative).read_text(encoding="utf-8")).data
    code = CodeLibrary().find(data["code"], REPO / "assessments").code
    return ["details", *(section.number for section in code.sections)]


def open_part(client, relative: str, part: str):
    page = client.get(f"/edit/{quote(relative)}?part={quote(part, safe='')}")
    assert page.status_code == 200, page.text
    action, fields = form_fields(page.text)
    return page, action, fields


@pytest.mark.parametrize("relative", ASSESSMENTS)
def test_saving_every_part_untouched_changes_nothing(client, folder, relative):
    """Whatever the file holds and however it is written, a page saved as shown leaves it alone."""
    before = (folder / relative).read_bytes()
    for part in _parts(relative):
        _, action, fields = open_part(client, relative, part)
        saved = client.post(action, data=as_data(fields), follow_redirects=False)
        assert saved.status_code == 303, saved.text
        assert saved.headers["location"].endswith("saved=0"), (part, saved.headers["location"])
    assert (folder / relative).read_bytes() == before


def test_an_answer_that_admits_a_shortfall_shows_sa303_beside_it_and_saves_one_line(client, folder):
    page, action, fields = open_part(client, EXAMPLE, "1")
    assert 'id="findings-p-1.2" hidden' in page.text
    typed = replaced(fields, "responses/1.2/commentary", "Further work is needed to embed this across teams.")
    live = client.post(
        f"/check/{quote(EXAMPLE)}",
        data=as_data([f for f in typed if f[0].startswith("_") or "1.2/commentary" in f[0]]),
    )
    assert live.status_code == 200
    beside = re.search(r'<div class="findings" id="findings-p-1.2">(.*?)</div>', live.text, re.S)
    assert beside is not None and "SA303" in beside.group(1) and "Further work is needed" in beside.group(1)
    assert "1 warning." in live.text
    saved = client.post(action, data=as_data(typed), follow_redirects=True)
    assert "Saved: 1 change written to assessments/example-homes-2025.yaml." in saved.text
    shown = git(folder, "diff", "-U0", "--no-color", "--", EXAMPLE)
    assert [line for line in shown.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")] == [
        "-    commentary: >-",
        "-      Our Complaints Policy uses the Code's definition of a complaint word for word.",
        "-      The same definition is on the complaints page of our website and in the",
        "-      Complaint Handling Procedure that staff use.",
        "+    commentary: Further work is needed to embed this across teams.",
    ]
    assert "SA303" in client.get(f"/edit/{quote(EXAMPLE)}?part=1").text  # and the page says so, saved


def test_a_live_check_never_writes(client, folder):
    before = (folder / EXAMPLE).read_bytes()
    _, _, fields = open_part(client, EXAMPLE, "6")
    typed = replaced(fields, "responses/6.3/answer", "Yes")
    assert client.post(f"/check/{quote(EXAMPLE)}", data=as_data(typed)).status_code == 200
    assert (folder / EXAMPLE).read_bytes() == before


def _summary(html: str) -> list[tuple[str, int]]:
    """(what the summary says of each finding, its line) as the page lists them."""
    found = re.findall(
        r'<li class="finding [a-z]+"><a href="[^"]*"><strong class="severity">(\w[\w ]*)</strong> (.*?)</a> '
        r'<span class="where">line (\d+)</span></li>',
        html,
    )
    return sorted((f"{label} {unescape(said)}", int(line)) for label, said, line in found)


def test_the_saved_file_checks_exactly_as_the_page_said(client, folder):
    from selfassess.check.runner import CheckOptions, check_file, settings_for

    _, action, fields = open_part(client, EXAMPLE, "6")
    typed = replaced(fields, "responses/6.3/answer", "YAC")
    typed = replaced(typed, "responses/6.4/commentary", "")
    typed = replaced(
        typed, "responses/6.2/commentary", "We acknowledge within 2 weeks; further work is needed."
    )
    live = _summary(client.post(f"/check/{quote(EXAMPLE)}", data=as_data(typed)).text)
    client.post(action, data=as_data(typed))
    path = folder / EXAMPLE
    found = check_file(path, EXAMPLE, CodeLibrary(), CheckOptions(), settings_for(path, CheckOptions()))
    assert len(found) >= 3
    said = sorted(
        (f"{f.severity.value.capitalize()} {f.provision + ': ' if f.provision else ''}{f.message}", f.line)
        for f in found
    )
    assert live == said
    assert _summary(client.get(f"/edit/{quote(EXAMPLE)}?part=6").text) == said


def test_a_file_with_a_field_to_fix_opens_in_the_editor_to_fix_it(client, folder):
    """Not every SA001 stops the page: a missing organisation is fixed on the page itself."""
    text = (folder / EXAMPLE).read_text(encoding="utf-8")
    (folder / EXAMPLE).write_text(
        text.replace("organisation: Fenbrook Homes", "organisation:"), encoding="utf-8"
    )
    page, action, fields = open_part(client, EXAMPLE, "details")
    assert "SA001" in page.text and 'id="editor"' in page.text
    client.post(action, data=as_data(replaced(fields, "organisation", "Fenbrook Homes")))
    assert (folder / EXAMPLE).read_text(encoding="utf-8") == text


def test_adding_an_action_a_document_and_a_waiver_without_javascript(client, folder):
    _, action, fields = open_part(client, EXAMPLE, "details")
    fields = replaced(fields, "evidence/+/title", "Complaints dashboard, March 2025")
    fields = replaced(fields, "evidence/+/url", "https://www.fenbrookhomes.example/dashboard")
    client.post(action, data=as_data(fields))
    _, action, fields = open_part(client, EXAMPLE, "1")
    fields = replaced(fields, "responses/1.4/actions/+/action", "Review the triage guidance")
    fields = replaced(fields, "responses/1.4/actions/+/owner", "Head of Complaints")
    fields = replaced(fields, "responses/1.4/actions/+/due", "2025-09-30")
    fields = replaced(fields, "responses/1.4/waive/+/rule", "SA202")
    fields = replaced(
        fields, "responses/1.4/waive/+/reason", "Reviewed every year; the date is the last review."
    )
    fields.append(("responses/1.4/evidence", "complaints-dashboard-march-2025"))
    client.post(action, data=as_data(fields))
    data = load_yaml_text((folder / EXAMPLE).read_text(encoding="utf-8")).data
    response = data["responses"]["1.4"]
    assert response["actions"] == [
        {
            "action": "Review the triage guidance",
            "owner": "Head of Complaints",
            "due": response["actions"][0]["due"],
        }
    ]
    assert str(response["actions"][0]["due"]) == "2025-09-30"
    assert response["waive"] == {"SA202": "Reviewed every year; the date is the last review."}
    assert response["evidence"][-1] == "complaints-dashboard-march-2025"
    assert data["evidence"]["complaints-dashboard-march-2025"]["title"] == "Complaints dashboard, March 2025"


def test_a_new_action_without_its_words_is_refused_keeping_what_was_typed(client, folder):
    before = (folder / EXAMPLE).read_bytes()
    _, action, fields = open_part(client, EXAMPLE, "1")
    fields = replaced(fields, "responses/1.4/actions/+/owner", "Head of Complaints")
    refused = client.post(action, data=as_data(fields))
    assert refused.status_code == 422
    assert "The new action under 1.4 needs its words" in refused.text
    assert 'value="Head of Complaints"' in refused.text
    assert (folder / EXAMPLE).read_bytes() == before


def test_removing_an_action(client, folder):
    _, action, fields = open_part(client, EXAMPLE, "6")
    data = load_yaml_text((folder / EXAMPLE).read_text(encoding="utf-8")).data
    count = len(data["responses"]["6.3"]["actions"])
    fields.append(("responses/6.3/actions/0/remove", "yes"))
    client.post(action, data=as_data(fields))
    data = load_yaml_text((folder / EXAMPLE).read_text(encoding="utf-8")).data
    assert len(data["responses"]["6.3"].get("actions", [])) == count - 1


def test_a_tracker_has_its_own_columns(client):
    page = client.get("/edit/assessments/wcc-policy-scrutiny-2023.yaml?part=2")
    assert page.status_code == 200
    assert "<legend>Status" in page.text  # the tracker's own answer column
    for label in ("Lead", "Supporting (one a line)", "Closed on", "Commentary"):
        assert f">{label}</label>" in page.text
    assert "Evidence" not in page.text.split('<h2 class="part-title">')[1].split("savebar")[0]


def test_the_start_page_lists_assessments_and_trackers_with_their_state(client):
    page = client.get("/").text
    assert "assessments/example-homes-2025.yaml" in page and "Fenbrook Homes" in page
    assert "assessments/wcc-policy-scrutiny-2023.yaml" in page and "Tracker" in page
    row = page.split(">assessments/westminster-2024.yaml<")[1].split("</tr>")[0]
    assert "72 of 72" in row and 'class="number has-errors">2<' in row


def test_starting_a_new_assessment(client, folder):
    start = client.get("/").text
    _, fields = form_fields(start, None)
    fields = [f for f in fields if f[0] in ("_csrf",)] + [
        ("code", "hos-chc-2024"),
        ("organisation", "Our Homes"),
        ("assessed_on", "2026-05-01"),
        ("save_as", "assessments/ours-2026"),
    ]
    made = client.post("/new", data=as_data(fields), follow_redirects=False)
    assert (
        made.status_code == 303
        and made.headers["location"] == "/edit/assessments/ours-2026.yaml?part=details"
    )
    text = (folder / "assessments/ours-2026.yaml").read_text(encoding="utf-8")
    assert "organisation: Our Homes" in text and "assessed_on: 2026-05-01" in text
    again = client.post("/new", data=as_data(fields))
    assert again.status_code == 422 and "already exists" in again.text


def test_a_file_that_does_not_load_opens_read_only_with_where_to_fix_it(client, folder):
    (folder / "assessments/broken.yaml").write_text(
        'code: hos-chc-2024\norganisation: X\nassessed_on: 2025-05-20\nresponses:\n  "1.2":\n    answer: "Yes\n',
        encoding="utf-8",
    )
    page = client.get("/edit/assessments/broken.yaml")
    assert page.status_code == 200
    assert "read-only" in page.text and "SA001" in page.text and 'id="editor"' not in page.text
    assert re.search(r'class="marked"><span class="number">\s+\d+</span>', page.text)
    assert "Files that cannot be read" in client.get("/").text


def test_your_own_time_limits_and_dates_are_set_and_cleared(client, folder):
    _, action, fields = open_part(client, EXAMPLE, "details")
    fields = replaced(fields, "policy/stage1-response", "2 weeks")
    fields = replaced(fields, "policy/stage2-extension", "")
    fields = replaced(fields, "deadlines/annual-submission", "10-31")
    client.post(action, data=as_data(fields))
    data = load_yaml_text((folder / EXAMPLE).read_text(encoding="utf-8")).data
    assert data["policy"]["stage1-response"] == "2 weeks" and "stage2-extension" not in data["policy"]
    assert data["deadlines"] == {"annual-submission": "10-31"}
    page = client.get(f"/edit/{quote(EXAMPLE)}?part=details").text
    assert "SA402" in page  # 2 weeks against 10 working days, found beside the details


def test_a_new_assessment_is_answered_and_published_from_the_page_alone(client, folder):
    """Done when: someone who has never seen YAML starts one, answers every provision, fixes what
    the checks find, and publishes the form and the board report, all in the page."""
    _, start = form_fields(client.get("/").text, None)
    csrf = dict(start)["_csrf"]
    made = client.post(
        "/new",
        data={
            "_csrf": csrf,
            "code": "hos-chc-2024",
            "organisation": "Our Homes",
            "assessed_on": "2026-05-01",
        },
        follow_redirects=False,
    )
    relative = "assessments/our-homes-2026.yaml"
    assert made.headers["location"] == f"/edit/{relative}?part=details"
    _, action, fields = open_part(client, relative, "details")
    for name, value in {
        "period/from": "2025-04-01",
        "period/to": "2026-03-31",
        "approved/by": "Board",
        "approved/on": "2026-06-30",
        "member_responsible": "Cllr A. Example",
        "governing_body_response": "The Board welcomed the report: see its minutes of 30 June 2026.",
        "evidence/+/title": "Complaints policy",
        "evidence/+/url": "https://www.ourhomes.example/complaints-policy",
        "evidence/+/dated": "2026-04-01",
    }.items():
        fields = replaced(fields, name, value)
    assert client.post(action, data=as_data(fields), follow_redirects=False).status_code == 303
    for part in _parts(relative.replace("our-homes-2026", "example-homes-2025"))[1:]:
        _, action, fields = open_part(client, relative, part)
        for name in [name for name, _ in fields if name.endswith("/answer")]:
            fields = replaced(fields, name, "Yes")
            fields.append((name.replace("/answer", "/evidence"), "complaints-policy"))
            fields = replaced(
                fields, name.replace("/answer", "/commentary"), "Our policy sets this out: see section 4."
            )
        assert client.post(action, data=as_data(fields), follow_redirects=False).status_code == 303
    page = client.get(f"/edit/{relative}?part=9").text
    assert "No errors or warnings." in page
    published = client.post(f"/publish/{relative}", data={"_csrf": csrf, "what": "form", "format": "html"})
    assert published.status_code == 200 and "Our Homes" in published.text
    report = client.post(f"/publish/{relative}", data={"_csrf": csrf, "what": "report", "format": "docx"})
    assert report.status_code == 200 and report.content[:2] == b"PK"
    # and the file is what `new` wrote, with the answers: every requirement comment still there
    text = (folder / relative).read_text(encoding="utf-8")
    assert text.count("# 1.2 A complaint must be defined as") == 1 and text.count("answer: 'Yes'") == 72


def test_the_start_page_offers_the_current_code_first_and_the_version_it_replaced_after() -> None:
    ids = [choice.id for choice in code_choices(CodeLibrary(), Path(__file__).parents[2])]
    assert ids[0] == "hos-chc-2024"
    assert ids.index("hos-chc-2022") > ids.index("lgsco-chc")  # superseded, after the codes in force
    assert ids.index("hos-chc-2022") < ids.index("wcc-policy-scrutiny-2023")  # trackers last
