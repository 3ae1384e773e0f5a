"""`selfassess diff`: what changed from last year's assessment to this year's, across code versions."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from selfassess.compare.change import KINDS
from tests.compare.fenbrook import FIXTURES, selfassess
from tests.golden import assert_golden

GOLDEN = Path(__file__).parent / "golden"
REPO = Path(__file__).resolve().parents[2]
OLD, NEW = "assessments/fenbrook-2024.yaml", "assessments/fenbrook-2025.yaml"


def golden(name: str, actual: str) -> None:
    assert_golden(GOLDEN / name, actual)


@pytest.mark.parametrize(("form", "suffix"), [("text", "txt"), ("json", "json"), ("md", "md")])
def test_golden_output(form: str, suffix: str) -> None:
    done = selfassess("diff", OLD, NEW, "--format", form)
    assert (done.returncode, done.stderr) == (0, "")
    golden(f"fenbrook-2024-to-2025.{suffix}", done.stdout)


def _changes(*args: str, cwd: Path = FIXTURES) -> list[dict]:
    done = selfassess("diff", *args, "--format", "json", cwd=cwd)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["changes"]


#: What `_about` leaves out: the changes to a provision's words, tested on their own below.
_WORDING = {"commentary-changed", "action-changed"}


def _about(changes: list[dict], provision: str | None) -> list[tuple]:
    return [
        (c["kind"], c["subject"], c["before"], c["after"])
        for c in changes
        if c["provision"] == provision and c["kind"] not in _WORDING
    ]


def test_matched_through_previously() -> None:
    changes = _changes(OLD, NEW)
    # Last year's 1.4 is this year's 1.3: its answer, its evidence and its action compared.
    assert _about(changes, "1.3") == [
        ("answer-changed", None, "Partial", "Yes"),
        ("gap-closed", None, "Partial", "Yes"),
        ("evidence-added", "Repairs policy 2023", None, None),
        ("evidence-added", "Appointment text message template", None, None),
        (
            "action-completed",
            "Text appointment dates to tenants when a repair is booked online",
            "in-progress",
            "done",
        ),
    ]
    # 2.2 was split: an action that moved to the other part is not reported lost from this one.
    assert _about(changes, "2.2") == [
        (
            "action-slipped",
            "Re-inspect every treated home six weeks after treatment",
            "2024-12-31",
            "2025-06-30",
        )
    ]
    assert _about(changes, "2.3")[-1] == (
        "action-completed",
        "Write to tenants with the findings of each inspection",
        "in-progress",
        "done",
    )
    # A register key is compared by its title: the same key, a new document.
    assert _about(changes, "3.1") == [
        ("evidence-added", "Complaints policy 2025", None, None),
        ("evidence-removed", "Complaints policy 2023", None, None),
    ]
    removed = [c for c in changes if c["kind"] == "provision-removed"]
    assert [(c["provision"], c["previously"], c["before"]) for c in removed] == [(None, ["3.1"], "Yes")]
    assert [c["provision"] for c in changes if c["kind"] == "gap-opened"] == ["2.1", "3.3", "4.1"]


def test_every_change_has_the_same_keys_and_a_known_kind() -> None:
    document = json.loads(selfassess("diff", OLD, NEW, "--format", "json").stdout)
    assert list(document) == ["version", "old", "new", "changes"]
    assert document["version"] == 1
    assert document["old"] == {
        "path": OLD,
        "code": "fenbrook-standards-2024",
        "organisation": "Fenbrook Homes",
        "assessed_on": "2024-05-20",
        "period": {"from": "2023-04-01", "to": "2024-03-31"},
        "approved": {"by": "Board", "on": "2024-06-12"},
    }
    keys = ["kind", "provision", "previously", "subject", "ref", "before", "after", "direction", "message"]
    for change in document["changes"]:
        assert list(change) == keys
        assert change["kind"] in KINDS
        assert change["message"].endswith(".")


def test_the_same_assessment_twice_changes_nothing_and_exits_0() -> None:
    done = selfassess("diff", NEW, NEW)
    assert done.returncode == 0
    assert done.stdout.endswith(
        "\n\nNothing changed: the answers, evidence, actions and details are the same.\n"
    )
    assert json.loads(selfassess("diff", NEW, NEW, "--format", "json").stdout)["changes"] == []


def test_actions_matched_by_ref_else_by_their_words(copied: Path) -> None:
    """One code, two editions: a reworded action keeps its ref, a moved date is reported once."""
    new = copied / "assessments" / "later.yaml"
    text = (copied / NEW).read_text(encoding="utf-8")
    text = text.replace(
        "action: Recruit a second damp and mould surveyor", "action: Recruit a second surveyor", 1
    )
    text = text.replace(
        "        due: 2025-09-30\n        status: in-progress",
        "        due: 2025-11-30\n        status: in-progress",
        1,
    )
    text = text.replace(
        "      - action: Write to tenants with the findings of each inspection",
        "      - action: write to tenants with the  findings of each inspection",
        1,
    )
    text = text.replace('        status: not-started\n  "4.1":', '        status: dropped\n  "4.1":', 1)
    text = text.replace(
        "      - ref: CP.1\n        action: Recruit and train",
        "      - ref: CP.2\n        action: Recruit and train",
        1,
    )
    new.write_text(text, encoding="utf-8")
    changes = _changes(NEW, "assessments/later.yaml", cwd=copied)
    assert [(c["kind"], c["provision"], c["ref"], c["before"], c["after"]) for c in changes] == [
        ("action-slipped", "2.1", "DM.3", "2025-09-30", "2025-11-30"),  # reworded, but the same ref
        ("action-changed", "2.1", "DM.3", None, None),  # ... and the new words are said
        ("action-changed", "2.3", None, None, None),  # the same words but for their capitals
        # CP.1 became CP.2: two refs are two actions, whatever their words.
        ("action-added", "3.3", "CP.2", None, None),
        ("action-removed", "3.3", "CP.1", None, None),
    ]


def test_refusals(copied: Path) -> None:
    done = selfassess("diff", NEW, OLD)
    assert done.returncode == 2
    assert "give the earlier assessment first" in done.stderr
    done = selfassess("diff", "codes/fenbrook-standards-2025.yaml", NEW)
    assert done.returncode == 2 and "is a code, not an assessment" in done.stderr
    done = selfassess("diff", OLD, "nowhere.yaml")
    assert done.returncode == 2 and "no such file: nowhere.yaml" in done.stderr
    shutil.copy(REPO / "assessments" / "example-homes-2025.yaml", copied / "assessments" / "other.yaml")
    done = selfassess("diff", OLD, "assessments/other.yaml", cwd=copied)
    assert done.returncode == 2
    assert "hos-chc-2024 does not supersede fenbrook-standards-2024" in done.stderr


def test_a_file_that_cannot_be_read_gives_its_findings_and_exit_1(copied: Path) -> None:
    new = copied / NEW
    new.write_text(new.read_text(encoding="utf-8").replace('  "3.2":\n', '  "3.2":\n    answer: No\n', 1))
    done = selfassess("diff", OLD, NEW, cwd=copied)
    assert done.returncode == 1
    assert re.match(
        r"assessments/fenbrook-2025\.yaml:\d+:5: SA001 error \[3\.2\] 'answer' appears twice", done.stdout
    )
    assert "No comparison" in done.stderr


def test_the_board_report_and_diff_agree_on_gaps(copied: Path) -> None:
    """Both read answers through the one comparison, across the two versions of the code."""
    done = selfassess("report", NEW, "--previous", OLD, "-o", "report.html", cwd=copied)
    assert done.returncode == 0, done.stderr
    words = " ".join(
        unescape(re.sub(r"<[^>]+>", " ", (copied / "report.html").read_text(encoding="utf-8"))).split()
    )
    # each gap named by its number and its first words, as everywhere in the report
    closed = re.search(r"Gaps closed: (.*?) \. New gaps: (.*?) \.", words)
    assert closed is not None, words
    assert re.findall(r"(?:^|; )(\d\.\d) ", closed[1]) == ["1.3", "2.3"]
    assert re.findall(r"(?:^|; )(\d\.\d) ", closed[2]) == ["2.1", "3.3", "4.1"]
    assert re.search(r"1\.3 [^;]*? Partial Yes Better", words)  # last year's 1.4, found under its old number
    changes = _changes(OLD, NEW)
    assert [c["provision"] for c in changes if c["kind"] == "gap-closed"] == ["1.3", "2.3"]
    assert [c["provision"] for c in changes if c["kind"] == "gap-opened"] == ["2.1", "3.3", "4.1"]
