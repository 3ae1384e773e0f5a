"""Whatever text a file holds reaches Word: a control character in any field of an assessment, a
tracker or a code (which `check` reports as SA005) is shown as '\ufffd', never a failed render."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import docx
import pytest

from selfassess.cli import main

REPO = Path(__file__).parents[2]
CODES = REPO / "tests" / "check" / "fixtures" / "codes"
PUBLISH = REPO / "src" / "selfassess" / "publish"
#: Each hostile character as YAML writes it, and what the reader of the Word file sees instead.
HOSTILE = {"\\a": "\ufffd", "\\0": "\ufffd", "\\e": "\ufffd", "\\x0c": "\ufffd", "\\ufffe": "\ufffd"}


def _replace(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The example assessment and its code, with control characters in the organisation's name, an
    action's owner, an evidence title, a section title, a heading and the code's own title."""
    (tmp_path / "codes").mkdir()
    code = (REPO / "codes" / "hos-chc-2024.yaml").read_text(encoding="utf-8")
    code = _replace(code, "title: Complaint Handling Code\n", 'title: "Complaint Handling\\x0cCode"\n')
    code = _replace(
        code, "    title: Definition of a complaint\n", '    title: "Definition of\\ufffea complaint"\n'
    )
    code = _replace(code, "        heading: Stage 1\n", '        heading: "Stage\\e 1"\n')
    (tmp_path / "codes" / "hos-chc-2024.yaml").write_text(code, encoding="utf-8")
    shutil.copytree(REPO / "assessments" / "evidence", tmp_path / "evidence")
    text = (REPO / "assessments" / "example-homes-2025.yaml").read_text(encoding="utf-8")
    text = _replace(text, "organisation: Fenbrook Homes\n", 'organisation: "Fenbrook\\aHomes"\n')
    text = _replace(
        text, "        owner: Complaints Team Leader\n", '        owner: "Complaints\\0Team \\eLeader"\n'
    )
    text = _replace(
        text, 'title: "Complaints Policy (version 5)"', 'title: "Complaints Policy\\x0c (version 5)"'
    )
    (tmp_path / "fenbrook.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _all_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [document.core_properties.title, document.core_properties.author]
    parts += [paragraph.text for paragraph in document.sections[0].header.paragraphs]
    return "\n".join(parts)


@pytest.mark.parametrize("command", [["render", "--draft"], ["report"]])
def test_control_characters_reach_word_as_a_mark(capsys, folder, command):
    out = folder / "out.docx"
    status = main([*command, "--format", "docx", "-o", str(out), str(folder / "fenbrook.yaml")])
    _, err = capsys.readouterr()
    assert status == 0, err
    assert "XML compatible" not in err
    text = _all_text(out.read_bytes())
    assert "Fenbrook\ufffdHomes" in text  # the title, the subtitle, the header and the author
    assert "Fenbrook: " not in text
    assert "Complaint Handling\ufffdCode" in text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe]", text)
    if command[0] == "render":
        assert "Complaints\ufffdTeam \ufffdLeader" in text
        assert "Definition of\ufffda complaint" in text
        assert "Stage\ufffd 1" in text
        assert "Complaints Policy\ufffd (version 5)" in text


def test_check_reports_each_control_character_where_it_stands(capsys, folder):
    status = main(["check", "--format", "json", str(folder / "fenbrook.yaml"), str(folder / "codes")])
    out, _ = capsys.readouterr()
    found = [(f["path"].rsplit("/", 1)[-1], f["line"], f["rule"]) for f in json.loads(out)["findings"]]
    assert status == 0  # a warning: the file is still what it says
    assert [place for place in found if place[2] == "SA005"] == [
        ("hos-chc-2024.yaml", 28, "SA005"),
        ("hos-chc-2024.yaml", 123, "SA005"),
        ("hos-chc-2024.yaml", 480, "SA005"),
        ("fenbrook.yaml", 12, "SA005"),
        ("fenbrook.yaml", 30, "SA005"),
        ("fenbrook.yaml", 338, "SA005"),
    ]


def test_a_tracker_with_control_characters_reaches_word(capsys, tmp_path):
    shutil.copytree(CODES, tmp_path / "codes")
    tracker = (REPO / "tests" / "publish" / "fixtures" / "tracker-2024-06.yaml").read_text(encoding="utf-8")
    tracker = _replace(
        tracker, "organisation: Westminster City Council", 'organisation: "Westminster\\aCouncil"'
    )
    tracker = _replace(tracker, "owner: Sandra Franklin", 'owner: "Sandra\\eFranklin"')
    lead = "Strategic Director of Housing and Commercial Partnerships"
    tracker = _replace(tracker, f"lead: {lead}", f'lead: "\\x0c{lead}"')
    (tmp_path / "tracker.yaml").write_text(tracker, encoding="utf-8")
    out = tmp_path / "tracker.docx"
    status = main(["render", "--draft", "--format", "docx", "-o", str(out), str(tmp_path / "tracker.yaml")])
    _, err = capsys.readouterr()
    assert status == 0, err
    text = _all_text(out.read_bytes())
    assert "Westminster\ufffdCouncil" in text and "Sandra\ufffdFranklin" in text
    assert "\ufffdStrategic Director" in text


