"""A council's two assessments, as `new --from` starts them: its Housing Code assessment (the
council's own, as published) and its LGSCO assessment seeded from it, with one answer changed
so that the two disagree."""

from __future__ import annotations

from pathlib import Path

from selfassess.cli import main
from tests.publish.conftest import edit

HOUSING = "assessments/westminster-2024.yaml"
COUNCIL = "assessments/westminster-lgsco-2024.yaml"


def seed_council(folder: Path, *per: str) -> Path:
    """The LGSCO assessment, seeded from the housing one, its 6.3 answered 'Partial' where the
    Housing Code's same requirement is answered 'Yes'."""
    about = ["--organisation", "Westminster City Council", "--assessed-on", "2024-06-28", *per]
    assert (
        main(["new", "lgsco-chc", "--from", str(folder / HOUSING), "-o", str(folder / COUNCIL), *about]) == 0
    )
    council = folder / COUNCIL
    edit(council, ("  '6.3':\n    answer: 'Yes'", "  '6.3':\n    answer: Partial"))
    return council
