"""Commentary Markdown in every format: shown as written, and never able to run anything."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from selfassess.text.markdown import blocks, plain, safe_url, table_cell, to_html

HOSTILE = (
    "Our policy <script>alert(1)</script> and <img src=x onerror=alert(1)> and "
    '[click](javascript:alert(1)) and [data](data:text/html,<b>x</b>) and <a href="javascript:alert(1)">a</a> '
    "and ![pic](https://tracker.example/pixel.png)"
)


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://www.example.org/policy.pdf", True),
        ("http://example.org", True),
        ("mailto:complaints@example.org", True),
        ("evidence/policy.pdf", True),
        ("#provision-6.3", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:msgbox", False),
        ("file:///etc/passwd", False),
        ("//evil.example/x", False),
    ],
)
def test_only_safe_addresses_are_links(url, kept):
    assert (safe_url(url) is not None) is kept


def test_html_shows_hostile_text_as_text():
    html = str(to_html(HOSTILE))
    assert "<script" not in html and "<img" not in html  # nothing runs, nothing is fetched
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript' not in html and 'href="data' not in html
    assert "[click](javascript:alert(1))" in html  # written as words, not a link


def test_markdown_structure_survives():
    text = "First paragraph with **bold** and a [link](https://example.org).\n\n- one\n- two\n\n1. first\n2. second"
    found = blocks(text)
    assert [b.kind for b in found] == ["paragraph", "bullet", "bullet", "number", "number"]
    assert any(span.bold for span in found[0].spans)
    assert [span.href for span in found[0].spans if span.href] == ["https://example.org"]
    assert plain(text).splitlines() == [
        "First paragraph with bold and a link.",
        "one",
        "two",
        "first",
        "second",
    ]


def test_markdown_table_cells_cannot_be_turned_into_links_or_html():
    cell = table_cell(HOSTILE + " | pipe")
    rendered = MarkdownIt("commonmark").enable("table").render(f"| a |\n|---|\n| {cell} |\n")
    assert rendered.count("<td>") == 1  # the pipe did not split the cell
    assert "<script" not in rendered and "<img" not in rendered
    assert 'href="javascript' not in rendered and 'href="data' not in rendered
    assert "javascript:alert(1)" in rendered  # still there, as words
    assert '<a href="https://tracker.example/pixel.png">pic</a>' in rendered  # a link, never an image
