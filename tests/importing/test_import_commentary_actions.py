"""Actions written inside a form's commentary come out as actions, with what, who and when, each
marked with the line it was read from; the rest of the commentary is kept as it was."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from selfassess.importing.commentary_actions import take_actions
from tests.importing import builders
from tests.importing.helpers import run_import


@pytest.mark.parametrize(
    ("commentary", "kept", "actions"),
    [
        (
            "Stage 1 responses were late over the winter.\n"
            "Action: update the scripts by December 2025 (Head of Service)",
            "Stage 1 responses were late over the winter.",
            [{"action": "Update the scripts.", "owner": "Head of Service", "due": date(2025, 12, 31)}],
        ),
        (
            "The leaflet predates the 2024 Code.\n\nActions required:\n"
            "• Reprint the leaflet – due 31/03/2026. Lead: Complaints Manager\n"
            "• Train front-line staff by end of June 2026\n\nReviewed by the Board in May.",
            "The leaflet predates the 2024 Code.\n\nReviewed by the Board in May.",
            [
                {"action": "Reprint the leaflet.", "owner": "Complaints Manager", "due": date(2026, 3, 31)},
                {"action": "Train front-line staff.", "due": date(2026, 6, 30)},
            ],
        ),
        (
            "Next steps: report to the Board, target date: March 2026; owner: Director of Housing",
            "",
            [{"action": "Report to the Board.", "owner": "Director of Housing", "due": date(2026, 3, 31)}],
        ),
        (
            "Further action: publish the self-assessment on the website (by 30 September 2025)",
            "",
            [{"action": "Publish the self-assessment on the website.", "due": date(2025, 9, 30)}],
        ),
        # What is not an action line stays as it was.
        ("Our action plan sets out the improvements.", "Our action plan sets out the improvements.", []),
        ("Actions: none required.", "Actions: none required.", []),
        ("Actions:\nWe keep this under review.", "Actions:\nWe keep this under review.", []),
        ("Action taken: the policy was updated.", "Action taken: the policy was updated.", []),
    ],
)
def test_actions_are_taken_from_commentary(commentary: str, kept: str, actions: list[dict]) -> None:
    left, found = take_actions(commentary)
    assert left == kept
    assert [item.action for item in found] == actions


def test_an_imported_form_gives_the_actions_its_commentary_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tables = builders.westminster_form()
    line = "Action: add a reminder at day 8 to the case system by December 2025 (Head of Customer Services)"
    for table in tables:
        for row in table.rows[table.headers :]:
            if row and row[0] == "6.3":
                row[2] = "Partial"
                row[4] = f"Some stage 1 responses took longer than 10 working days.\n{line}"
    source = builders.write_delimited(tables, tmp_path / "form.csv", ",")
    _, out, err = run_import(
        capsys, source, "hos-chc-2024", "--organisation", "Westminster", "--assessed-on", "2024-10-22"
    )
    assert (
        "form.csv: the commentary of 1 provision (the first 6.3) names actions, now given as actions "
        "with what, who and when, each marked 'Read from the commentary'; check them."
    ) in err
    text = source.with_suffix(".yaml").read_text(encoding="utf-8")
    response = yaml.safe_load(text)["responses"]["6.3"]
    assert response["commentary"] == "Some stage 1 responses took longer than 10 working days."
    assert response["actions"] == [
        {
            "action": "Add a reminder at day 8 to the case system.",
            "owner": "Head of Customer Services",
            "due": date(2025, 12, 31),
        }
    ]
    above = text.split("      - action: Add a reminder")[0].split("    actions:\n")[-1]
    assert (
        " ".join(part.strip().lstrip("# ") for part in above.splitlines())
        == f"Read from the commentary: {line}"
    )
    assert "[6.3]" not in out  # an explained shortfall with an action, owner and date: nothing to report
