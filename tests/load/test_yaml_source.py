from __future__ import annotations

from datetime import date

import pytest

from selfassess.load.positions import Position
from selfassess.load.yaml_source import Limits, SourceDate, load_yaml_bytes, load_yaml_text


def test_values_are_kept_as_the_user_typed_them():
    loaded = load_yaml_text(
        "answer: Yes\nother: no\nswitch: on\nshort: y\nnumber: 6.10\nday: 09-30\nversion: 2024\nhex: 0x1F\n"
    )
    assert loaded.problems == []
    assert loaded.data == {
        "answer": "Yes",
        "other": "no",
        "switch": "on",
        "short": "y",
        "number": "6.10",
        "day": "09-30",
        "version": "2024",
        "hex": "0x1F",
    }


def test_unquoted_keys_keep_their_text():
    loaded = load_yaml_text("responses:\n  6.10: {answer: Yes}\n  6.1: {answer: No}\n  on: {answer: Yes}\n")
    assert list(loaded.data["responses"]) == ["6.10", "6.1", "on"]


def test_dates_stay_dates_and_remember_their_text():
    loaded = load_yaml_text("a: 2024-04-01\nb: 2024-4-1\nc: '2024-04-01'\n")
    assert loaded.data["a"] == date(2024, 4, 1)
    assert isinstance(loaded.data["b"], SourceDate) and loaded.data["b"].text == "2024-4-1"
    assert loaded.data["c"] == "2024-04-01"


def test_a_date_that_does_not_exist_is_kept_as_text_not_crashed_on():
    loaded = load_yaml_text("due: 2025-02-30\n")
    assert loaded.problems == []
    assert loaded.data == {"due": "2025-02-30"}


def test_empty_and_null_values():
    loaded = load_yaml_text("a:\nb: ~\nc: null\nd: ''\n")
    assert loaded.data == {"a": None, "b": None, "c": None, "d": ""}


def test_positions_of_values_and_keys_are_one_based():
    loaded = load_yaml_text("code: x\nresponses:\n  '6.3':\n    answer: Yes\n    evidence: [a, b]\n")
    positions = loaded.positions
    assert positions.value(("code",)) == Position(1, 7)
    assert positions.key(("responses", "6.3")) == Position(3, 3)
    assert positions.value(("responses", "6.3", "answer")) == Position(4, 13)
    assert positions.value(("responses", "6.3", "evidence", 1)) == Position(5, 19)
    # a path the data does not have falls back to its nearest parent
    assert positions.value(("responses", "6.3", "commentary")) == Position(4, 5)


@pytest.mark.parametrize(
    ("source", "line", "column", "kept"),
    [
        ("a: 1\na: 2\n", 2, 1, {"a": "1"}),
        ("r:\n  '6.3':\n    answer: 'No'\n    answer: 'Yes'\n", 4, 5, {"r": {"6.3": {"answer": "No"}}}),
        ("r:\n  - {x: 1, x: 2}\n", 2, 12, {"r": [{"x": "1"}]}),
        ("r:\n  '6.3': {}\n  '6.3': {answer: 'Yes'}\n", 3, 3, {"r": {"6.3": {}}}),
    ],
)
def test_duplicate_keys_at_any_depth_are_reported_and_never_overwrite(source, line, column, kept):
    loaded = load_yaml_text(source)
    assert [(p.position.line, p.position.column) for p in loaded.problems] == [(line, column)]
    assert "appears twice" in loaded.problems[0].message
    assert loaded.data == kept


def test_bom_crlf_and_tabs_in_values_are_read():
    raw = "\ufeffcode: hos-chc-2024\r\ncommentary: one\ttwo\r\n".encode()
    loaded = load_yaml_bytes(raw)
    assert loaded.problems == []
    assert loaded.data == {"code": "hos-chc-2024", "commentary": "one\ttwo"}
    assert loaded.positions.value(("commentary",)) == Position(2, 13)


def test_utf16_with_bom_is_read():
    loaded = load_yaml_bytes("answer: Yes\n".encode("utf-16"))
    assert loaded.data == {"answer": "Yes"}


