"""`selfassess report`: the board's five-minute read."""

from __future__ import annotations

import re
from html import unescape

import pytest

from selfassess.cli import main
from tests.publish.outline import outline
from tests.publish.test_render import golden

EXAMPLE = "assessments/example-homes-2025.yaml"
WESTMINSTER = "assessments/westminster-2024.yaml"


def words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_compliance_by_section_with_an_accessible_chart(workspace, capsys):
    assert main(["report", EXAMPLE]) == 0
    assert "Wrote assessments/example-homes-2025-board-report.html." in capsys.readouterr().err
    html = (workspace / "assessments" / "example-homes-2025-board-report.html").read_text(encoding="utf-8")
    golden("example-homes-2025-board-report.html-outline.txt", outline(html))
    text = words(html)
    assert "Of 72 provisions: 67 met, 3 partly met, 1 not met, 1 not applicable." in text
    assert '<svg class="chart" role="img" aria-labelledby="chart-title chart-desc"' in html
    assert (
        "<title>5. The complaint handling process: 2 partly met</title>" in html
    )  # every bar says what it is
    # the chart names each section, as the table below it does
    assert ">9. Scrutiny &amp; oversight: continuous learning and improvement</text>" in html
    assert ">Section 1</text>" not in html
    assert "All sections 67 3 1 1 0" in text
    assert "<script" not in html and not re.search(r"\bsrc=", html)


def test_findings_and_actions_in_plain_words(workspace, capsys):
    assert main(["report", WESTMINSTER]) == 0
    text = words(
        (workspace / "assessments" / "westminster-2024-board-report.html").read_text(encoding="utf-8")
    )
    assert "3 problems to fix before the assessment is published" in text
    assert "The governing body has not yet approved this assessment." in text
    assert (
        "2.5 (Landlords must not take a blanket approach to excluding complaints): "
        "The answer is not one of the code's answers." in text
    )
    assert "36 points to review" in text
    # 29 findings of SA201 are one line, the provisions named in full folded under it
    assert text.count("answered as met but cite") == 1
    assert (
        "29 provisions are answered as met but cite no evidence: 1.6, 3.3, 4.1, 4.2, 4.3, 5.5, 5.6, 5.7, …"
        in text
    )
    assert "9.8 Landlords must have a standard objective in relation to complaint…" in text
    assert "No action was overdue on 22 October 2024." in text
    # a board is not told how to edit the file
    for editors_words in ("approved: {by", "(line ", "YAC", "under evidence", "answer 'Partial'"):
        assert editors_words not in text, editors_words


def test_the_findings_are_folded_in_a_details_element(workspace, capsys):
    assert main(["report", WESTMINSTER]) == 0
    html = (workspace / "assessments" / "westminster-2024-board-report.html").read_text(encoding="utf-8")
    folded = re.findall(r"<details><summary>(.*?)</summary>\s*<ul>(.*?)</ul>", html, re.S)
    assert [summary.split(":")[0] for summary, _ in folded] == [
        "29 provisions are answered as met but cite no evidence",
        "7 provisions are answered as met, but their commentary describes a shortfall",
    ]
    assert folded[0][1].count("<li>") == 29


def test_the_approval_status(workspace, capsys):
    assert main(["report", EXAMPLE, "-o", "approved.html"]) == 0
    assert "<strong>Approved: Board, 12 June 2025</strong>" in (workspace / "approved.html").read_text(
        encoding="utf-8"
    )
    assert main(["report", WESTMINSTER, "-o", "not.html"]) == 0
    assert "<strong>Not approved</strong>" in (workspace / "not.html").read_text(encoding="utf-8")


