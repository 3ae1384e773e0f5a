"""Publishing from the page: the form and the board report, through the publish gate, whose reasons
are listed (each linked to where it is fixed) when it refuses; DRAFT when asked."""

from __future__ import annotations

import io

import openpyxl

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


def test_the_form_is_published_as_an_excel_workbook_and_a_tracker_is_not(client):
    offered = client.get(f"/publish/{EXAMPLE}").text
    assert 'value="xlsx"> Excel workbook, a sheet for each section' in offered
    book = _publish(client, WESTMINSTER, what="form", format="xlsx", draft="yes")
    assert book.status_code == 200
    assert 'filename="westminster-2024-draft.xlsx"' in book.headers["content-disposition"]
    assert book.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheets = openpyxl.load_workbook(io.BytesIO(book.content))
    assert sheets["Details"]["A2"].value == "DRAFT: not approved by the governing body for publication"
    tracker = "assessments/wcc-policy-scrutiny-2023.yaml"
    page = client.get(f"/publish/{tracker}").text
    assert 'value="xlsx" disabled> Excel workbook' in page
    refused = _publish(client, tracker, what="form", format="xlsx", draft="yes")
    assert refused.status_code == 422
    assert "the Excel workbook (xlsx) is made for a self-assessment&#39;s form only." in refused.text


def test_the_board_report_is_made_as_a_pdf_for_a_board_pack(client):
    offered = client.get(f"/publish/{EXAMPLE}").text
    assert offered.count('value="pdf"') == 2  # the form's and the report's
    pdf = _publish(client, EXAMPLE, what="report", format="pdf")
    assert pdf.status_code == 200 and pdf.content[:5] == b"%PDF-"
    assert 'filename="example-homes-2025-board-report.pdf"' in pdf.headers["content-disposition"]


def test_a_tracker_s_progress_report_is_made_from_the_page_too(client):
    tracker = "assessments/oxfordshire-pcs-scrutiny-2024.yaml"
    assert "Make the board report" in client.get(f"/publish/{tracker}").text
    report = _publish(client, tracker, what="report", format="html")
    assert report.status_code == 200
    assert "Progress on the" in report.text and "7 accepted" in report.text


def test_the_board_report_says_what_changed_since_an_earlier_assessment(client, folder):
    earlier = (folder / EXAMPLE).read_text(encoding="utf-8")
    later = earlier.replace("assessed_on: 2025-05-20", "assessed_on: 2026-05-20", 1)
    answered = '  "1.4":\n    answer: "Yes"\n'
    assert answered in later
    later = later.replace(answered, '  "1.4":\n    answer: "No"\n', 1)
    (folder / "assessments" / "example-homes-2026.yaml").write_text(later, encoding="utf-8")
    offered = client.get("/publish/assessments/example-homes-2026.yaml").text
    assert '<option value="assessments/example-homes-2025.yaml">' in offered
    assert '<option value="assessments/westminster-2024.yaml">' not in offered  # another organisation's
    report = _publish(
        client, "assessments/example-homes-2026.yaml", what="report", format="html", previous=EXAMPLE
    )
    assert report.status_code == 200
    assert "Since the last assessment" in report.text
    assert '<strong>New gaps:</strong> <span class="number">1.4</span>' in report.text
    other = _publish(
        client, "assessments/example-homes-2026.yaml", what="report", format="html", previous=WESTMINSTER
    )
    assert other.status_code == 422 and "Westminster City Council" in other.text
