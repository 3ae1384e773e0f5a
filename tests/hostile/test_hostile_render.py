"""Hostile text on its way out: what a Word file cannot hold (a control character pasted into the
organisation's name, which Word's document properties hold too) is written as "\ufffd", never a
traceback, and the form is published."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml

from selfassess.cli import main
from tests.importing.builders import REPO


def test_a_control_character_in_the_organisation_is_published_as_a_mark(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = yaml.safe_load((REPO / "assessments" / "example-homes-2025.yaml").read_text(encoding="utf-8"))
    data["organisation"] = "Fenbrook\x1a Homes\x0b"
    source = tmp_path / "pasted.yaml"
    source.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "pasted.docx"
    status = main(["render", str(source), "--format", "docx", "--draft", "-o", str(out)])
    assert status == 0, capsys.readouterr().err
    document = docx.Document(str(out))
    assert document.core_properties.author == "Fenbrook\ufffd Homes\ufffd"
    assert "Fenbrook\ufffd Homes\ufffd" in [paragraph.text for paragraph in document.paragraphs]
