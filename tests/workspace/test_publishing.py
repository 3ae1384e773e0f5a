"""Publishing from the page: the form and the board report, through the publish gate, whose reasons
are listed (each linked to where it is fixed) when it refuses; DRAFT when asked."""

from __future__ import annotations

from tests.publish.both_codes import COUNCIL, seed_council
from tests.workspace.forms import form_fields

EXAMPLE = "assessments/example-homes-2025.yaml"
WESTMINSTER = "assessments/westminster-2024.yaml"


def _publish(client, relative: str, **chosen: str):
    _, fields = form_fields(client.get(f"/publish/{relative}").text, None)
    return client.post(f"/publish/{relative}", data={"_csrf": dict(fields)["_csrf"], **chosen})


def test_the_form_is_published_as_a_web_page_and_a_word_document(client, folder):
    page = _publish(client, EXAMPLE, what="form", format="html")
    assert page.status_code == 200
    assert page.headers["content-disposition"].startswith('attachment; filename="example-homes-2025.html"')
    assert "<h1>Self-assessment against the Complaint Handling Code</h1>" in page.text
    word = _publish(client, EXAMPLE, what="form", format="docx")
    assert word.status_code == 200 and word.content[:2] == b"PK"
    assert sorted(path.name for path in (folder / "assessments").glob("*.html")) == []  # nothing written


def test_a_refusal_lists_the_gate_s_reasons_linked_to_where_each_is_fixed(client):
    refused = _publish(client, WESTMINSTER, what="form", format="html")
    assert refused.status_code == 422
    assert "Not published: the 3 errors below must be fixed first" in refused.text
    assert f'<a href="/edit/{WESTMINSTER}?part=2#p-2.5">2.5: Answer' in refused.text
    assert f'<a href="/edit/{WESTMINSTER}?part=details">' in refused.text  # no approval: the details


def test_draft_publishes_anyway_marked_draft(client):
    draft = _publish(client, WESTMINSTER, what="form", format="html", draft="yes")
    assert draft.status_code == 200
    assert 'filename="westminster-2024-draft.html"' in draft.headers["content-disposition"]
    assert "Draft: not approved by the governing body for publication" in draft.text


def test_the_board_report_lists_findings_rather_than_waiting_for_them(client):
    report = _publish(client, WESTMINSTER, what="report", format="html")
    assert report.status_code == 200
    assert 'filename="westminster-2024-board-report.html"' in report.headers["content-disposition"]
    word = _publish(client, EXAMPLE, what="report", format="docx")
    assert word.status_code == 200 and word.content[:2] == b"PK"


def test_an_assessment_with_a_counterpart_is_offered_its_report_beside_it(client, folder):
    seed_council(folder)
    offered = client.get(f"/publish/{COUNCIL}").text
    assert (
        "Both codes side by side: set it beside westminster-2024.yaml, the assessment against the Complaint "
        "Handling Code (Housing Ombudsman Service, 2024)" in offered
    )
    assert "Both codes side by side" not in client.get(f"/publish/{WESTMINSTER}").text  # it names none
    both = _publish(client, COUNCIL, what="report", format="html", alongside="yes")
    assert both.status_code == 200
    assert "Both codes side by side" in both.text and "<strong>Disagree</strong>" in both.text
    alone = _publish(client, COUNCIL, what="report", format="html")
    assert alone.status_code == 200 and "Both codes side by side" not in alone.text
