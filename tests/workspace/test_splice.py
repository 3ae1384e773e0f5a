"""Saving changes only the lines of what was edited: the file's comments, key order, quoting and
everything else stay byte for byte, as `git diff` shows a reviewer."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from selfassess.author.new import new_assessment
from selfassess.importing.document import import_file
from selfassess.load.codes import CodeLibrary
from selfassess.load.yaml_source import load_yaml_text
from selfassess.workspace.edits import DELETE, Edit
from selfassess.workspace.splice import CannotEdit, apply_edit, apply_edits
from tests.importing.builders import westminster_form, write_docx
from tests.workspace.conftest import git

EXAMPLE = "assessments/example-homes-2025.yaml"
WESTMINSTER = "assessments/westminster-2024.yaml"


def diff(folder: Path, relative: str) -> tuple[list[str], list[str]]:
    """(lines removed, lines added) as `git diff` shows the working copy of `relative`."""
    shown = git(folder, "diff", "-U0", "--no-color", "--", relative)
    removed = [line[1:] for line in shown.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:] for line in shown.splitlines() if line.startswith("+") and not line.startswith("+++")]
    return removed, added


def edit_file(folder: Path, relative: str, *edits: Edit) -> None:
    path = folder / relative
    path.write_bytes(apply_edits(path.read_bytes().decode("utf-8"), list(edits)).encode("utf-8"))


def commit(folder: Path, relative: str, text: str) -> None:
    (folder / relative).parent.mkdir(parents=True, exist_ok=True)
    (folder / relative).write_text(text, encoding="utf-8")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", f"add {relative}")


def test_changing_an_answer_changes_that_line_alone(folder):
    edit_file(folder, EXAMPLE, Edit(("responses", "1.2", "answer"), "Partial"))
    assert diff(folder, EXAMPLE) == (['    answer: "Yes"'], ['    answer: "Partial"'])


def test_changing_commentary_changes_its_lines_alone(folder):
    edit_file(
        folder,
        EXAMPLE,
        Edit(("responses", "1.2", "commentary"), "Further work is needed to embed this across teams."),
    )
    assert diff(folder, EXAMPLE) == (
        [
            "    commentary: >-",
            "      Our Complaints Policy uses the Code's definition of a complaint word for word.",
            "      The same definition is on the complaints page of our website and in the",
            "      Complaint Handling Procedure that staff use.",
        ],
        ["    commentary: Further work is needed to embed this across teams."],
    )


def test_every_kind_of_edit_to_the_example_changes_only_its_own_lines(folder):
    edit_file(
        folder,
        EXAMPLE,
        Edit(("responses", "6.3", "evidence"), ["complaints-policy"]),
        Edit(("responses", "1.3", "waive"), {"SA201": "Seen by the auditor"}),
        Edit(("approved", "on"), datetime.date(2025, 7, 1)),
        Edit(
            ("responses", "1.4", "actions", 0),
            {"action": "Review the triage guidance", "owner": "Head of Complaints"},
        ),
    )
    removed, added = diff(folder, EXAMPLE)
    assert removed == [
        "approved: {by: Board, on: 2025-06-12}",
        "    evidence: [complaints-policy, board-minutes-2025-03]",
    ]
    assert added == [
        "approved: {by: Board, on: 2025-07-01}",
        "    waive:",
        "      SA201: Seen by the auditor",
        "    actions:",
        "      - action: Review the triage guidance",
        "        owner: Head of Complaints",
        "    evidence: [complaints-policy]",
    ]


def test_a_form_new_wrote_keeps_every_requirement_comment(folder):
    code = CodeLibrary().find("hos-chc-2024", folder).code
    relative = "assessments/ours-2026.yaml"
    commit(
        folder,
        relative,
        new_assessment(code, organisation="Our Homes", assessed_on=datetime.date(2026, 5, 1)),
    )
    edit_file(
        folder,
        relative,
        Edit(("responses", "1.2", "answer"), "Yes"),
        Edit(("responses", "1.2", "evidence"), ["Complaints page on our website"]),
        Edit(
            ("responses", "1.2", "commentary"),
            "Our policy uses the Code's words: 'an expression of dissatisfaction'.",
        ),
        Edit(("approved",), {"by": "Board", "on": datetime.date(2026, 6, 30)}),
    )
    assert diff(folder, relative) == (
        ["    answer:", "    evidence: []", "    commentary:"],
        [
            "approved: {by: Board, on: 2026-06-30}",
            "    answer: 'Yes'",
            "    evidence: [Complaints page on our website]",
            "    commentary: 'Our policy uses the Code''s words: ''an expression of dissatisfaction''.'",
        ],
    )


def test_an_imported_form_changes_only_the_edited_lines(folder, tmp_path):
    code = CodeLibrary().find("hos-chc-2024", folder).code
    source = write_docx(westminster_form(), tmp_path / "form.docx")
    made = import_file(
        source, code, organisation="Westminster", assessed_on=datetime.date(2025, 1, 1), schema=None
    )
    relative = "assessments/imported.yaml"
    commit(folder, relative, made.text)
    edit_file(folder, relative, Edit(("responses", "2.5", "answer"), "Yes"))
    assert diff(folder, relative) == (["    answer: YAC"], ["    answer: 'Yes'"])


HAND_WRITTEN = """\
code: hos-chc-2024
organisation: Hand Homes   # typed by hand
assessed_on: 2025-05-20
responses:
    "1.2":
        answer: Yes
        evidence:
        - policy
        - "Complaints page"
        commentary: |
            # Our approach
            We use the Code's words.
    "1.3": {answer: "No", commentary: 'Not yet: see the plan.'}
