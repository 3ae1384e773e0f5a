from __future__ import annotations

from pathlib import Path

from selfassess.load.codes import CodeLibrary
from selfassess.resources import packaged_dir

CODE = (Path(__file__).parents[2] / "codes" / "hos-chc-2024.yaml").read_text(encoding="utf-8")


def test_the_packaged_codes_are_found_from_anywhere(tmp_path):
    library = CodeLibrary()
    found = library.find("hos-chc-2024", tmp_path)
    assert found is not None and found.code is not None
    assert found.path.parent == packaged_dir("codes")


def test_a_codes_folder_above_the_assessment_wins_over_the_packaged_one(tmp_path):
    (tmp_path / "codes").mkdir()
    (tmp_path / "codes" / "hos-chc-2024.yaml").write_text(
        CODE.replace("title: Complaint Handling Code", "title: Local copy", 1)
    )
    deep = tmp_path / "assessments" / "2025"
    deep.mkdir(parents=True)
    found = CodeLibrary().find("hos-chc-2024", deep)
    assert found is not None and found.code.title == "Local copy"


def test_codes_dir_given_on_the_command_line_wins_over_everything(tmp_path):
    (tmp_path / "codes").mkdir()
    (tmp_path / "codes" / "hos-chc-2024.yaml").write_text(
        CODE.replace("title: Complaint Handling Code", "title: Above", 1)
    )
    chosen = tmp_path / "chosen"
    chosen.mkdir()
    (chosen / "hos-chc-2024.yaml").write_text(
        CODE.replace("title: Complaint Handling Code", "title: Chosen", 1)
    )
    found = CodeLibrary([chosen]).find("hos-chc-2024", tmp_path)
    assert found.code.title == "Chosen"


def test_each_code_file_is_read_once(tmp_path):
    library = CodeLibrary()
    assert library.find("hos-chc-2024", tmp_path) is library.find("hos-chc-2024", tmp_path / "x")


def test_unknown_code_is_none_and_ids_are_listed_for_suggestions(tmp_path):
    library = CodeLibrary()
    assert library.find("hos-chc-2023", tmp_path) is None
    assert "hos-chc-2024" in library.ids(tmp_path)