def test_the_approval_is_said_once_at_the_top_in_every_format(workspace, capsys):
    import docx
    import pypdf

    for name in ("r.html", "r.docx", "r.pdf"):
        assert main(["report", EXAMPLE, "--format", name[2:], "-o", name]) == 0
    html = words((workspace / "r.html").read_text(encoding="utf-8"))
    paragraphs = [p.text for p in docx.Document(str(workspace / "r.docx")).paragraphs]
    pdf = " ".join(page.extract_text() for page in pypdf.PdfReader(str(workspace / "r.pdf")).pages)
    for text in (html, "\n".join(paragraphs), pdf):
        assert text.count("Board, 12 June 2025") == 1
        assert "Approved by" not in text
    assert paragraphs[2] == "Approved: Board, 12 June 2025"  # under the title and the organisation


def test_overdue_and_upcoming_actions(workspace, capsys):
    path = workspace / EXAMPLE
    text = path.read_text(encoding="utf-8").replace("assessed_on: 2025-05-20", "assessed_on: 2025-08-01", 1)
    path.write_text(text, encoding="utf-8")
    assert main(["report", EXAMPLE, "-o", "r.html"]) == 0
    html = (workspace / "r.html").read_text(encoding="utf-8")
    overdue = html.split("<caption>Overdue on 1 August 2025</caption>")[1].split("</table>")[0]
    assert overdue.count("<tr>") - 1 == 3  # due 30 June and twice 31 July, not done
    upcoming = html.split("<caption>Due by 30 October 2025</caption>")[1].split("</table>")[0]
    assert "30 September 2025" in upcoming and "31 July 2025" not in upcoming


def test_what_changed_since_last_year(workspace, capsys):
    last_year = workspace / "assessments" / "last-year.yaml"
    text = (workspace / EXAMPLE).read_text(encoding="utf-8")
    text = text.replace("assessed_on: 2025-05-20", "assessed_on: 2024-05-20", 1)
    text = text.replace('  "9.8":\n    answer: "No"', '  "9.8":\n    answer: "Partial"', 1)
    text = text.replace('  "6.3":\n    answer: "Partial"', '  "6.3":\n    answer: "Yes"', 1)
    text = text.replace('  "3.3":\n    answer: "Yes"', '  "3.3":\n    answer: "No"', 1)
    last_year.write_text(text, encoding="utf-8")
    assert main(["report", EXAMPLE, "--previous", "assessments/last-year.yaml", "-o", "r.html"]) == 0
    text = words((workspace / "r.html").read_text(encoding="utf-8"))
    assert "3.3 High volumes of complaints must not be seen as a negative, as they can… No Yes Better" in text
    assert (
        "6.3 Landlords must issue a full response to stage 1 complaints within 10… Yes Partial Worse" in text
    )
    assert "9.8 Landlords must have a standard objective in relation to complaint… Partial No Worse" in text
    assert "Gaps closed: 3.3 High volumes of complaints must not be seen" in text
    assert "New gaps: 6.3 Landlords must issue a full response" in text
    # what the changes come to, before each change: a board reads the sum first
    assert text.index("Gaps closed:") < text.index("Answers that changed")
    import docx

    assert (
        main(
            [
                "report",
                EXAMPLE,
                "--previous",
                "assessments/last-year.yaml",
                "--format",
                "docx",
                "-o",
                "r.docx",
            ]
        )
        == 0
    )
    paragraphs = [p.text for p in docx.Document(str(workspace / "r.docx")).paragraphs]
    gaps = next(n for n, said in enumerate(paragraphs) if said.startswith("Gaps closed: 3.3 High volumes"))
    assert paragraphs[gaps - 1] == "Compared with the assessment for 1 April 2024 to 31 March 2025."