def test_a_name_too_long_for_words_properties_still_renders(capsys, folder):
    """Word's title, subject and author hold 255 characters; a longer organisation is shortened there only."""
    path = folder / "fenbrook.yaml"
    long_name = "Fenbrook Homes " + "and Partners " * 30
    path.write_text(
        path.read_text(encoding="utf-8").replace('"Fenbrook\\aHomes"', f'"{long_name.strip()}"'),
        encoding="utf-8",
    )
    out = folder / "out.docx"
    status = main(["render", "--draft", "--format", "docx", "-o", str(out), str(path)])
    _, err = capsys.readouterr()
    assert status == 0, err
    document = docx.Document(io.BytesIO(out.read_bytes()))
    assert len(document.core_properties.author) == 255 and document.core_properties.author.endswith("…")
    assert long_name.strip() in [paragraph.text for paragraph in document.paragraphs]


def test_text_reaches_word_only_through_the_building_blocks():
    """word_blocks.clean is the one place text is made fit for Word: no other module adds text to a
    document by python-docx's own calls, which would pass a control character through to lxml."""
    direct = re.compile(r"\.add_heading\(|\.add_run\(|\.text\s*=|add_paragraph\((?!\)|style=)")
    offenders = [
        f"{path.relative_to(PUBLISH)}:{number}"
        for path in PUBLISH.rglob("*.py")
        if path.name != "word_blocks.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if direct.search(line)
    ]
    assert offenders == []


def test_only_addresses_that_work_from_anywhere_are_links_in_word(capsys, tmp_path):
    """A Word file is read away from the assessment's folder (attached to the board's papers): a
    relative address would be a link that fails, so it is written out after the words instead."""
    shutil.copytree(REPO / "assessments" / "evidence", tmp_path / "evidence")
    text = (REPO / "assessments" / "example-homes-2025.yaml").read_text(encoding="utf-8")
    text = _replace(
        text,
        "      Our Complaints Policy uses the Code's definition of a complaint word for word.\n",
        "      Our [Complaints Policy](evidence/complaints-policy.pdf) uses the Code's definition of a\n"
        "      complaint word for word (see [6.3](#provision-6.3) and [the Code](https://www.example.org/code)).\n",
    )
    (tmp_path / "fenbrook.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "form.docx"
    assert (
        main(["render", "--draft", "--format", "docx", "-o", str(out), str(tmp_path / "fenbrook.yaml")]) == 0
    )
    capsys.readouterr()
    document = docx.Document(io.BytesIO(out.read_bytes()))
    cell = next(row.cells[4] for table in document.tables for row in table.rows if row.cells[0].text == "1.2")
    assert cell.paragraphs[0].text.startswith(
        "Our Complaints Policy (evidence/complaints-policy.pdf) uses the Code's definition of a complaint "
        "word for word (see 6.3 and the Code)."
    )
    assert [link.address for paragraph in cell.paragraphs for link in paragraph.hyperlinks] == [
        "https://www.example.org/code"
    ]


def test_a_section_name_with_dollar_signs_is_drawn_as_typed(capsys, tmp_path):
    """The Word report's chart is drawn by matplotlib, which reads text between two '$' as a formula
    and stops on one it cannot read; a section is named on the chart exactly as the code names it."""
    shutil.copytree(REPO / "assessments" / "evidence", tmp_path / "evidence")
    (tmp_path / "codes").mkdir()
    name = r"Resources: $\frac{ budgets and $5 fees"
    code = (REPO / "codes" / "hos-chc-2024.yaml").read_text(encoding="utf-8")
    code = _replace(code, "    title: Definition of a complaint\n", f"    title: '{name}'\n")
    (tmp_path / "codes" / "hos-chc-2024.yaml").write_text(code, encoding="utf-8")
    shutil.copy(REPO / "assessments" / "example-homes-2025.yaml", tmp_path / "fenbrook.yaml")
    out = tmp_path / "report.docx"
    status = main(["report", "--format", "docx", "-o", str(out), str(tmp_path / "fenbrook.yaml")])
    _, err = capsys.readouterr()
    assert status == 0, err
    assert "Traceback" not in err
    document = docx.Document(io.BytesIO(out.read_bytes()))
    pictures = document.inline_shapes
    assert len(pictures) >= 1
    assert f"{name}: " in pictures[0]._inline.docPr.get("descr")  # the alt text names it as typed