def test_windows_1252_bytes_are_reported_at_their_place():
    loaded = load_yaml_bytes(b"code: x\ncommentary: our \x93policy\x94\n")
    assert loaded.data is None
    [problem] = loaded.problems
    assert problem.position == Position(2, 17)
    assert "not saved as UTF-8" in problem.message and "smart" in problem.message


@pytest.mark.parametrize(
    ("source", "line", "column", "words"),
    [
        ("a: 'unclosed\n", 2, 1, "never closed"),
        ("a:\n\tb: c\n", 2, 1, "tab"),
        ("a: b\n c: d\n", 2, 3, "colon"),
        ("items:\n  - a\n  b: c\n", 3, 3, "line up"),
        ('a: "\\q"\n', 1, 5, "backslash"),
        ("a: [1, 2\n", 2, 1, "not closed"),
    ],
)
def test_syntax_errors_are_one_plain_sentence_at_the_fault(source, line, column, words):
    loaded = load_yaml_text(source)
    assert loaded.data is None
    [problem] = loaded.problems
    assert (problem.position.line, problem.position.column) == (line, column)
    assert words in problem.message
    assert "yaml.scanner" not in problem.message


def test_control_characters_are_reported_with_their_place():
    loaded = load_yaml_text("a: ok\nb: x\x00y\n")
    assert loaded.data is None
    assert loaded.problems[0].position == Position(2, 5)


def test_an_alias_bomb_stops_with_a_finding_not_a_memory_blowup():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefghij"):
        previous = "abcdefghij"[i]
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 10)}]")
    loaded = load_yaml_text("\n".join(lines) + "\n", Limits(max_values=100_000))
    assert loaded.data is None
    assert "more than 100,000 values" in loaded.problems[-1].message


def test_a_recursive_alias_is_reported():
    loaded = load_yaml_text("a: &x [1, *x]\n")
    assert [p.position for p in loaded.problems] == [Position(1, 11)]
    assert "contains itself" in loaded.problems[0].message
    assert loaded.data == {"a": ["1", None]}


def test_an_alias_is_expanded_with_the_anchors_positions():
    loaded = load_yaml_text("base: &b {owner: Head of Complaints}\ncopy: *b\n")
    assert loaded.data["copy"] == {"owner": "Head of Complaints"}
    assert loaded.positions.value(("copy",)) == Position(2, 7)
    assert loaded.positions.value(("copy", "owner")) == Position(1, 18)


def test_undefined_alias():
    loaded = load_yaml_text("a: *nothing\n")
    assert "no anchor" in loaded.problems[0].message


def test_deep_nesting_is_capped():
    source = "a: " + "[" * 200 + "]" * 200 + "\n"
    loaded = load_yaml_text(source)
    assert loaded.data is None
    assert "nested more than 50 levels" in loaded.problems[0].message


def test_file_size_is_capped():
    loaded = load_yaml_bytes(b"a: " + b"x" * 2000, Limits(max_bytes=1000))
    assert loaded.data is None
    assert loaded.problems[0].message.startswith("The file is larger than 1.0 KB, the most selfassess reads")


def test_a_second_document_is_reported():
    loaded = load_yaml_text("a: 1\n---\nb: 2\n")
    assert loaded.data == {"a": "1"}
    assert loaded.problems[0].position == Position(2, 1)


def test_tags_are_reported_and_ignored():
    loaded = load_yaml_text("a: !!python/object:os.system echo\nb: !!str 12\n")
    assert loaded.data == {"a": "echo", "b": "12"}
    assert len(loaded.problems) == 1 and "!!python/object:os.system" in loaded.problems[0].message


def test_merge_keys_and_complex_keys_are_reported():
    loaded = load_yaml_text("a: &a {x: 1}\nb:\n  <<: *a\n  y: 2\n? [k]\n: v\n")
    assert loaded.data == {"a": {"x": "1"}, "b": {"y": "2"}}
    assert [p.position.line for p in loaded.problems] == [3, 5]


def test_empty_text_is_no_data_and_no_problem():
    loaded = load_yaml_text("")
    assert loaded.data is None and loaded.problems == []