def test_the_report_in_word_has_the_same_figures_and_findings(workspace, capsys):
    import docx

    assert main(["report", WESTMINSTER, "--format", "docx"]) == 0
    document = docx.Document(str(workspace / "assessments" / "westminster-2024-board-report.docx"))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Of 72 provisions: 71 met, 1 no valid answer." in paragraphs
    assert "3 problems to fix before the assessment is published" in paragraphs
    assert "Not approved" in paragraphs
    assert (
        "2.5 (Landlords must not take a blanket approach to excluding complaints): "
        "The answer is not one of the code's answers." in paragraphs
    )
    # a page cannot fold: the line, then every provision it names
    at = paragraphs.index("29 provisions are answered as met but cite no evidence:")
    assert paragraphs[at + 1 : at + 3] == [
        "1.6 An expression of dissatisfaction with services made through a survey is…",
        "3.3 High volumes of complaints must not be seen as a negative, as they can…",
    ]
    assert document.paragraphs[at + 1].style.name == "List Bullet 2"
    counts = document.tables[0]
    assert [c.text for c in counts.rows[0].cells] == [
        "Section",
        "Met",
        "Partly met",
        "Not met",
        "Not applicable",
        "No valid answer",
    ]
    assert [c.text for c in counts.rows[-1].cells] == ["All sections", "71", "0", "0", "0", "1"]


def test_previous_of_another_organisation_is_refused_without_force(workspace, capsys):
    other = workspace / "assessments" / "other.yaml"
    other.write_text(
        (workspace / EXAMPLE)
        .read_text(encoding="utf-8")
        .replace("organisation: Fenbrook Homes", "organisation: Brookvale Housing"),
        encoding="utf-8",
    )
    assert main(["report", EXAMPLE, "--previous", "assessments/other.yaml", "-o", "r.html"]) == 2
    said = capsys.readouterr().err
    assert (
        "assessments/other.yaml is the assessment of Brookvale Housing, not of Fenbrook Homes; give last "
        "time's assessment of the same organisation, or add --force to compare them anyway." in said
    )
    assert "Traceback" not in said and not (workspace / "r.html").exists()
    assert main(["report", EXAMPLE, "--previous", "assessments/other.yaml", "-o", "r.html", "--force"]) == 0
    assert "Since the last assessment" in (workspace / "r.html").read_text(encoding="utf-8")


def test_previous_against_another_code_is_refused_but_an_earlier_version_is_compared(workspace, capsys):
    scrutiny = "assessments/wcc-policy-scrutiny-2023.yaml"  # Westminster's too, but another code
    assert main(["report", WESTMINSTER, "--previous", scrutiny, "-o", "r.html"]) == 2
    said = capsys.readouterr().err
    assert (
        f"{scrutiny} answers the " in said and "which is not a version of the Complaint Handling Code" in said
    )
    assert "add --force to compare them anyway." in said
    earlier = workspace / "assessments" / "last-year.yaml"
    text = (
        (workspace / WESTMINSTER)
        .read_text(encoding="utf-8")
        .replace("code: hos-chc-2024", "code: hos-chc-2022", 1)
    )
    earlier.write_text(text, encoding="utf-8")
    assert main(["report", WESTMINSTER, "--previous", "assessments/last-year.yaml", "-o", "r.html"]) == 0


@pytest.mark.slow
def test_the_report_as_pdf(workspace, capsys):
    import pypdf

    assert main(["report", EXAMPLE, "--format", "pdf"]) == 0
    assert "Wrote assessments/example-homes-2025-board-report.pdf." in capsys.readouterr().err
    pdf = pypdf.PdfReader(str(workspace / "assessments" / "example-homes-2025-board-report.pdf"))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Of 72 provisions: 67 met, 3 partly met, 1 not met, 1 not applicable." in " ".join(text.split())


def test_the_word_report_draws_the_chart_as_a_picture_with_alt_text(workspace, capsys):
    import docx
    from docx.shared import Cm

    assert main(["report", WESTMINSTER, "--format", "docx", "-o", "r.docx"]) == 0
    document = docx.Document(str(workspace / "r.docx"))
    [picture] = document.inline_shapes
    assert picture.width == Cm(22.0)
    described = picture._inline.docPr
    assert described.get("title") == "Compliance by section"
    alt = described.get("descr")
    assert "1. Definition of a complaint: 5 met" in alt
    assert "2. Exclusions: 4 met, 1 no valid answer" in alt
    image = picture._inline.graphic.graphicData.pic.blipFill.blip.embed
    png = document.part.related_parts[image].blob
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    # the same assessment gives the same bytes, picture and all
    assert main(["report", WESTMINSTER, "--format", "docx", "-o", "again.docx"]) == 0
    assert (workspace / "r.docx").read_bytes() == (workspace / "again.docx").read_bytes()


