"""`selfassess import` of an action plan: Norwich's Housing Improvement Plan (2009) in its own nine
columns, as Word and as Excel, each action placed by its link under the recommendation it serves."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from selfassess.cli import main
from tests.importing import builders
from tests.importing.helpers import (
    OFFICE_KINDS,
    SAVED_BY_OFFICE,
    assert_nothing_lost,
    run_import,
    saved_by_office,
)

CODE = "norwich-housing-improvement-2009"
ABOUT = ("--organisation", "Norwich City Council", "--assessed-on", "2009-07-16")
TRANSCRIPTION = builders.REPO / "assessments" / f"{CODE}.yaml"
# The plan's headings as the imported note names them, and as the transcription's note does.
SHORT_LABELS = {
    "Current Status Green Amber": "Current Status",
    "Link to supporting recommendation": "Link",
    "Related priority action & supporting Lead Officers": "Related",
}


def _write(kind: str, path: Path) -> Path:
    table = builders.norwich_plan()
    if kind in SAVED_BY_OFFICE:
        return saved_by_office(_write(kind.split("-")[0], path), kind)
    if kind == "docx":
        return builders.write_docx([table], path.with_suffix(".docx"), cover=False)
    return builders.write_workbook([("Annex A", table)], path.with_suffix(".xlsx"))


def _lines(text: str | None) -> list[str]:
    """An action's text line by line, without bullets ("• " as transcribed, "- " as imported)."""
    return [re.sub(r"^(?:[-•]) ", "", line.strip()) for line in (text or "").splitlines() if line.strip()]


def _comparable(action: dict[str, Any], imported: bool) -> dict[str, Any]:
    note = action.get("note") or ""
    if imported:
        for long, short in SHORT_LABELS.items():
            note = note.replace(f"{long}: ", f"{short}: ")
    return {
        "ref": action.get("ref"),
        "action": _lines(action.get("action")),
        "owner": action.get("owner"),
        "start": action.get("start"),
        "due": action.get("due"),
        "status": action.get("status"),
        "rag": action.get("rag"),
        "serves": action.get("serves") or [],
        "note": builders.norwich_note(note),  # the plan's words by the dates, status, link, related
    }


def _actions(text: str, imported: bool) -> dict[str, list[dict[str, Any]]]:
    data = yaml.safe_load(text)["responses"]
    return {
        number: [_comparable(action, imported) for action in response.get("actions") or []]
        for number, response in data.items()
    }


def _findings(capsys: pytest.CaptureFixture[str], path: Path) -> list[tuple[str, str | None, str]]:
    main(["check", "--format", "json", str(path)])
    found = json.loads(capsys.readouterr().out)["findings"]
    return sorted((f["rule"], f["provision"], f["message"]) for f in found)


@pytest.mark.parametrize("kind", ["docx", "xlsx", *OFFICE_KINDS])
def test_norwich_plan_every_action_under_its_recommendation(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(kind, tmp_path / "improvement-plan")
    status, out, err = run_import(capsys, source, CODE, "--unlinked", "other", *ABOUT)
    assert status == 1, out + err  # 31/11/09, as the plan prints it
    assert "Traceback" not in err
    assert "67 actions under 8 of 8 provisions, whose answers are left for you to fill in." in err
    written = source.with_suffix(".yaml").read_text(encoding="utf-8")
    expected = _actions(TRANSCRIPTION.read_text(encoding="utf-8"), imported=False)
    got = _actions(written, imported=True)
    assert list(got) == list(expected)
    for number, actions in expected.items():
        assert [a["ref"] for a in got[number]] == [a["ref"] for a in actions], number
        for mine, theirs in zip(got[number], actions, strict=True):
            assert mine == theirs, (number, theirs["ref"])
    assert_nothing_lost([builders.norwich_plan()], written)
    assert "could not place" not in written
    # Placed by the words of its link, and said so: the audit of allocations, the HQN plan.
    assert "link, 'Audit Commission Allocations Review', gives no number, so it is placed under ACH" in err
    assert (
        "      # Placed here by the words of its link, 'HQN Plan': check that it belongs here.\n" in written
    )
    # `check` finds in the import what it finds in the transcription: the six 31/11/09 among them.
    # The import adds only that no recommendation has its answer yet (SA507): the plan gives none.
    mine = _findings(capsys, source.with_suffix(".yaml"))
    theirs = _findings(capsys, TRANSCRIPTION)
    assert [f for f in mine if f[0] != "SA507"] == theirs
    assert [f[1] for f in mine if f[0] == "SA503"] == ["R1", "R5", "other", "other", "other", "other"]
    assert all("'31/11/09' does not exist" in f[2] for f in mine if f[0] == "SA503")
    assert {f[1] for f in mine if f[0] == "SA507"} == {"R1", "R2", "R3", "R4", "R5", "R6", "ACH", "other"}


def test_actions_without_a_link_are_kept_for_the_user_to_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write("docx", tmp_path / "improvement-plan")
    status, _, err = run_import(capsys, source, CODE, *ABOUT)
    assert status == 1
    assert (
        f"improvement-plan.docx: 24 actions link to no provision of {CODE} (the first at table 1, row 4), "
        "so they are kept, commented, at the end of the output; to put them under one provision, run the "
        "command again with --unlinked and its number.\n"
    ) in err
    written = source.with_suffix(".yaml").read_text(encoding="utf-8")
    assert "# table 1, row 10:\n#   why: its link to a recommendation is empty.\n#   Ref: A22\n" in written
    assert_nothing_lost([builders.norwich_plan()], written)
    data = yaml.safe_load(written)["responses"]
    # what its link's words place: the HQN plan's actions and the serious case review's
    assert [action.get("ref") for action in data["other"]["actions"]] == ["B.20", "C.4", None, "F.3", "1"]


def test_unlinked_must_name_a_provision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write("docx", tmp_path / "improvement-plan")
    status, _, err = run_import(capsys, source, CODE, "--unlinked", "R9")
    assert status == 2
    assert f"--unlinked R9: {CODE} has no provision numbered R9" in err
    assert not source.with_suffix(".yaml").exists()
