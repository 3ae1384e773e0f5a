"""Values written by selfassess read back exactly as they were given."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from selfassess.author.yaml_text import YamlText
from selfassess.load.yaml_source import load_yaml_text
from selfassess.timelimits.written_date import read_written_date


def _round_trip(value: object) -> object:
    out = YamlText()
    out.values({"k": value}, indent=0)
    return load_yaml_text(out.text()).data["k"]


def test_answers_numbers_and_dates_stay_as_written() -> None:
    for written in ("Yes", "No", "on", "y", "N/A", "6.10", "09-30", "1", "- dash", "#hash", "a: b"):
        assert _round_trip(written) == written
    assert _round_trip(date(2024, 4, 1)) == date(2024, 4, 1)
    assert str(_round_trip(read_written_date("31/11/09"))) == "31/11/09"


def test_commentary_as_a_block() -> None:
    out = YamlText()
    out.values({"commentary": "Line one.\n\n- a bullet\n"}, indent=4)
    assert out.lines[0] == "    commentary: |"


@given(st.text())
def test_any_text_reads_back(text: str) -> None:
    assert _round_trip(text) == text


def test_a_long_sentence_is_folded_under_its_key() -> None:
    out = YamlText()
    sentence = "Our complaints policy sets out that all complaints should be responded to within ten days."
    out.values({"commentary": sentence}, indent=4)
    assert out.lines[0] == "    commentary: >-"
    assert _round_trip(sentence) == sentence


@given(st.text(min_size=81, max_size=300))
def test_any_long_text_reads_back(text: str) -> None:
    assert _round_trip(text) == text


@given(st.text())
def test_any_text_as_a_comment_leaves_the_file_readable(text: str) -> None:
    out = YamlText()
    out.comment(text, indent=2)
    out.values({"k": "v"})
    assert load_yaml_text(out.text()).data == {"k": "v"}


def test_a_control_character_in_a_comment_is_shown_not_written() -> None:
    out = YamlText()
    out.comment("column 4: 0\x08")
    assert out.lines == ["# column 4: 0\\x08"]