OXFORDSHIRE = "assessments/oxfordshire-pcs-scrutiny-2024.yaml"
NORWICH = "assessments/norwich-housing-improvement-2009.yaml"


def test_a_trackers_report_names_each_item_by_its_own_words_not_by_the_files_keys(workspace, capsys):
    assert main(["report", OXFORDSHIRE]) == 0
    html = (workspace / "assessments" / "oxfordshire-pcs-scrutiny-2024-board-report.html").read_text(
        encoding="utf-8"
    )
    text = words(html)
    # the file's keys ("2024-03-19.social-value.1") are for the file, not for a committee
    assert "2024-03-19." not in text and "2024-11-15." not in text
    # each section by its title, in the chart as in the table
    assert ">Recommendation Update Tracker: Social Value (Cabinet response 19-Mar-24)</text>" in html
    assert (
        '<th scope="row">Recommendation Update Tracker: Social Value (Cabinet response 19-Mar-24)</th>'
        in html
    )
    # the line says what, the list under it names each item: its words, then the reference it has
    assert "16 items have no status yet:" in text
    assert (
        "That the Council clarifies the objectives it wishes to achieve through… "
        "(Social Value, recommendation 1)" in text
    )


def test_a_plans_report_names_its_actions_recommendations_by_their_words(workspace, capsys):
    import docx

    assert main(["report", NORWICH]) == 0
    text = words(
        (workspace / "assessments" / "norwich-housing-improvement-2009-board-report.html").read_text(
            encoding="utf-8"
        )
    )
    assert "Improve performance monitoring and management and strengthen Capacity (R6)" in text
    assert "6 problems to fix before the tracker is published" in text
    # "other" is the file's word for actions linked to no recommendation: the words say it alone
    assert "(other)" not in text and "other Actions the improvement plan" not in text
    assert "Actions the improvement plan links to no Audit Commission recommendation" in text
    assert main(["report", NORWICH, "--format", "docx"]) == 0
    document = docx.Document(
        str(workspace / "assessments" / "norwich-housing-improvement-2009-board-report.docx")
    )
    paragraphs = [p.text for p in document.paragraphs]
    at = paragraphs.index("2 actions are overdue:")
    assert paragraphs[at + 1 : at + 3] == [
        "Improve performance monitoring and management and strengthen Capacity (R6)",
        "Actions the improvement plan links to no Audit Commission recommendation",
    ]
    overdue = next(t for t in document.tables if t.rows[0].cells[1].text == "Action")
    assert (
        overdue.rows[1].cells[0].text
        == "Improve performance monitoring and management and strengthen Capacity (R6)"
    )


def test_a_trackers_report_counts_its_items_in_the_trackers_own_answers(workspace, capsys):
    import docx

    assert main(["report", OXFORDSHIRE]) == 0
    html = (workspace / "assessments" / "oxfordshire-pcs-scrutiny-2024-board-report.html").read_text(
        encoding="utf-8"
    )
    text = words(html)
    # "Accepted" is not "Met": a committee is told what was answered, not that it was done
    assert "Progress on the Performance & Corporate Services Overview & Scrutiny Committee" in text
    assert "Self-assessment against" not in text
    assert "Of 29 items: 7 accepted, 4 partially accepted, 2 rejected, 16 no status yet." in text
    assert "Section Accepted Partially Accepted Rejected No status yet" in text
    assert "Met" not in text.split() and "Not applicable" not in text
    assert ">3 of 5 accepted</text>" in html  # the figure beside a bar says what it counts
    assert '<title id="chart-title">Progress by section</title>' in html and "Compliance" not in text
    assert "A gap is a provision" not in text  # no gaps are shown without last time's
    assert main(["report", OXFORDSHIRE, "--format", "docx"]) == 0
    document = docx.Document(
        str(workspace / "assessments" / "oxfordshire-pcs-scrutiny-2024-board-report.docx")
    )
    paragraphs = [p.text for p in document.paragraphs]
    assert "Of 29 items: 7 accepted, 4 partially accepted, 2 rejected, 16 no status yet." in paragraphs
    counts = document.tables[0]
    assert [c.text for c in counts.rows[0].cells] == [
        "Section",
        "Accepted",
        "Partially Accepted",
        "Rejected",
        "No status yet",
    ]
    assert [c.text for c in counts.rows[-1].cells] == ["All sections", "7", "4", "2", "16"]
    assert not any("A gap is a provision" in paragraph for paragraph in paragraphs)
    picture = document.inline_shapes[0]._inline.docPr
    assert picture.get("title") == "Progress by section"
    assert picture.get("descr").startswith("Progress by section, as a bar for each section.")


