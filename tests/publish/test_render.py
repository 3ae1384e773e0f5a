"""`selfassess render` as a user runs it: the publish gate, drafts, every format, and safety."""

from __future__ import annotations

import re
import sys
from html import unescape
from pathlib import Path

import pytest

from selfassess.cli import main
from tests.golden import assert_golden
from tests.publish.conftest import edit
from tests.publish.outline import outline

GOLDEN = Path(__file__).parent / "golden"
EXAMPLE = "assessments/example-homes-2025.yaml"
WESTMINSTER = "assessments/westminster-2024.yaml"
PAYLOAD = (
    "<script>document.title='PWNED'</script> <img src=x onerror=\"document.body.dataset.pwned=1\"> "
    "[click me](javascript:document.body.dataset.pwned=1) <b onmouseover=alert(1)>bold</b>"
)


def golden(name: str, actual: str) -> None:
    assert_golden(GOLDEN / name, actual)


def test_the_publish_gate_refuses_an_assessment_with_errors_and_lists_them(workspace, capsys):
    assert main(["render", WESTMINSTER]) == 1
    out, err = capsys.readouterr()
    assert [line.split(" ")[1] for line in out.splitlines()] == ["SA601", "SA103", "SA404"]
    assert "Not published: the 3 errors above must be fixed first" in err
    assert not (workspace / "assessments" / "westminster-2024.html").exists()


def test_a_draft_is_rendered_and_marked_on_every_page(workspace, capsys):
    assert main(["render", WESTMINSTER, "--draft"]) == 0
    assert (
        "Wrote assessments/westminster-2024.html (draft), with 3 errors still to fix."
        in capsys.readouterr().err
    )
    html = (workspace / "assessments" / "westminster-2024.html").read_text(encoding="utf-8")
    assert "<title>DRAFT: " in html
    assert '<p class="draft-banner" role="note">Draft: not approved by the governing body' in html
    assert (
        '<div class="draft-mark" aria-hidden="true">DRAFT</div>' in html
    )  # fixed: repeated on every printed page
    assert main(["render", WESTMINSTER, "--draft", "--format", "md"]) == 0
    markdown = (workspace / "assessments" / "westminster-2024.md").read_text(encoding="utf-8")
    assert markdown.startswith("> **DRAFT:** not approved by the governing body for publication.")


