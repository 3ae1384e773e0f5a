"""The calibration set: Westminster City Council's published self-assessment, checked as a user would.

What a careful reviewer finds in it, and nothing else: 'YAC' at 2.5; a "Yes" whose commentary admits
a shortfall at 5.9, 5.14, 6.2, 6.3, 6.11, 6.14 and 8.1 (but not at 6.6 or 6.17, where improvements
under way are described); every "Yes" with an empty Evidence column; the 2023-24 report "published
in autumn 2024" against the Code's deadline of 30 June 2024 (8.1); and, for publication, the missing
approval. The time limits it states (10 and 20 working days) agree with the Code, and "complaints
that are due a response within two days" (6.4, 6.15) states no limit at all.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selfassess.cli import main

REPO = Path(__file__).parents[2]
WESTMINSTER = "assessments/westminster-2024.yaml"

#: "Yes" answers whose Evidence column is empty in the published form.
NO_EVIDENCE = [
    "1.6",
    "3.3",
    "4.1",
    "4.2",
    "4.3",
    "5.5",
    "5.6",
    "5.7",
    "5.12",
    "6.1",
    "6.5",
    "6.6",
    "6.7",
    "6.8",
    "6.9",
    "6.16",
    "6.17",
    "6.18",
    "6.19",
    "6.20",
    "7.3",
    "8.3",
    "8.4",
    "8.5",
    "9.1",
    "9.2",
    "9.6",
    "9.7",
    "9.8",
]
# The words each message quotes. 6.2 and 6.11 also say the council "did not have" a target for
# acknowledgements (the Code sets one), and 5.14 that procedures "will be updated": both read as
# admissions since the reader learnt from real published text.
ADMITS_SHORTFALL = {
    "5.9": "'not consistently'",
    "5.14": "'will be developed' and 'will be updated'",
    "6.2": "'did not have' and 'inconsistent'",
    "6.3": "'below target'",
    "6.11": "'did not have' and 'did not consistently achieve'",
    "6.14": "'below target'",
    "8.1": "'cannot currently'",
}
EXPECTED = (
    {("SA103", "2.5"), ("SA404", "8.1")}
    | {("SA201", n) for n in NO_EVIDENCE}
    | {("SA303", n) for n in ADMITS_SHORTFALL}
)


@pytest.fixture
def findings(capsys, monkeypatch):
    monkeypatch.chdir(REPO)

    def run(*options: str) -> tuple[int, list[dict]]:
        status = main(["check", "--format", "json", *options, WESTMINSTER])
        return status, json.loads(capsys.readouterr().out)["findings"]

    return run


def test_exactly_the_findings_a_careful_reviewer_makes(findings):
    status, found = findings()
    assert status == 1  # YAC is an error
    assert {(f["rule"], f["provision"]) for f in found} == EXPECTED
    assert len(found) == len(EXPECTED)


def test_admissions_are_quoted(findings):
    _, found = findings()
    for finding in found:
        if finding["rule"] == "SA303":
            assert f"its commentary says {ADMITS_SHORTFALL[finding['provision']]};" in finding["message"]


def test_the_stated_limits_agree_with_the_code(findings):
    _, found = findings("--select", "SA4")
    assert [(f["rule"], f["provision"]) for f in found] == [("SA404", "8.1")]


def test_improvements_under_way_are_not_admissions(findings):
    _, found = findings()
    assert not {("SA303", "6.6"), ("SA303", "6.17"), ("SA303", "3.7"), ("SA303", "5.10")} & {
        (f["rule"], f["provision"]) for f in found
    }


def test_findings_point_at_the_answer_or_the_commentary(findings):
    _, found = findings()
    text = (REPO / WESTMINSTER).read_text(encoding="utf-8").splitlines()
    for finding in found:
        line = text[finding["line"] - 1]
        field = {"SA103": "answer:", "SA201": "answer:", "SA303": "commentary:", "SA404": "commentary:"}[
            finding["rule"]
        ]
        assert line.strip().startswith(field), finding
        assert finding["column"] == line.index(field) + len(field) + 2


def test_publication_also_needs_the_boards_approval(findings):
    _, found = findings("--for-publication")
    assert {(f["rule"], f["provision"]) for f in found} == EXPECTED | {("SA601", None)}


def test_text_output_says_the_same(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    main(["check", WESTMINSTER])
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "Checked 1 file: 2 errors, 36 warnings."
    assert (
        "assessments/westminster-2024.yaml:511:17: SA404 error [8.1] Your commentary on 8.1 gives 'autumn 2024' "
        "(on 1 September 2024 at the earliest), after the deadline of 30 June 2024 (publish the first "
        "self-assessment against the 2024 Code)."
    ) in lines
    assert (
        "assessments/westminster-2024.yaml:347:17: SA303 warning [6.3] Provision 6.3 is answered 'Yes', but its "
        "commentary says 'below target'; answer 'Partial' with an action, or explain why it is met."
    ) in lines


def test_the_limits_it_states_are_read_and_agree():
    from selfassess.check.commentary import statements
    from selfassess.check.runner import CheckOptions, context_for
    from selfassess.load.codes import CodeLibrary
    from selfassess.load.reading import load_file

    context = context_for(load_file(REPO / WESTMINSTER, CodeLibrary()), CheckOptions())
    read = [(s.provision, s.key, str(s.duration)) for s in statements(context)]
    # 6.1's "target response time of 10 working days" names no stage, but its act; 10 working days
    # is within either stage's limit, so it reads as the first stage's, and agrees with the Code
    assert read == [
        ("6.1", "stage1-response", "10 working days"),
        ("6.3", "stage1-response", "10 working days"),
        ("6.14", "stage2-response", "20 working days"),
    ]
