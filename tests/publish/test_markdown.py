"""Commentary Markdown in every format: shown as written, and never able to run anything."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from selfassess.cli import main
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


def test_a_carriage_return_or_control_character_in_a_title_keeps_the_markdown_table_whole(
    tmp_path, monkeypatch, capsys
):
    """A title, an organisation or an owner holding "\\r" once ended its table row half-way."""
    repo = Path(__file__).parents[2]
    (tmp_path / "codes").mkdir()
    code = (repo / "codes" / "hos-chc-2024.yaml").read_text(encoding="utf-8")
    code = code.replace(
        "    title: Definition of a complaint\n", '    title: "Definition of\\ra complaint"\n', 1
    )
    (tmp_path / "codes" / "hos-chc-2024.yaml").write_text(code, encoding="utf-8")
    shutil.copytree(repo / "assessments" / "evidence", tmp_path / "evidence")
    text = (repo / "assessments" / "example-homes-2025.yaml").read_text(encoding="utf-8")
    for old, new in (
        ("organisation: Fenbrook Homes\n", 'organisation: "Fenbrook\\r\\nHomes"\n'),
        ("        owner: Complaints Team Leader\n", '        owner: "Complaints\\rTeam \\aLeader"\n'),
        ('title: "Complaints Policy (version 5)"', 'title: "Complaints Policy\\u2028(version 5)"'),
    ):
        assert old in text
        text = text.replace(old, new, 1)
    (tmp_path / "fenbrook.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["render", "--draft", "--format", "md", "-o", "form.md", "fenbrook.yaml"]) == 0, (
        capsys.readouterr()
    )
    markdown = (tmp_path / "form.md").read_text(encoding="utf-8")
    assert not re.search("[\r\x07\u2028]", markdown)
    assert "**Fenbrook Homes**" in markdown
    assert "## Section 1: Definition of a complaint" in markdown
    assert "| Complaints Team \ufffdLeader |" in markdown
    width = None
    for line in markdown.split("\n"):
        if not line.startswith("|"):
            width = None
            continue
        cells = len(re.findall(r"(?<!\\)\|", line))
        width = width or cells
        assert cells == width, line  # every row of a table has as many cells as its heading row
