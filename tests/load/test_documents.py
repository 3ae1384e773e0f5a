from __future__ import annotations

from pathlib import Path

import pytest

from selfassess.load.documents import kind_of, read_document
from selfassess.load.positions import Position


def write(tmp_path: Path, text: str, name: str = "a.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ({"sections": []}, "code"),
        ({"id": "x", "answers": {}}, "code"),
        ({"responses": {}}, "assessment"),
        ({"code": "hos-chc-2024"}, "assessment"),
        ({"organisation": "x"}, "assessment"),
        ({"title": "x"}, "unknown"),
        (["a"], "unknown"),
    ],
)
def test_codes_and_assessments_are_told_apart_by_content(data, kind):
    assert kind_of(data) == kind


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("# only a comment\n", "empty"),
        ("- a\n- b\n", "not a list"),
        ("just text\n", "not a single value"),
        ("title: Something else\n", "neither a code"),
    ],
)
def test_files_that_are_no_document_say_so_at_line_one(tmp_path, text, words):
    document = read_document(write(tmp_path, text))
    [problem] = document.problems
    assert problem.position == Position(1, 1)
    assert words in problem.message


def test_an_unknown_field_is_reported_and_the_rest_still_read(tmp_path):
    document = read_document(
        write(
            tmp_path,
            "code: hos-chc-2024\norganisation: X\nassessed_on: 2025-05-20\n"
            "responses:\n  '6.3':\n    answer: 'No'\n    evidnce: [policy]\n    commentary: Late.\n",
        )
    )
    [problem] = document.problems
    assert (problem.position, problem.loc) == (Position(7, 5), ("responses", "6.3", "evidnce"))
    assert document.assessment is not None
    assert document.assessment.responses["6.3"].commentary == "Late."


def test_an_unreadable_response_is_set_aside_not_lost(tmp_path):
    document = read_document(
        write(
            tmp_path,
            "code: hos-chc-2024\norganisation: X\nassessed_on: 2025-05-20\n"
            "responses:\n  '6.2': {answer: 'Yes'}\n  '6.3':\n    answer: [Yes, No]\n",
        )
    )
    assert document.unreadable == frozenset({("responses", "6.3")})
    assert list(document.assessment.responses) == ["6.2"]
    [problem] = document.problems
    assert problem.position == Position(7, 13)
    assert problem.message == "'answer' should be text, not a list."


def test_a_missing_organisation_or_date_is_reported_and_the_rest_still_read(tmp_path):
    """A form not yet filled in (as `new` and `import` leave it) is still checked for the rest."""
    document = read_document(write(tmp_path, "code: hos-chc-2024\nassessed_on: 2025-05-20\nresponses: {}\n"))
    [problem] = document.problems
    assert problem.message.startswith("'organisation' is missing here")
    assert document.assessment is not None and document.assessment.responses == {}
    document = read_document(write(tmp_path, "code: hos-chc-2024\norganisation: Fenbrook\nresponses: {}\n"))
    [problem] = document.problems
    assert problem.message.startswith("'assessed_on' is missing here")
    assert document.assessment is not None and document.assessment.assessed_on.value is None


def test_a_missing_code_leaves_no_model_but_a_finding(tmp_path):
    document = read_document(
        write(tmp_path, "organisation: Fenbrook\nassessed_on: 2025-05-20\nresponses: {}\n")
    )
    assert document.assessment is None
    [problem] = document.problems
    assert problem.message.startswith("'code' is missing here")


def test_an_optional_field_with_a_wrong_value_is_left_out(tmp_path):
    document = read_document(
        write(tmp_path, "code: hos-chc-2024\norganisation: X\nassessed_on: 2025-05-20\nperiod: last year\n")
    )
    assert document.assessment is not None and document.assessment.period is None
    assert document.problems[0].position == Position(4, 9)


def test_a_file_that_cannot_be_opened(tmp_path):
    document = read_document(tmp_path / "missing.yaml")
    assert "cannot be read" in document.problems[0].message


def test_a_file_past_the_size_limit_is_read_no_further(tmp_path):
    from selfassess.load.yaml_source import Limits

    path = write(tmp_path, "organisation: " + "x" * 5000 + "\n")
    document = read_document(path, limits=Limits(max_bytes=1024))
    [problem] = document.problems
    assert problem.message.startswith("The file is larger than 1.0 KB, the most selfassess reads")


def test_a_folder_or_device_is_not_read(tmp_path):
    for not_a_file in (tmp_path, Path("/dev/null")):
        [problem] = read_document(not_a_file).problems
        assert problem.position == Position(1, 1)
        assert "it is not an ordinary file" in problem.message or "Is a directory" in problem.message


def test_many_unreadable_entries_are_all_set_aside_in_one_pass(tmp_path):
    lines = ["code: hos-chc-2024", "organisation: X", "assessed_on: 2025-05-20", "responses:"]
    lines += [f"  'r{number}': not a response" for number in range(300)]
    lines += ["  '6.2': {answer: 'Yes'}", "  'r-list': [1, 2]"]
    document = read_document(write(tmp_path, "\n".join(lines) + "\n"))
    assert list(document.assessment.responses) == ["6.2"]
    assert len(document.unreadable) == 301 and len(document.problems) == 301


def test_wrong_choice_suggests_the_right_one(tmp_path):
    document = read_document(
        write(
            tmp_path,
            "code: hos-chc-2024\norganisation: X\nassessed_on: 2025-05-20\nresponses:\n  '6.3':\n"
            "    answer: 'No'\n    actions:\n      - {action: Reminders, status: in progres, rag: Amber}\n",
        )
    )
    [problem] = document.problems
    assert problem.message == (
        "'status' is 'in-progres', which is not one of not-started, in-progress, done, blocked, dropped"
        " — did you mean 'in-progress'?"
    )
    # 'Amber' is accepted as amber: case and spaces do not matter in these choices


def test_evidence_files_are_asked_once_a_run(tmp_path, monkeypatch):
    from selfassess.load import evidence_files
    from selfassess.load.evidence_files import EvidenceFiles, FileFact

    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "log.csv").write_text("a\n", encoding="utf-8")
    text = (
        "code: hos-chc-2024\norganisation: X\nassessed_on: 2025-05-20\nresponses: {}\n"
        "evidence:\n  log: {title: Log, file: evidence/log.csv}\n  gone: {title: Gone, file: evidence/gone.csv}\n"
    )
    first, second = (read_document(write(tmp_path, text, name)).assessment for name in ("a.yaml", "b.yaml"))
    asked: list[str] = []
    real = evidence_files._fact
    monkeypatch.setattr(
        evidence_files, "_fact", lambda written, *rest: asked.append(written) or real(written, *rest)
    )
    run = EvidenceFiles()
    facts = [run.facts(assessment, tmp_path) for assessment in (first, second)]
    assert facts == [{"log": FileFact.PRESENT, "gone": FileFact.MISSING}] * 2
    assert asked == ["evidence/log.csv", "evidence/gone.csv"]
