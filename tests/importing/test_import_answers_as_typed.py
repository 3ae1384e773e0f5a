"""Answers as landlords type them in their own forms ("Y", "Compliant", "Partially compliant", "N/A –
not applicable", "Yes – see the policy"): import writes the code's answer, keeps what was typed in a
comment, and moves any explanation into the commentary; two answers in one cell are left as typed
for check to report, never guessed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from selfassess.cli import main
from selfassess.importing import fields
from selfassess.load.codes import CodeLibrary
from selfassess.model.code import Code
from tests.importing import builders
from tests.importing.helpers import run_import

ORGANISATION = ["--organisation", "Westminster City Council", "--assessed-on", "2024-10-22"]

#: Answer cells as published forms give them (Mount Green: "Y"; Uttlesford, Rother: "Yes" and
#: "Partial"; many: "Compliant") and as the issue lists them, each with what the file must say.
TYPED = {
    "1.2": ("Y", "Yes", ""),
    "1.3": ("Compliant", "Yes", ""),
    "1.4": ("Fully compliant", "Yes", ""),
    "2.1": ("Complies", "Yes", ""),
    "2.3": ("Met", "Yes", ""),
    "2.4": ("Partially", "Partial", ""),
    "3.1": ("Partly met", "Partial", ""),
    "3.2": ("Not met", "No", ""),
    "3.3": ("N/A – not applicable", "N/A", ""),
    "3.5": ("YES", "Yes", ""),
    "4.1": ("Yes – see Complaints Policy section 4.2", "Yes", "see Complaints Policy section 4.2"),
    "4.2": ("Partially compliant (training due in March)", "Partial", "training due in March"),
}
#: Cells that give no one answer: kept exactly as typed.
UNREAD = {
    "5.1": "Yes, partially",
    "5.2": "Yes/No",
    "5.3": "No longer applicable",
}


def _hos() -> Code:
    found = CodeLibrary().find("hos-chc-2024", builders.REPO)
    assert found is not None and found.code is not None
    return found.code


def _form_with(answers: dict[str, str], folder: Path) -> Path:
    tables = builders.westminster_form()
    for table in tables:
        for row in table.rows[table.headers :]:
            if row and row[0] in answers:
                row[2] = answers[row[0]]
    return builders.write_delimited(tables, folder / "typed.csv", ",")


def test_answers_as_typed_become_the_codes_answers_with_the_typed_words_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    given = {number: typed for number, (typed, _, _) in TYPED.items()} | UNREAD
    source = _form_with(given, tmp_path)
    status, out, err = run_import(capsys, source, "hos-chc-2024", *ORGANISATION)
    assert (
        "typed.csv: 11 answers written in the table's own words (the first at 1.2) are given as "
        "hos-chc-2024's answers (Yes, No, Partial, N/A), with the table's words kept in a comment above each."
    ) in err  # 1.5 shares 1.4's merged cell; "N/A – not applicable" only says N/A again
    text = source.with_suffix(".yaml").read_text(encoding="utf-8")
    written = yaml.safe_load(text)["responses"]
    original = builders.westminster()["responses"]
    for number, (_typed, answer, explained) in TYPED.items():
        assert written[number]["answer"] == answer, number
        commentary = written[number].get("commentary") or ""
        if explained:
            assert commentary.startswith(explained + "\n\n"), number
        elif original[number].get("commentary"):
            assert commentary == original[number]["commentary"].strip(), number
    for number, typed in UNREAD.items():
        assert written[number]["answer"] == typed, number
    # What was typed, where it is not the answer with other case or punctuation, stays beside it.
    assert "# The table's answer: Fully compliant\n" in text
    assert "# The table's answer: Partially compliant (training due in March)\n" in text
    assert "# The table's answer: YES" not in text
    assert "# The table's answer: Yes, partially" not in text  # kept as the answer itself
    # The cells that give no one answer are reported, with the answer most likely meant.
    assert status == 1
    assert "SA103 error [5.2] Answer 'Yes/No' is not one of Yes, No, Partial, N/A" in out
    assert "SA103 error [5.3] Answer 'No longer applicable'" in out
    assert "SA103 error [5.1] Answer 'Yes, partially'" in out
    reported = {line.split("[")[1].split("]")[0] for line in out.splitlines() if "SA103" in line}
    assert reported == {"2.5", *UNREAD}  # and 2.5's 'YAC', as Westminster published it


@pytest.mark.parametrize(
    ("cell", "answer", "explained"),
    [
        ("Y", "Yes", ""),
        ("Fully Compliant.", "Yes", ""),
        ("Non-compliant", "No", ""),
        ("N/A", "N/A", ""),
        ("NA", "N/A", ""),
        ("Partial: the leaflet is being reprinted", "Partial", "the leaflet is being reprinted"),
        ("Yes\nComplaints Policy refers.", "Yes", "Complaints Policy refers."),
        ("Yes (compliant)", "Yes", ""),
        ("No – not applicable as we have no website", None, ""),  # No, or N/A? The person decides
        ("Not yet", None, ""),
        ("", None, ""),
    ],
)
def test_an_answer_cell_read_on_its_own(cell: str, answer: str | None, explained: str) -> None:
    read = fields.read_answer(cell, _hos())
    assert (read.answer, read.explained) == (answer, explained)


def test_check_suggests_the_answer_an_alias_stands_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example = Path(__file__).parents[2] / "assessments" / "example-homes-2025.yaml"
    text = example.read_text(encoding="utf-8").replace('answer: "Yes"', "answer: Complies", 1)
    path = tmp_path / "ours.yaml"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Answer 'Complies' is not one of Yes, No, Partial, N/A — did you mean 'Yes'?" in out


def test_aliases_are_offered_for_the_near_misses_of_what_people_type() -> None:
    spellings = _hos().answers.spellings
    assert spellings["Partially compliant"] == "Partial"
    assert spellings["Yes"] == "Yes"
    assert {answer for answer in spellings.values()} == {"Yes", "No", "Partial", "N/A"}


@pytest.mark.parametrize("cell", ["No response yet", "No status yet\nRed"])
def test_what_a_published_tracker_prints_for_no_status_is_no_answer(cell: str) -> None:
    found = CodeLibrary().find("oxfordshire-pcs-scrutiny-2024", Path(__file__).parents[2] / "assessments")
    assert found is not None and found.code is not None
    read = fields.read_answer(cell, found.code)
    assert (read.answer, read.typed, read.explained) == (None, "", "")  # not kept as a typed answer
