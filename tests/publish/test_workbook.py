"""`selfassess render --format xlsx`: the form as an Excel workbook, as a complaints manager opens it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest

from selfassess.cli import main
from tests.golden import assert_golden
from tests.publish.conftest import REPO, edit

GOLDEN = Path(__file__).parent / "golden" / "example-homes-2025.xlsx-outline.txt"
EXAMPLE = "assessments/example-homes-2025.yaml"


def _outline(path: Path) -> str:
    """Each sheet: its name, header row, frozen panes and filter, then each row's first cell."""
    book = openpyxl.load_workbook(path)
    lines: list[str] = []
    for sheet in book.worksheets:
        lines.append(f"sheet {sheet.title!r}: frozen {sheet.freeze_panes}, filter {sheet.auto_filter.ref}")
        rows = list(sheet.iter_rows(values_only=True))
        for row in rows:
            shown = [str(value) for value in row if value is not None]
            lines.append("  " + (" | ".join(shown) if row is rows[0] else (shown[0] if shown else "")))
    return "\n".join(lines) + "\n"


def test_workbook_golden_structure(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", EXAMPLE, "--format", "xlsx"]) == 0
    written = workspace / "assessments" / "example-homes-2025.xlsx"  # beside the assessment
    assert_golden(GOLDEN, _outline(written))
    properties = openpyxl.load_workbook(written).properties
    assert properties.title == "Fenbrook Homes: Self-assessment against the Complaint Handling Code"
    assert (
        properties.creator == "Fenbrook Homes"
        and properties.subject == "Complaint Handling Code (Housing Ombudsman Service, 2024)"
    )
    assert "Wrote assessments/example-homes-2025.xlsx." in capsys.readouterr().err


def test_the_same_form_gives_the_same_bytes(workspace: Path) -> None:
    """Saved a second later, it is the same file: no time of saving in it (a website's copy, or
    one kept in version control, changes only when the form does)."""
    assert main(["render", EXAMPLE, "--format", "xlsx", "-o", "one.xlsx"]) == 0
    time.sleep(1.1)  # a zip entry's time, and the document's, are to the second
    assert main(["render", EXAMPLE, "--format", "xlsx", "-o", "two.xlsx"]) == 0
    assert (workspace / "one.xlsx").read_bytes() == (workspace / "two.xlsx").read_bytes()


def test_hostile_and_unprintable_text_is_kept_as_text(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A control character or a non-character (which XML cannot hold) is shown as '\ufffd', as in
    Word; a formula typed as a title is text."""
    edit(
        workspace / EXAMPLE,
        ("organisation: Fenbrook Homes", 'organisation: "Fenbrook\\aHomes & Co\\uFFFE"'),
        ('title: "Complaints Policy (version 5)"', 'title: "=HYPERLINK(\\"https://evil.example\\")"'),
    )
    assert main(["render", EXAMPLE, "--format", "xlsx", "--draft", "-o", "hostile.xlsx"]) == 0
    book = openpyxl.load_workbook(workspace / "hostile.xlsx")
    details = {row[0]: row[1] for row in book["Details"].iter_rows(values_only=True) if row[0]}
    assert details["Organisation"] == "Fenbrook\ufffdHomes & Co\ufffd"
    assert book["Details"].oddFooter.left.text.startswith("Fenbrook\ufffdHomes && Co\ufffd: ")
    register = book["Evidence register"]
    assert register["A2"].value == '=HYPERLINK("https://evil.example")'
    assert register["A2"].data_type == "s" and register["A2"].quotePrefix


def test_output_is_never_written_over_the_assessment(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (workspace / EXAMPLE).read_bytes()
    assert main(["render", EXAMPLE, "--format", "xlsx", "-o", EXAMPLE]) == 2
    assert (workspace / EXAMPLE).read_bytes() == before
    assert "is the file being read" in capsys.readouterr().err


def test_a_commentary_longer_than_a_cell_holds_is_refused_not_cut_short(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = "We log every complaint. " * 1400  # 33,600 characters: Excel holds 32,767 in a cell
    edit(
        workspace / EXAMPLE,
        (
            "      Our Complaints Policy uses the Code's definition",
            f"      {long}Our Complaints Policy uses the Code's definition",
        ),
    )
    assert main(["render", EXAMPLE, "--format", "xlsx", "-o", "long.xlsx"]) == 1
    said = capsys.readouterr().err.strip()
    assert said == (
        "assessments/example-homes-2025.yaml: In the sheet '1 Definition of a complaint', the commentary / "
        "explanation of 1.2 is 33,795 characters long, more than the 32,767 an Excel cell holds; shorten "
        "it, or publish the form as html, docx or pdf."
    )
    assert not (workspace / "long.xlsx").exists()


def test_a_long_name_is_shortened_in_the_page_footer_only(workspace: Path) -> None:
    """Excel refuses a page header or footer of more than 255 characters: a long organisation is
    shortened there, and given in full on the details sheet."""
    long_name = "Fenbrook Homes " + "and Partners " * 30
    edit(workspace / EXAMPLE, ("organisation: Fenbrook Homes", f"organisation: {long_name.strip()}"))
    assert main(["render", EXAMPLE, "--format", "xlsx", "-o", "long.xlsx"]) == 0
    details = openpyxl.load_workbook(workspace / "long.xlsx")["Details"]
    assert ("Organisation", long_name.strip()) in details.iter_rows(values_only=True)
    footer = details.oddFooter.left.text
    assert len(footer) == 80 and footer.startswith("Fenbrook Homes and Partners") and footer.endswith("…")


def test_openpyxl_is_loaded_only_when_a_workbook_is_made(tmp_path: Path) -> None:
    """Its import costs a tenth of a second or more: a web page, and the workspace at start, never pay it."""
    probe = (
        "import sys\n"
        "import selfassess.workspace.publishing\n"
        "from selfassess.cli import main\n"
        f"main(['render', 'assessments/example-homes-2025.yaml', '-o', {str(tmp_path / 'form.html')!r}])\n"
        "print('openpyxl' in sys.modules, file=sys.stderr)\n"
    )
    said = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, cwd=REPO
    ).stderr.splitlines()
    assert said[-1] == "False", said
