"""The Word form: nothing lost or reordered, a stable outline, hostile text kept as text, same bytes."""

from __future__ import annotations

import dataclasses
import io
import time
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from selfassess.load.codes import CodeLibrary
from selfassess.load.documents import read_document
from selfassess.model.assessment import Assessment
from selfassess.model.code import Code
from selfassess.publish.form.docx import render_docx
from selfassess.publish.form.view import FormView, form_view
from selfassess.publish.pieces import EvidenceView
from selfassess.text.markdown import plain, safe_url
from tests.golden import assert_golden

REPO = Path(__file__).parents[2]
GOLDEN = Path(__file__).parent / "golden" / "example-homes-2025.docx-outline.txt"
ASSESSMENTS = ("example-homes-2025", "westminster-2024")
HOSTILE = "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>"


def load(name: str) -> tuple[Assessment, Code]:
    document = read_document(REPO / "assessments" / f"{name}.yaml")
    assert document.assessment is not None
    found = CodeLibrary().find(document.assessment.code, REPO)
    assert found is not None and found.code is not None
    return document.assessment, found.code


def read(data: bytes) -> WordDocument:
    return docx.Document(io.BytesIO(data))


def lines(cell_paragraphs: list[Paragraph]) -> list[str]:
    """A cell's paragraphs as text; a cell left empty has one empty paragraph, read as none."""
    found = [paragraph.text for paragraph in cell_paragraphs]
    return [] if found == [""] else found


def section_tables(document: WordDocument) -> dict[str, list[Table]]:
    """Each Heading 1 with the provision tables under it (Stage 1 and Stage 2 make two)."""
    found: dict[str, list[Table]] = {}
    heading: str | None = None
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph) and item.style is not None and item.style.name == "Heading 1":
            heading = item.text
            found[heading] = []
        elif isinstance(item, Table) and item.rows[0].cells[0].text == "Code provision":
            assert heading is not None, "a provision table comes before any section heading"
            found[heading].append(item)
    return {heading: tables for heading, tables in found.items() if tables}


@pytest.fixture(scope="module", params=ASSESSMENTS)
def rendered(request: pytest.FixtureRequest) -> tuple[Assessment, Code, WordDocument]:
    assessment, code = load(request.param)
    return assessment, code, read(render_docx(form_view(assessment, code)))


def test_every_provision_is_in_its_section_in_order_with_nothing_lost(rendered):
    assessment, code, document = rendered
    tables = section_tables(document)
    assert list(tables) == [f"Section {section.number}: {section.title}" for section in code.sections]

    for section in code.sections:
        rows = [
            row for table in tables[f"Section {section.number}: {section.title}"] for row in table.rows[1:]
        ]
        assert [row.cells[0].text for row in rows] == [p.shown_number for p in section.provisions]
        for provision, row in zip(section.provisions, rows, strict=True):
            where = f"provision {provision.number}"
            assert len(row.cells) == 5, where
            _, requirement, answer, evidence, commentary = row.cells
            response = assessment.responses.get(provision.number)

            items = [f"{item.label}) {item.text}" for item in provision.items]
            assert lines(requirement.paragraphs) == plain(provision.text).split("\n") + items, where

            written = response.answer if response is not None else None
            shown = lines(answer.paragraphs)
            assert shown[0] == (written or "Not answered"), where
            meaning = code.answers.meaning(written) if written else None
            assert shown[1:] == ([meaning.replace("-", " ")] if meaning else []), where

            cited = response.evidence if response is not None else []
            register = assessment.evidence
            titles = [register[key].title if key in register else key for key in cited]
            assert lines(evidence.paragraphs) == titles, where
            for key, paragraph in zip(cited, evidence.paragraphs, strict=False):
                url = register[key].url if key in register else None
                assert [link.address for link in paragraph.hyperlinks] == ([url] if url else []), where

            words = plain(response.commentary if response is not None else "")
            expected = words.split("\n") if words else []
            if response is not None and response.actions:
                expected.append("Actions:")
            got = lines(commentary.paragraphs)
            assert got[: len(expected)] == expected, where
            actions = response.actions if response is not None else []
            assert len(got) == len(expected) + len(actions), where
            for action, text in zip(actions, got[len(expected) :], strict=True):
                assert text.startswith(action.action), where


def test_the_header_row_repeats_and_rows_stay_whole(rendered):
    _, _, document = rendered
    assert document.tables
    for table in document.tables:
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
        assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in table.rows[1:])


def test_the_provision_tables_have_exactly_five_columns_named_as_the_code_names_them(rendered):
    _, code, document = rendered
    columns = [
        "Code provision",
        "Code requirement",
        code.answers.label,
        "Evidence",
        "Commentary / explanation",
    ]
    for tables in section_tables(document).values():
        for table in tables:
            assert len(table.columns) == 5
            assert [cell.text for cell in table.rows[0].cells] == columns