"""


def test_a_file_indented_by_hand_keeps_its_indentation(folder):
    relative = "assessments/hand.yaml"
    commit(folder, relative, HAND_WRITTEN)
    edit_file(
        folder,
        relative,
        Edit(("responses", "1.2", "answer"), "Partial"),
        Edit(("responses", "1.3", "answer"), "Yes"),
        Edit(("organisation",), "Hand Homes Ltd"),
    )
    assert diff(folder, relative) == (
        [
            "organisation: Hand Homes   # typed by hand",
            "        answer: Yes",
            '    "1.3": {answer: "No", commentary: \'Not yet: see the plan.\'}',
        ],
        [
            "organisation: Hand Homes Ltd   # typed by hand",
            "        answer: Partial",
            "    \"1.3\": {answer: 'Yes', commentary: 'Not yet: see the plan.'}",
        ],
    )


def test_adding_after_a_literal_block_that_looks_like_comments_keeps_it(folder):
    relative = "assessments/hand.yaml"
    commit(folder, relative, HAND_WRITTEN)
    edit_file(
        folder, relative, Edit(("responses", "1.2", "actions", 0), {"action": "Train the new starters"})
    )
    data = load_yaml_text((folder / relative).read_text()).data
    assert data["responses"]["1.2"]["commentary"] == "# Our approach\nWe use the Code's words.\n"
    assert data["responses"]["1.2"]["actions"] == [{"action": "Train the new starters"}]
    removed, _ = diff(folder, relative)
    assert removed == []


def test_removing_actions_and_waivers_removes_their_lines_and_no_more(folder):
    relative = "assessments/hand.yaml"
    text = (
        HAND_WRITTEN
        + '    "1.4":\n        answer: Partial\n        actions:\n        - action: One\n          owner: A\n        - action: Two\n        waive: {SA302: "Agreed with the Ombudsman"}\n'
    )
    commit(folder, relative, text)
    edit_file(folder, relative, Edit(("responses", "1.4", "actions", 0), DELETE))
    assert diff(folder, relative) == (["        - action: One", "          owner: A"], [])
    edit_file(folder, relative, Edit(("responses", "1.4", "actions", 0), DELETE))
    assert diff(folder, relative)[1] == ["        actions: []"]
    edit_file(folder, relative, Edit(("responses", "1.4", "waive", "SA302"), DELETE))
    assert load_yaml_text((folder / relative).read_text()).data["responses"]["1.4"] == {
        "answer": "Partial",
        "actions": [],
    }
    assert diff(folder, relative)[0][-1] == '        waive: {SA302: "Agreed with the Ombudsman"}'


def test_windows_line_endings_and_a_byte_order_mark_are_kept():
    text = 'code: hos-chc-2024\r\norganisation: X\r\nassessed_on: 2025-05-20\r\nresponses:\r\n  "1.2":\r\n    answer: "Yes"\r\n'
    changed = apply_edit(text, Edit(("responses", "1.2", "commentary"), "First line\nsecond line"))
    assert changed.startswith(text)
    assert "\n" not in changed.replace("\r\n", "")
    assert load_yaml_text(changed).data["responses"]["1.2"]["commentary"] == "First line\nsecond line"


def test_a_value_repeated_by_an_alias_is_not_changed_from_the_page():
    text = 'code: hos-chc-2024\norganisation: X\nassessed_on: 2025-05-20\nresponses:\n  "1.2": &same\n    answer: "Yes"\n  "1.3": *same\n'
    with pytest.raises(CannotEdit, match="alias"):
        apply_edit(text, Edit(("responses", "1.3", "answer"), "No"))


def test_an_anchor_others_repeat_is_never_silently_broken():
    text = 'code: hos-chc-2024\norganisation: X\nassessed_on: 2025-05-20\nresponses:\n  "1.2":\n    answer: &yes "Yes"\n  "1.3":\n    answer: *yes\n'
    with pytest.raises(CannotEdit):
        apply_edit(text, Edit(("responses", "1.2", "answer"), "No"))


def test_a_file_that_is_not_yaml_cannot_be_changed():
    with pytest.raises(CannotEdit, match="cannot be read as YAML"):
        apply_edit("code: [unclosed\n", Edit(("organisation",), "X"))


_ANY_WORDS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufeff")
    | st.sampled_from("\n:#'\"-[]{}&*!|>%@` \t"),
    max_size=200,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=_ANY_WORDS)
def test_commentary_takes_any_words_and_reads_back_as_typed(words):
    """Colons, quotes, hashes, line breaks, indentation: whatever is typed reads back as typed,
    and only the edited value's lines change."""
    text = (Path(__file__).parents[2] / EXAMPLE).read_text(encoding="utf-8")
    wanted = words.replace("\r", "").strip() or None
    changed = apply_edit(text, Edit(("responses", "6.3", "commentary"), wanted))
    assert load_yaml_text(changed).data["responses"]["6.3"]["commentary"] == wanted
    before, after = text.splitlines(), changed.splitlines()
    start = next(i for i, line in enumerate(before) if line.startswith('  "6.3":'))
    assert before[:start] == after[:start]
    tail = before.index('  "6.4":')
    assert before[tail:] == after[len(after) - (len(before) - tail) :]
