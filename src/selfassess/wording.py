"""Small helpers for folding the user's or a code's words into one of our sentences."""

from __future__ import annotations


def mid_sentence(text: str) -> str:
    """`text` as it reads inside a sentence: 'Publish the report' -> 'publish the report', but an
    initialism keeps its capitals ('R1 timescale', 'MRC role' stay as they are)."""
    if len(text) > 1 and text[0].isupper() and (text[1].isupper() or text[1].isdigit()):
        return text
    return text[:1].lower() + text[1:]