def test_a_draft_says_so_on_every_page_and_under_the_title():
    assessment, code = load("example-homes-2025")
    draft = read(render_docx(form_view(assessment, code, draft=True)))
    final = read(render_docx(form_view(assessment, code, draft=False)))

    for section in draft.sections:
        for header in (section.header, section.first_page_header):
            assert not header.is_linked_to_previous
            assert "DRAFT" in "\n".join(p.text for p in header.paragraphs)
            # the watermark: large letters across the page, a shape anchored in the header
            [mark] = header._element.xpath(".//*[local-name()='textpath'][@string]")
            assert mark.get("string") == "DRAFT"
    body = [p.text for p in draft.paragraphs]
    title = next(i for i, p in enumerate(draft.paragraphs) if p.style is not None and p.style.name == "Title")
    assert body[title + 1] == "Draft: not for publication"  # approved, but a draft was asked for

    for section in final.sections:
        assert "DRAFT" not in "\n".join(p.text for p in section.header.paragraphs)
        assert not section.header._element.xpath(".//*[local-name()='textpath']")
    assert not any("Draft" in p.text for p in final.paragraphs)


def test_the_front_page_gives_the_facts(rendered):
    assessment, code, document = rendered
    text = "\n".join(p.text for p in document.paragraphs)
    assert document.paragraphs[0].style.name == "Title"
    assert f"Code: {code.title}" in text
    assert assessment.organisation in text
    approved = (
        "Approval: Not yet approved"
        if assessment.approved is None
        else f"Approved by: {assessment.approved.by}"
    )
    assert approved in text
    if assessment.member_responsible:
        assert f"Member Responsible for Complaints: {assessment.member_responsible}" in text


def test_the_action_plan_and_register_follow_the_sections():
    assessment, code = load("example-homes-2025")
    form = form_view(assessment, code)
    document = read(render_docx(form))
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings[-2:] == ["Action plan", "Evidence register"]
    plan = next(t for t in document.tables if t.rows[0].cells[0].text == "Provision")
    assert [c.text for c in plan.rows[0].cells] == [
        "Provision",
        "Action",
        "Owner",
        "Start",
        "Due",
        "Status",
        "RAG",
    ]
    assert [(r.cells[0].text, r.cells[1].text) for r in plan.rows[1:]] == [
        (a.provision, a.action) for a in form.actions
    ]
    # RAG is a word, never a colour alone.
    assert [r.cells[6].text for r in plan.rows[1:]] == [(a.rag or "").capitalize() for a in form.actions]


def outline(document: WordDocument) -> str:
    """Headings in order, and each table's header row, row count and first cells."""
    found: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            style = item.style.name if item.style is not None else ""
            if style == "Title" or style.startswith("Heading"):
                found.append(f"{style}: {item.text}")
        else:
            header, *rows = item.rows
            found.append(f"  table ({len(rows)} rows): {' | '.join(cell.text for cell in header.cells)}")
            found.extend(f"    {row.cells[0].text}" for row in rows)
    return "\n".join(found) + "\n"


def test_golden_outline():
    """The document's structure; regenerate with SELFASSESS_UPDATE_GOLDEN=1 after a deliberate change."""
    assessment, code = load("example-homes-2025")
    assert_golden(GOLDEN, outline(read(render_docx(form_view(assessment, code)))))


def hostile_form() -> FormView:
    """The example with hostile commentary and evidence, through the model and around it."""
    assessment, code = load("example-homes-2025")
    response = assessment.responses["1.2"].model_copy(
        update={"commentary": f"{HOSTILE} and [our page](https://example.org/ok)", "evidence": ["bad"]}
    )
    bad = assessment.evidence["complaints-policy"].model_copy(
        update={"title": "Bad <b>link</b>", "url": "javascript:alert(1)"}
    )
    assessment = assessment.model_copy(
        update={
            "responses": {**assessment.responses, "1.2": response},
            "evidence": {**assessment.evidence, "bad": bad},
        }
    )
    form = form_view(assessment, code)
    # A view built by other code might carry an unsafe address; the writer must not trust it.
    first = form.sections[0].groups[0]
    row = dataclasses.replace(
        first.rows[0], evidence=(*first.rows[0].evidence, EvidenceView("Sneaky", "JavaScript:alert(2)"))
    )
    group = dataclasses.replace(first, rows=(row, *first.rows[1:]))
    section = dataclasses.replace(form.sections[0], groups=(group, *form.sections[0].groups[1:]))
    return dataclasses.replace(form, sections=(section, *form.sections[1:]))


def test_hostile_text_stays_text_and_no_link_can_run_script():
    document = read(render_docx(hostile_form()))
    row = section_tables(document)["Section 1: Definition of a complaint"][0].rows[1]
    assert row.cells[0].text == "1.2"
    commentary = row.cells[4].text
    for written in ("<script>alert(1)</script>", "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>"):
        assert written in commentary
    assert lines(row.cells[3].paragraphs) == ["Bad <b>link</b>", "Sneaky"]

    targets = [
        rel.target_ref for rel in document.part.rels.values() if rel.reltype == RELATIONSHIP_TYPE.HYPERLINK
    ]
    assert "https://example.org/ok" in targets
    assert not [t for t in targets if t.strip().lower().startswith("javascript:")]
    assert all(safe_url(target) == target for target in targets)
    links = [link.address for p in row.cells[4].paragraphs + row.cells[3].paragraphs for link in p.hyperlinks]
    assert links == ["https://example.org/ok"]


def test_the_same_form_gives_the_same_bytes(monkeypatch):
    assessment, code = load("westminster-2024")
    form = form_view(assessment, code, draft=True)
    first = render_docx(form)
    # Render again "a year later": nothing in the file may depend on the clock.
    later = time.time() + 366 * 24 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    assert render_docx(form) == first
    assert read(first).core_properties.created.year == 2024  # the assessment's date, not today
