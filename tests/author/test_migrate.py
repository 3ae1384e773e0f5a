"""`selfassess migrate`: last year's answers carried to the code that supersedes its own, nothing lost."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from selfassess.load.yaml_source import load_yaml_text
from tests.compare.fenbrook import copy_fixtures, selfassess
from tests.golden import assert_golden

GOLDEN = Path(__file__).parent / "golden"
OLD = "assessments/fenbrook-2024.yaml"


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    return copy_fixtures(tmp_path)


def _data(path: Path) -> Any:
    loaded = load_yaml_text(path.read_text(encoding="utf-8"))
    assert not loaded.problems
    return _plain(loaded.data)


def _plain(value: Any) -> Any:
    """Loaded data with each date as the text it was written as, so values compare as written."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, date):
        return value.text  # type: ignore[attr-defined]
    return value


def _scalars(value: Any) -> list[str]:
    """Every key and value in the data, as text."""
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in [key, *_scalars(item)]]
    if isinstance(value, list):
        return [text for item in value for text in _scalars(item)]
    return [] if value is None else [str(value)]


def _findings(path: Path) -> set[tuple[str, str | None, bool]]:
    done = selfassess("check", "--format", "json", str(path), cwd=path.parent)
    return {(f["rule"], f["provision"], "waived" in f) for f in json.loads(done.stdout)["findings"]}


