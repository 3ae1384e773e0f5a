"""`selfassess import form.pdf`: the Ombudsman's form as landlords publish it, saved as PDF from Word
by LibreOffice (with and without tags), and selfassess's own published form as WeasyPrint draws it,
come back with every provision's answer; a PDF that cannot be read gets one sentence saying why."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml

from selfassess.cli import main
from selfassess.timelimits.written_date import read_written_date
from tests.importing import builders
from tests.importing.helpers import responses, run_import, saved_by_office

ORGANISATION = ["--organisation", "Westminster City Council", "--assessed-on", "2024-10-22"]
EXAMPLE = builders.REPO / "assessments" / "example-homes-2025.yaml"


def _words(text: str | None) -> list[str]:
    return (text or "").split()


def _westminster_pdf(kind: str, folder: Path) -> Path:
    printed = builders.write_docx(builders.westminster_form(), folder / "westminster.docx", printed=True)
    return saved_by_office(printed, kind)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["pdf-saved-by-libreoffice", "tagged-pdf-saved-by-libreoffice"])
def test_the_form_saved_as_pdf_gives_every_answer(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _westminster_pdf(kind, tmp_path)
    status, out, err = run_import(capsys, source, "hos-chc-2024", *ORGANISATION)
    assert "Wrote " in err and "72 of 72 provisions answered." in err
    expected = responses((builders.REPO / "assessments/westminster-2024.yaml").read_text(encoding="utf-8"))
    got = responses(source.with_suffix(".yaml").read_text(encoding="utf-8"))
    for number, response in expected.items():
        # Every answer, including 1.5's, whose cell 1.4 shares across a page break.
        assert got[number]["answer"] == response["answer"], number
        # Every word of the commentary, in order; a row cut by a page break is joined again.
        assert _words(got[number]["commentary"]) == _words(response["commentary"]), number
        # Every character of the evidence: a PDF keeps no paragraphs, so a title (or an address
        # cut by a page break) may break differently.
        assert "".join(_words(" ".join(got[number]["evidence"]))) == "".join(
            _words(" ".join(response["evidence"]))
        ), number
    assert status == 1 and "SA103 error [2.5] Answer 'YAC'" in out  # as Westminster published it
    if kind.startswith("tagged"):
        # The tags say where each paragraph ends: the commentary comes back exactly.
        assert all(got[n]["commentary"] == r["commentary"] for n, r in expected.items())
        titles = sum(got[n]["evidence"] == r["evidence"] for n, r in expected.items())
        assert titles >= 69  # of 72: three titles are cut by a page break into two


@pytest.mark.slow
def test_our_own_published_form_as_pdf_comes_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("weasyprint")
    pdf = tmp_path / "published.pdf"
    assert main(["render", str(EXAMPLE), "--format", "pdf", "-o", str(pdf)]) == 0
    capsys.readouterr()
    _, _, err = run_import(
        capsys, pdf, "hos-chc-2024", "--organisation", "Fenbrook Homes", "--assessed-on", "2025-05-20"
    )
    assert "72 of 72 provisions answered" in err
    source = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))["responses"]
    back = yaml.safe_load(pdf.with_suffix(".yaml").read_text(encoding="utf-8"))["responses"]
    for number, response in source.items():
        assert back[number]["answer"] == response["answer"], number  # "Yes" above "met": the answer
        assert _words(back[number]["commentary"]) == _words(response.get("commentary")), number
        # The actions (the form's action plan) come back with owner, due date (as printed) and status.
        for action, got in zip(response.get("actions") or [], back[number].get("actions") or [], strict=True):
            assert _words(got["action"]) == _words(action["action"].rstrip(".")), number
            assert got["owner"] == action["owner"]
            assert read_written_date(str(got["due"])).value == action["due"]
            assert got.get("status") == action.get("status")


def _text_only_pdf(path: Path) -> Path:
    """A PDF with a paragraph of text and no table (pypdf draws it)."""
    weasyprint = pytest.importorskip("weasyprint")
    weasyprint.HTML(string="<p>Our complaints policy was reviewed in May.</p>").write_pdf(path)
    return path


def _scanned_pdf(path: Path) -> Path:
    """A page that is only a picture, as a scanner makes."""
    weasyprint = pytest.importorskip("weasyprint")
    pixel = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    weasyprint.HTML(string=f'<img src="{pixel}" style="width:15cm;height:20cm">').write_pdf(path)
    return path


def _locked_pdf(path: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = _text_only_pdf(path.with_name("plain.pdf"))
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="board-only", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda path: path.write_bytes(b"%PDF-1.4\n") and path, "form.pdf cannot be read as a PDF"),
        (
            lambda path: path.write_bytes(b"PK\x03\x04 a Word file renamed") and path,
            "form.pdf cannot be read as a PDF",
        ),
        (_scanned_pdf, "form.pdf holds no text, only pictures of pages"),
        (_locked_pdf, "form.pdf is locked with a password"),
        (_text_only_pdf, "No table in form.pdf has the columns selfassess looks for"),
    ],
)
def test_a_pdf_that_cannot_be_imported_says_why(
    make, said: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "form.pdf"
    make(path)
    status, out, err = run_import(capsys, path, "hos-chc-2024")
    assert status == 1
    assert said in err
    assert "Traceback" not in err + out
    assert not path.with_suffix(".yaml").exists()