def test_the_figure_beside_each_bar_says_what_it_counts(workspace, capsys):
    assert main(["report", EXAMPLE]) == 0
    html = (workspace / "assessments" / "example-homes-2025-board-report.html").read_text(encoding="utf-8")
    assert ">12 of 15 met</text>" in html and ">19 of 20 met</text>" in html


def test_the_word_reports_chart_stands_under_its_header_and_its_table_is_kept_whole(workspace, capsys):
    import docx
    from docx.shared import Cm

    assert main(["report", EXAMPLE, "--format", "docx"]) == 0
    document = docx.Document(str(workspace / "assessments" / "example-homes-2025-board-report.docx"))
    # low enough to stand on the first page, under the title, the approval and the figures in words
    (chart,) = document.inline_shapes
    assert chart.height < Cm(9)
    counts = document.tables[0]
    kept = [
        p.paragraph_format.keep_with_next for row in counts.rows[:-1] for c in row.cells for p in c.paragraphs
    ]
    assert kept and all(kept)


def test_an_actions_lines_stay_lines(workspace, capsys):
    assert main(["report", NORWICH]) == 0
    html = (workspace / "assessments" / "norwich-housing-improvement-2009-board-report.html").read_text(
        encoding="utf-8"
    )
    # the plan's bullets, one to a line as written, not run together into one paragraph
    assert "<p>• Installing multiple access channels for engagement and participation</p>" in html


def test_the_two_complaint_handling_codes_are_told_apart_wherever_a_code_is_named(workspace, capsys):
    import docx
    import openpyxl

    from tests.publish.both_codes import COUNCIL, seed_council

    seed_council(workspace)
    housing = "Complaint Handling Code (Housing Ombudsman Service, 2024)"
    council = "Complaint Handling Code (Local Government and Social Care Ombudsman, February 2024)"
    for path, named in ((WESTMINSTER, housing), (COUNCIL, council)):
        assert main(["report", path, "-o", "r.html"]) == 0
        assert f"Code {named} Assessed on" in words((workspace / "r.html").read_text(encoding="utf-8"))
        assert main(["report", path, "--format", "docx", "-o", "r.docx"]) == 0
        assert f"Code: {named}" in [p.text for p in docx.Document(str(workspace / "r.docx")).paragraphs]
        for form in ("f.html", "f.md", "f.docx", "f.xlsx"):
            assert main(["render", path, "--draft", "--format", form[2:], "-o", form]) == 0
        assert f"Code {named} Assessed on" in words((workspace / "f.html").read_text(encoding="utf-8"))
        assert f"{named}](" in (workspace / "f.md").read_text(encoding="utf-8")
        assert f"Code: {named}" in [p.text for p in docx.Document(str(workspace / "f.docx")).paragraphs]
        details = openpyxl.load_workbook(workspace / "f.xlsx").worksheets[0]
        assert ["Code", named] in [[c.value for c in row[:2]] for row in details.iter_rows()]