def test_carried_to_the_next_version_and_checked(copied: Path) -> None:
    done = selfassess(
        "migrate", OLD, "--to", "fenbrook-standards-2025", "-o", "assessments/2025.yaml", cwd=copied
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    assert done.stderr.splitlines()[:2] == [
        "Wrote assessments/2025.yaml.",
        "Carried 9 responses from fenbrook-standards-2024 to fenbrook-standards-2025; 2 provisions are new in "
        "fenbrook-standards-2025 and need an answer: 3.3, 4.1; 1 provision of fenbrook-standards-2024 no "
        "longer exists in fenbrook-standards-2025 and is kept as a comment at the end: 3.1; "
        "1 policy or deadline entry the new code "
        "no longer has is kept as a comment: repair-routine; last time's approval (Board, 2024-06-12) is not "
        "carried over.",
    ]
    # The findings last year's file had, and a gap at each provision new in 2025: nothing else.
    assert _findings(copied / OLD) == {("SA201", "2.1", True)}
    # 1.2 now holds 2024's "Routine repairs are completed within 20 working days", read as the
    # standard repair limit ("routine" is not "urgent"), which the 2025 standards set at 15.
    assert _findings(copied / "assessments" / "2025.yaml") == {
        ("SA201", "2.1", True),
        ("SA101", "3.3", False),
        ("SA101", "4.1", False),
        ("SA401", "1.2", False),
    }


def test_each_response_is_carried_exactly_as_written(copied: Path) -> None:
    assert (
        selfassess("migrate", OLD, "--to", "fenbrook-standards-2025", "-o", "new.yaml", cwd=copied).returncode
        == 0
    )
    old, new = _data(copied / OLD), _data(copied / "new.yaml")
    for now, before in {
        "1.1": "1.1",
        "1.3": "1.4",
        "2.1": "2.1",
        "2.2": "2.2",
        "2.3": "2.2",
        "2.4": "2.3",
    }.items():
        assert new["responses"][now] == old["responses"][before], now
    assert new["responses"]["3.1"] == old["responses"]["3.2"]
    assert new["responses"]["1.3"]["answer"] == "Partial"
    assert new["responses"]["1.1"]["answer"] == "Yes"  # written unquoted last year, still the text Yes
    for field in (
        "organisation",
        "assessed_on",
        "period",
        "member_responsible",
        "evidence",
        "deadlines",
    ):
        assert new[field] == old[field], field
    # Last year's sign-off is not this year's: kept for the reader, never read.
    assert "approved" in old and "approved" not in new
    assert "# approved: {by: Board, 'on': 2024-06-12}" in (copied / "new.yaml").read_text(encoding="utf-8")
    assert new["code"] == "fenbrook-standards-2025"
    assert new["policy"] == {"repair-urgent": "5 working days", "damp-inspection": "10 working days"}
    assert list(new["responses"]) == [
        "1.1",
        "1.2",
        "1.3",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "3.1",
        "3.2",
        "3.3",
        "4.1",
    ]
    assert new["responses"]["4.1"] == {"answer": None, "evidence": [], "commentary": None}


def test_a_merged_provision_whose_answers_agree(copied: Path) -> None:
    assert (
        selfassess("migrate", OLD, "--to", "fenbrook-standards-2025", "-o", "new.yaml", cwd=copied).returncode
        == 0
    )
    merged = _data(copied / "new.yaml")["responses"]["1.2"]
    assert merged["answer"] == "Yes"
    assert merged["evidence"] == ["repairs-policy", "Repairs performance dashboard"]  # each once
    assert merged["commentary"] == (
        "From 1.2:\n\nUrgent repairs are completed within 5 working days, as the repairs policy sets.\n\n"
        "From 1.3:\n\nRoutine repairs are completed within 20 working days.\n\n"
        "- The **repairs dashboard** is reviewed monthly by the Head of Repairs.\n"
    )


def test_a_merged_provision_whose_answers_differ_is_left_to_the_user(copied: Path) -> None:
    old = copied / OLD
    text = old.read_text(encoding="utf-8")
    text = text.replace(
        '  "1.3":\n    answer: "Yes"', '  "1.3":\n    answer: Partial\n    lead: Head of Repairs', 1
    )
    text = text.replace(
        '  "1.2":\n    answer: Yes', '  "1.2":\n    answer: Yes\n    lead: Repairs Manager', 1
    )
    old.write_text(text, encoding="utf-8")
    done = selfassess("migrate", OLD, "--to", "fenbrook-standards-2025", "-o", "new.yaml", cwd=copied)
    assert done.returncode == 0, done.stderr
    assert (
        "Provision 1.2 is made from 1.2 and 1.3, which were answered differently last time ('Yes' and "
        "'Partial'); its answer is left empty for you to choose." in done.stderr
    )
    assert "1 provision of fenbrook-standards-2025 draws on answers that differ and needs an answer: 1.2" in (
        done.stderr
    )
    written = (copied / "new.yaml").read_text(encoding="utf-8")
    assert "which were answered differently (1.2: 'Yes',\n  # 1.3: 'Partial')" in written
    assert (
        "    # From 1.2:\n    # lead: Repairs Manager\n    # From 1.3:\n    # lead: Head of Repairs\n"
        in written
    )
    merged = _data(copied / "new.yaml")["responses"]["1.2"]
    assert merged["answer"] is None and "lead" not in merged
    assert ("SA101", "1.2", False) in _findings(copied / "new.yaml")


def test_a_merged_provision_with_a_part_unanswered_is_left_to_the_user(copied: Path) -> None:
    """An old part never answered is not taken as agreeing with the part that was."""
    old = copied / OLD
    text = old.read_text(encoding="utf-8")
    start = text.index('  "1.3":\n')
    old.write_text(text[:start] + text[text.index('  "1.4":\n') :], encoding="utf-8")
    done = selfassess("migrate", OLD, "--to", "fenbrook-standards-2025", "-o", "new.yaml", cwd=copied)
    assert "which were answered differently last time ('Yes' and no answer)" in done.stderr
    merged = _data(copied / "new.yaml")["responses"]["1.2"]
    assert merged["answer"] is None
    assert merged["commentary"].startswith("From 1.2:\n\nUrgent repairs")


def _said(path: Path) -> str:
    """The file's values and its comments, as one run of words."""
    data = " ".join(_scalars(_data(path)))
    comments = " ".join(
        re.sub(r"^\s*#", "", line)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith("#")
    )
    return " ".join(f"{data} {comments}".split())


def test_nothing_is_lost(copied: Path) -> None:
    """Every key and value of last year's file is in the new file, as a value or in a comment."""
    old = copied / OLD
    text = old.read_text(encoding="utf-8")  # a merge that disagrees, so conflicting values go to comments
    text = text.replace(
        '  "1.3":\n    answer: "Yes"', '  "1.3":\n    answer: Partial\n    closed_on: 2024-4-1', 1
    )
    old.write_text(text, encoding="utf-8")
    for code in ("fenbrook-standards-2025", "fenbrook-standards-2026"):
        assert selfassess("migrate", OLD, "--to", code, "-o", f"{code}.yaml", cwd=copied).returncode == 0
        said = _said(copied / f"{code}.yaml")
        missing = [value for value in _scalars(_data(old)) if " ".join(value.split()) not in said]
        assert missing == [], code
    # A date carried as it was typed, not rewritten.
    assert "closed_on: 2024-4-1" in (copied / "fenbrook-standards-2025.yaml").read_text(encoding="utf-8")


def test_two_versions_on(copied: Path) -> None:
    done = selfassess("migrate", OLD, "--to", "fenbrook-standards-2026", "-o", "2026.yaml", cwd=copied)
    assert done.returncode == 0, done.stderr
    assert "3 provisions are new in fenbrook-standards-2026 and need an answer: 2.4, 3.3, 4.1" in done.stderr
    assert (
        "2 policy or deadline entries the new code no longer has are kept as a comment: repair-routine, damp-survey"
        in (done.stderr)
    )
    old, new = _data(copied / OLD), _data(copied / "2026.yaml")
    assert new["responses"]["2.5"] == old["responses"]["2.3"]  # 2024's 2.3 was 2025's 2.4
    assert "deadlines" not in new
    assert "# deadlines:\n#   damp-survey: 06-30\n" in (copied / "2026.yaml").read_text(encoding="utf-8")
    assert _findings(copied / "2026.yaml") == {
        ("SA201", "2.1", True),
        ("SA101", "2.4", False),
        ("SA101", "3.3", False),
        ("SA101", "4.1", False),
        ("SA401", "1.2", False),  # routine repairs in 20 working days, as in 2025
    }


def test_the_whole_file_to_standard_output() -> None:
    done = selfassess("migrate", OLD, "--to", "fenbrook-standards-2025", "-o", "-")
    assert done.returncode == 0, done.stderr
    assert "Wrote standard output." in done.stderr
    assert_golden(GOLDEN / "fenbrook-2024-migrated-to-2025.yaml", done.stdout)


def test_the_schema_line_where_the_repository_has_one(copied: Path) -> None:
    (copied / "schemas").mkdir()
    (copied / "schemas" / "fenbrook-standards-2025-assessment.json").write_text("{}", encoding="utf-8")
    assert (
        selfassess(
            "migrate", OLD, "--to", "fenbrook-standards-2025", "-o", "assessments/new.yaml", cwd=copied
        ).returncode
        == 0
    )
    first = (copied / "assessments" / "new.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/fenbrook-standards-2025-assessment.json"


def test_refusals(copied: Path) -> None:
    mine = copied / "mine.yaml"
    mine.write_text("# my own work\n", encoding="utf-8")
    done = selfassess("migrate", OLD, "--to", "fenbrook-standards-2025", "-o", "mine.yaml", cwd=copied)
    assert done.returncode == 2 and "mine.yaml already exists" in done.stderr
    assert mine.read_text(encoding="utf-8") == "# my own work\n"
    assert (
        selfassess(
            "migrate", OLD, "--to", "fenbrook-standards-2025", "-o", "mine.yaml", "--force", cwd=copied
        ).returncode
        == 0
    )

    done = selfassess("migrate", OLD, "--to", "fenbrook-standards-2025", "-o", OLD, "--force", cwd=copied)
    assert done.returncode == 2 and "is the file being read" in done.stderr

    done = selfassess("migrate", OLD, "--to", "hos-chc-2024", "-o", "x.yaml", cwd=copied)
    assert done.returncode == 2
    assert "hos-chc-2024 does not supersede fenbrook-standards-2024" in done.stderr
    done = selfassess(
        "migrate",
        "assessments/fenbrook-2025.yaml",
        "--to",
        "fenbrook-standards-2024",
        "-o",
        "x.yaml",
        cwd=copied,
    )
    assert done.returncode == 2 and "only to a later version of its own code" in done.stderr
    done = selfassess("migrate", OLD, "--to", "fenbrook-standards-2024", "-o", "x.yaml", cwd=copied)
    assert done.returncode == 2 and "already answers fenbrook-standards-2024" in done.stderr
    done = selfassess("migrate", OLD, "--to", "fenbrook-standards-2099", "-o", "x.yaml", cwd=copied)
    assert done.returncode == 2 and "no readable code 'fenbrook-standards-2099'" in done.stderr
    done = selfassess(
        "migrate", "nowhere.yaml", "--to", "fenbrook-standards-2025", "-o", "x.yaml", cwd=copied
    )
    assert done.returncode == 2 and "no such file: nowhere.yaml" in done.stderr
    assert not (copied / "x.yaml").exists()


def test_an_assessment_that_cannot_be_read_is_not_migrated(copied: Path) -> None:
    old = copied / OLD
    old.write_text(
        old.read_text(encoding="utf-8").replace(
            "    answer: Partial\n", "    answer: Partial\n    answr: No\n", 1
        )
    )
    done = selfassess("migrate", OLD, "--to", "fenbrook-standards-2025", "-o", "new.yaml", cwd=copied)
    assert done.returncode == 1
    assert re.match(r"assessments/fenbrook-2024\.yaml:\d+:5: SA001 error \[1\.4\] ", done.stdout)
    assert "Not migrated: assessments/fenbrook-2024.yaml cannot be read" in done.stderr
    assert not (copied / "new.yaml").exists()
