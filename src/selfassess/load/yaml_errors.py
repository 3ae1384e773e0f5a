"""PyYAML's errors, said in a sentence a complaints manager understands."""

from __future__ import annotations

import yaml

from selfassess.load.positions import LoadProblem, Position

# (words in PyYAML's problem or context, our sentence). The first match wins.
_PLAIN_WORDS: tuple[tuple[str, str], ...] = (
    ("found character '\\t'", "A tab is used here; YAML needs spaces, not tabs, to indent."),
    (
        "found character that cannot start any token",
        "This line starts with a character YAML cannot read here (often a tab used to indent, "
        "or a stray '@' or '`'); indent with spaces, or put the text in quotes.",
    ),
    ("found unexpected end of stream", "A quotation mark or bracket opened here is never closed."),
    (
        "found unknown escape character",
        "A backslash inside double quotes starts an escape YAML does not know; use single quotes "
        "instead, or write the backslash twice.",
    ),
    (
        "mapping values are not allowed",
        "A colon (:) appears where YAML did not expect one; if the text itself contains ': ', "
        "put the whole text in quotes, and check the indentation of this line.",
    ),
    (
        "could not find expected ':'",
        "A line here is missing the colon after its field name, or its indentation does not "
        "line up with the lines above.",
    ),
    (
        "did not find expected '-' indicator",
        "This line does not line up with the list above it: list items start with '- ' at the "
        "same indentation.",
    ),
    (
        "did not find expected key",
        "This line does not line up with the fields above it; check its indentation.",
    ),
    ("did not find expected ',' or ']'", "A list written in square brackets is not closed with ']'."),
    ("did not find expected ',' or '}'", "A mapping written in braces is not closed with '}'."),
    (
        "expected <block end>",
        "The indentation here does not line up with the lines above; check the spaces at the "
        "start of this line.",
    ),
    ("found duplicate anchor", "The same anchor (&name) is defined twice."),
    ("found undefined tag handle", "This value uses a YAML tag ('!') selfassess does not know."),
    (
        "control characters are not allowed",
        "The file contains a control character that text files should not hold; remove it.",
    ),
    (
        "special characters are not allowed",
        "The file contains a character that text files should not hold; remove it.",
    ),
)


def _position_of_index(text: str, index: int) -> Position:
    before = text[:index]
    line = before.count("\n") + 1
    return Position(line, index - (before.rfind("\n") + 1) + 1)


def describe_yaml_error(error: yaml.YAMLError, text: str) -> LoadProblem:
    """A `LoadProblem` at the place PyYAML stopped, worded for a person who does not know YAML."""

    if isinstance(error, yaml.reader.ReaderError):
        position = _position_of_index(text, error.position)
        said = f"{error.reason}"
    else:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        position = Position(mark.line + 1, mark.column + 1) if mark is not None else Position(1, 1)
        said = " ".join(
            str(part) for part in (getattr(error, "context", None), getattr(error, "problem", None)) if part
        )
    for words, sentence in _PLAIN_WORDS:
        if words in said:
            return LoadProblem(position, sentence)
    return LoadProblem(position, f"The file is not valid YAML here ({said.strip() or 'unreadable'}).")
