"""`selfassess report --alongside`: a council's two codes side by side in its board report, its
LGSCO assessment seeded from its Housing Code assessment by `new --from`, one answer changed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from docx import Document

from selfassess.cli import main
from selfassess.load.codes import CodeLibrary
from selfassess.model.assessment import Assessment
from selfassess.publish.report.alongside import alongside_view
from tests.publish.both_codes import COUNCIL, HOUSING, seed_council
from tests.publish.conftest import edit
from tests.publish.test_report import words

REPO = Path(__file__).parents[2]


def _links() -> list[tuple[str, str, str]]:
    """(LGSCO provision, Housing Code provision, relation), read from the code file itself."""
    code = yaml.safe_load((REPO / "codes" / "lgsco-chc.yaml").read_text(encoding="utf-8"))
    return [
        (provision["number"], link["provision"], link["relation"])
        for section in code["sections"]
        for provision in section["provisions"]
        for link in provision.get("corresponds", [])
        if link["code"] == "hos-chc-2024"
    ]


def _housing_numbers() -> list[str]:
    code = yaml.safe_load((REPO / "codes" / "hos-chc-2024.yaml").read_text(encoding="utf-8"))
    return [p["number"] for section in code["sections"] for p in section["provisions"]]


def _section(text: str, start: str, end: str | None = None) -> str:
    part = text[text.index(start) :]
    return part[: part.index(end)] if end else part


def test_each_linked_pair_side_by_side_and_the_disagreement_in_words(workspace, capsys):
    seed_council(workspace)
    capsys.readouterr()
    assert main(["report", COUNCIL, "--alongside", HOUSING, "-o", "board.html"]) == 0
    html = (workspace / "board.html").read_text(encoding="utf-8")
    text = words(html)
    both = _section(text, "Both codes side by side")
    links = _links()
    assert f"The two codes link {len(links)} pairs of provisions: 1 in disagreement," in both
    assert (
        "LGSCO 6.3 answered Partial, HOS 6.3 answered Yes: The same requirement: LGSCO 6.3 is partly met "
        "and HOS 6.3 is met; one of the answers is wrong, or the commentary should say why." in both
    )
    # One row a pair, in the table's body; the disagreement's row says so in words, not colour alone.
    body = html[html.index('<table class="alongside">') :]
    body = body[: body.index("</table>")]
    rows = body.split("<tr")[2:]
    assert len(rows) == len(links)
    [disagreeing] = [row for row in rows if "Disagree" in row]
    assert disagreeing.startswith(' class="disagree"') and "<strong>Disagree</strong>" in disagreeing
    assert words("<tr" + disagreeing).startswith(
        "6.3 Organisations should provide a full response to stage 1 complaints… Partial "
        "Equal: the same requirement 6.3 Landlords must issue a full response"
    )
    # A carried answer agrees with the one it was carried from.
    [six_four] = [row for row in rows if words("<tr" + row).startswith("6.4 ")]
    assert words("<tr" + six_four).endswith("Yes Agree")
    # Every Housing Code provision no LGSCO provision links to is listed, with its answer.
    alone = _section(text, "HOS provisions with no counterpart")
    linked = {theirs for _, theirs, _ in links}
    unlinked = [number for number in _housing_numbers() if number not in linked]
    assert f"{len(unlinked)} provisions of the HOS code that the other code does not link to" in alone
    for number in unlinked:
        assert f" {number} " in alone
    assert "6.14 Landlords must issue a final response to the stage 2 within 20 working" in alone


def test_from_the_housing_side_the_relation_is_read_the_other_way(workspace, capsys):
    seed_council(workspace)
    assert main(["report", HOUSING, "--alongside", COUNCIL, "-o", "board.html"]) == 0
    both = _section(words((workspace / "board.html").read_text(encoding="utf-8")), "Both codes side by side")
    # The LGSCO's 1.5 asks for part of the Housing Code's 1.3: from the housing side, 1.3 asks for more.
    assert ("1.5", "1.3", "subset") in _links()
    assert (
        "1.3 A resident does not have to use the word ‘complaint’ for it to be… Yes Superset: asks for more "
        "1.5 An individual should not have to use the word ‘complaint’" in both
    )
    assert "HOS 6.3 answered Yes, LGSCO 6.3 answered Partial" in both


def test_an_lgsco_assessment_answered_a_section_at_a_time_is_read_through_its_sections(workspace, capsys):
    council = workspace / COUNCIL
    lines = ["code: lgsco-chc", "organisation: Westminster City Council", "assessed_on: 2024-06-28"]
    lines += ["responses:"]
    lines += [
        f"  '{n}':\n    answer: 'Yes'\n    evidence: [Complaints policy]" for n in range(1, 10) if n != 7
    ]
    lines += ["  '7':\n    answer: 'No'\n    commentary: Remedies in adult social care are not yet tracked."]
    council.write_text("\n".join(lines) + "\n", encoding="utf-8")
    edit(workspace / HOUSING, ('  "6.3":\n    answer: "Yes"', '  "6.3":\n    answer: "No"'))
    assert main(["report", COUNCIL, "--alongside", HOUSING, "-o", "board.html"]) == 0
    both = _section(words((workspace / "board.html").read_text(encoding="utf-8")), "Both codes side by side")
    # Section 6 answered 'Yes' says each of its provisions is met: the Housing Code's 'No' to the
    # same requirement contradicts it.
    assert "1 answer disagrees with the other code's" in both
    assert (
        "LGSCO 6.3 answered Yes, HOS 6.3 answered No: The same requirement: LGSCO 6.3 is met and HOS 6.3 is "
        "not met" in both
    )
    assert "Yes (section 6) Equal: the same requirement 6.3 Landlords must issue" in both
    # Section 7 answered 'No' may fall short in another of its provisions than 7.1: no contradiction.
    assert (
        "7.1 Where something has gone wrong an organisation should acknowledge this… No (section 7) Equal: the "
        "same requirement 7.1 Where something has gone wrong a landlord must acknowledge this and set… Yes "
        "Differ as expected: LGSCO 7.1 is answered with its whole section 7, which may fall short elsewhere"
    ) in both
    # Elsewhere in the report a section answered whole is known by its title, not its first words.
    text = words((workspace / "board.html").read_text(encoding="utf-8"))
    assert "7 (Putting things right): Not fully met, with no action that has an owner and a due date." in text


def test_another_organisations_or_an_unlinked_codes_assessment_is_refused_without_force(workspace, capsys):
    seed_council(workspace)
    other = workspace / "assessments" / "other-council.yaml"
    other.write_text(
        (workspace / HOUSING)
        .read_text(encoding="utf-8")
        .replace("organisation: Westminster City Council", "organisation: Brookvale District Council"),
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["report", COUNCIL, "--alongside", "assessments/other-council.yaml", "-o", "r.html"]) == 2
    said = capsys.readouterr().err
    assert (
        "assessments/other-council.yaml is the assessment of Brookvale District Council, not of Westminster "
        "City Council; give the same organisation's assessment against the other code, or add --force to set "
        "them side by side anyway." in said
    )
    assert "Traceback" not in said and not (workspace / "r.html").exists()
    # The council's own scrutiny tracker answers a code that links nothing to the Housing Code's.
    scrutiny = "assessments/wcc-policy-scrutiny-2023.yaml"
    assert main(["report", HOUSING, "--alongside", scrutiny, "-o", "r.html"]) == 2
    said = capsys.readouterr().err
    assert f"{scrutiny} answers the " in said
    assert (
        "which the Complaint Handling Code (Housing Ombudsman Service, 2024) this assessment answers " in said
    )
    assert "has no provisions linked with" in said and not (workspace / "r.html").exists()
    assert main(["report", COUNCIL, "--alongside", COUNCIL, "-o", "r.html"]) == 2
    assert (
        f"{COUNCIL} answers the same code as this assessment; give the organisation's assessment against a "
        "code this one corresponds to, or add --force to set them side by side anyway."
        in capsys.readouterr().err
    )
    assert (
        main(["report", COUNCIL, "--alongside", "assessments/other-council.yaml", "-o", "r.html", "--force"])
        == 0
    )
    assert "Both codes side by side" in (workspace / "r.html").read_text(encoding="utf-8")


def test_an_unreadable_other_assessment_gives_no_report_and_says_where(workspace, capsys):
    seed_council(workspace)
    edit(workspace / HOUSING, ("organisation: Westminster City Council", "organisation: [Westminster"))
    capsys.readouterr()
    assert main(["report", COUNCIL, "--alongside", HOUSING, "-o", "r.html"]) == 1
    captured = capsys.readouterr()
    assert f"{(workspace / HOUSING).as_posix()}:" in captured.out or f"{HOUSING}:" in captured.out
    assert "SA001" in captured.out and "Traceback" not in captured.err
    assert not (workspace / "r.html").exists()


def test_the_word_report_has_the_same_section(workspace, capsys):
    seed_council(workspace)
    assert main(["report", COUNCIL, "--alongside", HOUSING, "--format", "docx", "-o", "board.docx"]) == 0
    document = Document(str(workspace / "board.docx"))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    start = headings.index(("Heading 1", "Both codes side by side"))
    assert headings[start + 1 :] == [
        ("Heading 2", "1 answer disagrees with the other code's"),
        ("Heading 2", "Linked provisions and their answers"),
        ("Heading 2", "LGSCO provisions with no counterpart"),
        ("Heading 2", "HOS provisions with no counterpart"),
    ]
    [pairs] = [t for t in document.tables if t.rows[0].cells[0].text == "LGSCO"]
    assert [c.text for c in pairs.rows[0].cells] == [
        "LGSCO",
        "Answer",
        "How the two relate",
        "HOS",
        "Answer",
        "Do the answers agree?",
    ]
    assert len(pairs.rows) == len(_links()) + 1
    [row] = [r for r in pairs.rows if r.cells[5].text == "Disagree"]
    assert [c.text for c in row.cells][:2] == [
        "6.3 Organisations should provide a full response to stage 1 complaints…",
        "Partial",
    ]
    assert row.cells[5].paragraphs[0].runs[0].bold  # said in words, in bold, as well as shaded
    assert row.cells[0]._tc.tcPr.xpath("./w:shd/@w:fill") == ["F8D7DA"]
    assert pairs._tbl.tblPr.xpath("./w:tblCaption/@w:val") == ["Linked provisions and their answers"]
    said = [p.text for p in document.paragraphs]
    assert "LGSCO 6.3 answered Partial, HOS 6.3 answered Yes: The same requirement" in " ".join(said)


@pytest.mark.slow
def test_the_pdf_report_has_the_same_section(workspace, capsys):
    import pypdf

    seed_council(workspace)
    assert main(["report", COUNCIL, "--alongside", HOUSING, "--format", "pdf", "-o", "board.pdf"]) == 0
    pdf = pypdf.PdfReader(str(workspace / "board.pdf"))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    assert "Both codes side by side" in text and "1 answer disagrees with the other code's" in text
    assert "LGSCO 6.3 answered Partial, HOS 6.3 answered Yes" in text


def _assessment(code: str, answers: dict[str, str]) -> Assessment:
    return Assessment.model_validate(
        {
            "code": code,
            "organisation": "Westminster City Council",
            "assessed_on": "2024-06-28",
            "answered_per": "provision",
            "responses": {number: {"answer": answer} for number, answer in answers.items()},
        }
    )


def test_a_provision_met_where_the_one_it_asks_more_than_is_not_is_a_disagreement():
    library = CodeLibrary()
    housing, council = (library.find(name, REPO).code for name in ("hos-chc-2024", "lgsco-chc"))
    assert housing is not None and council is not None
    # The LGSCO's 1.5 asks for part of the Housing Code's 1.3; its 1.2 overlaps the Housing Code's 1.4.
    ours = _assessment("hos-chc-2024", {"1.3": "Yes", "1.4": "Yes"})
    theirs = _assessment("lgsco-chc", {"1.5": "No", "1.2": "N/A"})
    view = alongside_view((ours, housing), (theirs, council), "the LGSCO's Code")
    pairs = {(p.ours.number, p.theirs.number): p for p in view.pairs}
    more = pairs[("1.3", "1.5")]
    assert (more.relation, more.standing) == ("superset", "Disagree")
    assert (
        more.why
        == "HOS 1.3 is met and LGSCO 1.5 is not met, yet HOS 1.3 asks for all that LGSCO 1.5 asks, and more."
    )
    apart = pairs[("1.4", "1.2")]
    assert (apart.relation, apart.standing, apart.why) == (
        "overlap",
        "Not compared",
        "LGSCO 1.2 not applicable",
    )
    # The part met where the whole it belongs to is not: no contradiction, the whole asks for more.
    part_met = _assessment("lgsco-chc", {"1.5": "Yes"})
    flipped = alongside_view((part_met, council), (_assessment("hos-chc-2024", {"1.3": "No"}), housing), "")
    [part] = [p for p in flipped.pairs if (p.ours.number, p.theirs.number) == ("1.5", "1.3")]
    assert (part.relation, part.standing, part.why) == ("subset", "Differ as expected", "")
