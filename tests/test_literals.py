"""The words a pattern cannot match without: never a text the pattern would match passed over."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from selfassess.literals import lowered_for_words, may_match, needed_words
from selfassess.text import cues, figures, scope
from selfassess.timelimits import durations, statements

CORPUS = Path(__file__).parent / "text" / "corpus"


def _corpus_sentences() -> list[str]:
    return [
        " ".join(item["text"].split())
        for path in sorted(CORPUS.glob("*.yaml"))
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]
    ]


def _readers_patterns() -> list[re.Pattern[str]]:
    found = [
        value
        for module in (statements, durations, figures, scope)
        for value in vars(module).values()
        if isinstance(value, re.Pattern)
    ]
    found += [pattern for pattern, _ in (*statements._STAGE_FORMS, *statements._ACT_FORMS)]
    found += [re.compile(cues.compile_pattern(cue.pattern), re.IGNORECASE) for cue in cues.CUES]
    return found


def test_no_sentence_of_the_corpus_a_pattern_matches_is_passed_over():
    sentences = _corpus_sentences()
    patterns = _readers_patterns()
    assert len(sentences) >= 600 and len(patterns) >= 100
    with_words = 0
    for pattern in patterns:
        words = needed_words(pattern)
        if words is None:
            continue
        with_words += 1
        for sentence in sentences:
            if pattern.search(sentence):
                assert may_match(words, lowered_for_words(sentence)), (pattern.pattern, words, sentence)
    assert with_words >= len(patterns) * 3 // 4  # the shortcut is there for most of them


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (
            r"\b(?:off|not on) (?:target|track)\b",
            ("not on target", "not on track", "off target", "off track"),
        ),
        (r"(?<!\w)stage\s+1", ("stage",)),
        (r"\bbacklogs?\b|\bbehind schedule\b", ("backlog", "behind schedule")),
        (r"complaints?", ("complaint",)),  # "complaints" holds "complaint": the shorter will do
        (r"\b(?:was|were) late\b", ("was late", "were late")),
        (r"\w+ing\b", ("ing",)),
        (r"a|be", None),  # words too short to be worth a test
        (r"x?y?z?", None),  # matches nothing at all
        (r"(?:late|)\b", None),  # one way holds no word
        (r"[a-z]+ days", (" days",)),
        (r"d[aä]ys", None),  # no run of three known letters
    ],
)
def test_the_words_each_match_must_hold(pattern, words):
    assert needed_words(re.compile(pattern, re.IGNORECASE)) == words


def test_letters_a_case_blind_pattern_matches_outside_ascii_are_never_passed_over():
    pattern = re.compile(r"\bsystems?\b", re.IGNORECASE)
    words = needed_words(pattern)
    for text in ("our ſystem", "SYSTEM", "our System is new"):
        assert pattern.search(text)
        assert may_match(words, lowered_for_words(text))
    assert not may_match(words, lowered_for_words("our records are kept"))
    assert lowered_for_words("the Kelvin sign \u212a") is None
