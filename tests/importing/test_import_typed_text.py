"""Text a person typed in a cell is published as they typed it: import writes it as Markdown with
every character Markdown would take as markup escaped, so that the published form (HTML, Word,
Markdown) shows the cell's words, in order, and nothing styled, linked or dropped.

Bulleted lines (a Word list, "•") stay a list, as do lines numbered in sequence ("1.", "2."): the
list shows their bullet or number.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from selfassess.importing import fields
from selfassess.importing.tables import is_bulleted, unbulleted
from selfassess.text.markdown import _parser, blocks, table_cell, to_html
from tests.importing import builders
from tests.importing.helpers import run_import

#: Characters Markdown gives a meaning to, among ordinary words, so that hypothesis tries them often.
_SPECIAL = "\\`*_[]()~<>!&#|+-=.:;0123456789 \t"
_WORDS = [
    "S:\\Complaints\\_archive",
    "2*3*4",
    "__init__",
    "~~old~~",
    "&amp;",
    "<a@b.uk>",
    "[x](y)",
    "[x]: /y",
]
_LINE = st.one_of(
    st.text(alphabet=st.sampled_from(_SPECIAL + "abcXYZ"), max_size=24),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=24),
    st.sampled_from(_WORDS),
    st.builds(lambda bullet, words: f"{bullet} {words}", st.sampled_from("•-–*"), st.sampled_from(_WORDS)),
    st.builds(lambda n, words: f"{n}. {words}", st.integers(0, 12), st.sampled_from(_WORDS)),
)
CELL = st.lists(_LINE, min_size=1, max_size=6).map("\n".join)


def _typed_words(cell: str) -> list[str]:
    """What the person typed, word by word, without the bullets a list shows as bullets."""
    lines = [line.strip() for line in cell.split("\n") if line.strip()]
    return " ".join(unbulleted(line) if is_bulleted(line) else line for line in lines).split()


_PLAIN_BLOCKS = {
    "paragraph_open",
    "paragraph_close",
    "bullet_list_open",
    "bullet_list_close",
    "ordered_list_close",
    "list_item_open",
    "list_item_close",
}


def _shown_words(markdown: str, *, numbers: bool = True) -> list[str]:
    """What a reader sees of the Markdown, word by word: its text, and (`numbers`) a numbered item's
    number as the list shows it. Fails on anything styled, linked, or laid out as other than
    paragraphs and lists."""
    shown: list[str] = []
    counting: list[int] = []
    for token in _parser().parse(markdown):
        if token.type == "ordered_list_open":
            counting.append(int(token.attrs.get("start", 1)))
        elif token.type == "ordered_list_close":
            counting.pop()
        elif token.type == "list_item_open" and token.markup in (".", ")"):
            if numbers:
                shown.append(f"{counting[-1]}{token.markup}")
            counting[-1] += 1
        elif token.type == "inline":
            for child in token.children or []:
                assert child.type in ("text", "softbreak"), (child.type, markdown)
                shown.append(child.content)
        else:
            assert token.type in _PLAIN_BLOCKS, (token.type, markdown)
    return " ".join(shown).split()


def _html_words(markdown: str) -> list[str]:
    """The words of the HTML the published form shows (a list's numbers are the browser's)."""
    page = str(to_html(markdown))
    assert not re.search(r"<(?:a|em|strong|s|code|h\d|blockquote|hr|table)\b", page), page
    return html.unescape(re.sub(r"<[^>]+>", " ", page)).split()


@given(CELL)
@settings(max_examples=400, deadline=None)
def test_a_cell_is_published_as_typed(cell: str) -> None:
    markdown = fields.markdown(cell) or ""
    note(f"Markdown: {markdown!r}")
    assert _shown_words(markdown) == _typed_words(cell)
    words = _shown_words(markdown, numbers=False)
    assert _html_words(markdown) == words  # the HTML form
    assert [word for block in blocks(markdown) for word in block.text.split()] == words  # the Word form
    # the Markdown form's table cell, one line, read back in a table by the same renderer
    cell_line = re.sub(r"(^|<br>)• ", r"\1", table_cell(markdown)).replace("<br>", " ")
    table = [token for token in _parser().parse(f"| x |\n| --- |\n| {cell_line} |") if token.type == "inline"]
    assert len(table) == 2 and all(child.type == "text" for child in table[1].children or []), cell_line
    assert table[1].content == "" or [w for c in table[1].children or [] for w in c.content.split()] == words


def test_what_the_reliability_attack_found() -> None:
    assert fields.markdown("S:\\Complaints\\_archive") == "S:\\\\Complaints\\\\\\_archive"
    for typed in ("S:\\Complaints\\_archive", "2*3*4", "__init__", "~~old~~", "2024. A good year", "# 3"):
        markdown = fields.markdown(typed) or ""
        assert _shown_words(markdown) == typed.split(), typed
        assert blocks(markdown)[0].text == typed and blocks(markdown)[0].kind == "paragraph"
    # a real list stays a list; numbers that are not a sequence are words, shown as typed
    assert fields.markdown("Intro:\n• one\n• two") == "Intro:\n\n- one\n- two"
    assert fields.markdown("1. first\n2. second") == "1. first\n2. second"
    assert fields.markdown("1. first\n1. again") == "1. first\n\n1\\. again"
    # "&" and "<" where they start nothing stay readable in the file
    assert fields.markdown("Tenancy & Estates <sup>th</sup>") == "Tenancy & Estates <sup>th</sup>"


def _form_with_commentary(commentary: str) -> list[builders.Table]:
    return [
        builders.Table(
            [
                builders.FORM_HEADER,
                ["1.2", "A requirement", "Yes", "Complaints policy", commentary],
            ]
        )
    ]


@pytest.mark.slow
@given(cell=CELL)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_word_cell_imports_and_renders_as_typed(
    cell: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through a real Word file: each line a paragraph, "- " lines a Word list; imported, then
    published as HTML."""
    lines = [line for line in cell.splitlines() if line.strip() and "\x00" not in line]
    if not lines or not any(re.search(r"\w", line) for line in lines):
        return
    text = "\n".join(f"- {unbulleted(line)}" if is_bulleted(line) else line.strip() for line in lines)
    source = builders.write_docx(_form_with_commentary(text), tmp_path / "form.docx")
    run_import(
        capsys,
        source,
        "hos-chc-2024",
        "--organisation",
        "A landlord",
        "--assessed-on",
        "2025-03-31",
        "--force",
    )
    written = yaml.safe_load(source.with_suffix(".yaml").read_text(encoding="utf-8"))
    commentary = written["responses"]["1.2"]["commentary"] or ""
    note(f"Commentary: {commentary!r}")
    assert _shown_words(commentary) == _typed_words(cell)