def test_a_file_that_cannot_be_read_gets_no_draft_either(workspace, capsys):
    broken = workspace / "assessments" / "broken.yaml"
    broken.write_text("code: hos-chc-2024\nresponses: [\n", encoding="utf-8")
    assert main(["render", "assessments/broken.yaml", "--draft"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("assessments/broken.yaml:3:1: SA001 error The file is not valid YAML here")
    assert err == "Not even a draft can be made until the 1 error above is fixed.\n"
    assert not (workspace / "assessments" / "broken.html").exists()


def test_html_golden_structure(workspace, capsys):
    assert main(["render", EXAMPLE]) == 0
    html = (workspace / "assessments" / "example-homes-2025.html").read_text(encoding="utf-8")
    golden("example-homes-2025.html-outline.txt", outline(html))


def test_markdown_golden(workspace, capsys):
    assert main(["render", EXAMPLE, "--format", "md", "-o", "-"]) == 0
    golden("example-homes-2025.md", capsys.readouterr().out)


def test_html_is_self_contained_and_accessible(workspace, capsys):
    assert main(["render", EXAMPLE, "-o", "form.html"]) == 0
    html = (workspace / "form.html").read_text(encoding="utf-8")
    assert '<html lang="en-GB">' in html
    assert "<script" not in html and "<link" not in html and "@import" not in html
    assert not re.search(r"\bsrc=", html), "the form must fetch nothing"
    assert html.count("<table") == html.count("<caption"), "every table says what it is"
    assert html.count('<th scope="col">') >= 5 * 10
    assert re.findall(r"<h2 id=\"section-\d\">Section \d: ", html) and html.count("<h1>") == 1
    assert "@media print" in html and "table-header-group" in html and "break-inside: avoid" in html


def test_every_provision_answer_and_commentary_is_in_the_html(workspace, capsys):
    from selfassess.load.documents import read_document
    from selfassess.text.markdown import plain

    assert main(["render", WESTMINSTER, "--draft", "-o", "w.html"]) == 0
    html = (workspace / "w.html").read_text(encoding="utf-8")
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
    assessment = read_document(Path(WESTMINSTER)).assessment
    for number, response in assessment.responses.items():
        assert f'id="provision-{number}"' in html
        for line in plain(response.commentary).splitlines():
            assert " ".join(line.split()) in text, (number, line)


def test_hostile_text_is_shown_and_never_runs_in_html_and_markdown(workspace, capsys):
    path = workspace / EXAMPLE
    edit(
        path,
        ("organisation: Fenbrook Homes", "organisation: <script>alert('org')</script> Homes"),
        (
            "      Our Complaints Policy uses the Code's definition",
            f"      {PAYLOAD} Our Complaints Policy uses the Code's definition",
        ),
        ('title: "Complaints Policy (version 5)"', 'title: "<img src=x onerror=alert(1)> Policy"'),
    )
    assert main(["render", EXAMPLE, "-o", "hostile.html"]) == 0
    html = (workspace / "hostile.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<img" not in html and "<b " not in html
    assert "javascript:" not in html.replace("[click me](javascript:document.body.dataset.pwned=1)", "")
    assert "&lt;script&gt;document.title=" in html and "&lt;script&gt;alert(" in html
    assert "&lt;img src=x onerror=alert(1)&gt; Policy" in html
    assert main(["render", EXAMPLE, "--format", "md", "-o", "hostile.md"]) == 0
    markdown = (workspace / "hostile.md").read_text(encoding="utf-8")
    assert "<script" not in markdown and "<img" not in markdown
    assert not re.search(r"(?<!\\)\]\(javascript", markdown)  # written as words, escaped: never a link
    assert r"\[click me\](javascript:document.body.dataset.pwned=1)" in markdown


def test_an_evidence_link_that_could_run_script_is_an_error_before_publishing(workspace, capsys):
    edit(
        workspace / EXAMPLE,
        ("url: https://www.fenbrookhomes.example/complaints\n", "url: javascript:alert(1)\n"),
    )
    assert main(["render", EXAMPLE]) == 1
    assert "is not a web address a reader can follow" in capsys.readouterr().out


def test_output_goes_beside_the_assessment_or_where_asked_and_never_over_it(workspace, capsys):
    assert main(["render", EXAMPLE, "--format", "md"]) == 0
    assert (workspace / "assessments" / "example-homes-2025.md").is_file()
    assert main(["render", EXAMPLE, "-o", EXAMPLE]) == 2
    assert "is the file being read" in capsys.readouterr().err
    assert (workspace / EXAMPLE).read_text(encoding="utf-8").startswith("#")  # untouched
    leftovers = [p.name for p in (workspace / "assessments").iterdir() if p.name.endswith(".partial")]
    assert leftovers == []


def test_an_organisation_restyles_with_its_own_templates(workspace, capsys):
    (workspace / "ours").mkdir()
    (workspace / "ours" / "style.css").write_text("body { font-family: 'Fenbrook Sans'; }\n")
    assert main(["render", EXAMPLE, "--template-dir", "ours", "-o", "ours.html"]) == 0
    html = (workspace / "ours.html").read_text(encoding="utf-8")
    assert "Fenbrook Sans" in html and "<h1>Self-assessment against the Complaint Handling Code</h1>" in html
    assert main(["render", EXAMPLE, "--template-dir", "nowhere"]) == 2


def _pdf_pages(path: Path) -> list[str]:
    pypdf = pytest.importorskip("pypdf")
    return [page.extract_text() for page in pypdf.PdfReader(str(path)).pages]


@pytest.mark.slow
def test_pdf_golden_structure(workspace, capsys):
    pytest.importorskip("weasyprint")
    assert main(["render", EXAMPLE, "--format", "pdf"]) == 0
    path = workspace / "assessments" / "example-homes-2025.pdf"
    assert path.read_bytes().startswith(b"%PDF-")
    pages = _pdf_pages(path)
    text = "\n".join(pages)
    headings = [
        line
        for line in text.splitlines()
        if re.match(r"(Section \d: |Stage \d$|Action plan$|Evidence register$)", line)
    ]
    numbers = [n for n in re.findall(r"^(\d\.\d+)\b", text, re.MULTILINE)]
    golden("example-homes-2025.pdf-outline.txt", "\n".join(headings) + "\n")
    from tests.codes.test_hos_chc_2024 import EXPECTED_PROVISIONS

    assert [n for n in EXPECTED_PROVISIONS if n not in numbers] == []  # every provision is in the PDF
    assert len(pages) >= 10 and "DRAFT" not in text


@pytest.mark.slow
def test_a_draft_pdf_says_draft_on_every_page(workspace, capsys):
    pytest.importorskip("weasyprint")
    assert main(["render", WESTMINSTER, "--format", "pdf", "--draft"]) == 0
    pages = _pdf_pages(workspace / "assessments" / "westminster-2024.pdf")
    assert len(pages) >= 10
    assert all("DRAFT" in page for page in pages)


def test_pdf_without_the_extra_says_which_extra_and_exits_2(workspace, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if it were not installed
    assert main(["render", EXAMPLE, "--format", "pdf"]) == 2
    err = capsys.readouterr().err.strip()
    assert (
        err == "selfassess render: error: PDF needs the optional 'pdf' extra: pip install 'selfassess[pdf]'"
    )
    assert not (workspace / "assessments" / "example-homes-2025.pdf").exists()


def test_word_through_the_command_line(workspace, capsys):
    import docx

    assert main(["render", EXAMPLE, "--format", "docx"]) == 0
    document = docx.Document(str(workspace / "assessments" / "example-homes-2025.docx"))
    provision_tables = [t for t in document.tables if t.rows[0].cells[0].text == "Code provision"]
    assert len(provision_tables) == 10  # sections 1-9, with section 6 in its two stages
    assert sum(len(t.rows) - 1 for t in provision_tables) == 72
