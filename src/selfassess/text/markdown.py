"""Commentary and requirement text (Markdown) made safe for every published format.

Raw HTML is off (a `<script>` is shown as text); images are off (a published form makes no
requests of its own); a link survives only if it is http(s), mailto or relative, so a
`javascript:` or `data:` link shows as the words it was written with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markdown_it.rules_inline.autolink import AUTOLINK_RE, EMAIL_RE
from markdown_it.rules_inline.entity import DIGITAL_RE, NAMED_RE
from markdown_it.token import Token
from markupsafe import Markup

_SAFE_SCHEMES = frozenset(("http", "https", "mailto"))


def safe_url(url: str | None) -> str | None:
    """`url` if a reader's browser may follow it (http, https, mailto or relative), else None."""
    if not url:
        return None
    cleaned = url.strip()
    # Browsers ignore control characters and whitespace inside a scheme ("java\tscript:").
    probe = re.sub(r"[\x00-\x20\x7f]", "", cleaned)
    try:
        scheme = urlsplit(probe).scheme.lower()
    except ValueError:
        return None
    if scheme and scheme not in _SAFE_SCHEMES:
        return None
    if not scheme and (probe.startswith("//") or ":" in probe.split("/", 1)[0]):
        return None  # a protocol-relative address, or a scheme urlsplit did not recognise
    return cleaned


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "typographer": False})
    parser.enable(["table", "strikethrough"])
    parser.disable("image")
    parser.validateLink = lambda url: safe_url(url) is not None  # type: ignore[method-assign]
    return parser


def to_html(text: str | None) -> Markup:
    """Markdown to HTML that can run nothing."""
    return Markup(_parser().render(text or ""))


@dataclass(frozen=True)
class Span:
    """A run of text with one style; `href` where it is a (safe) link."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Block:
    """A paragraph, or an item of a bulleted or numbered list (`level` deep), as styled spans."""

    kind: str  # "paragraph" | "bullet" | "number" | "heading"
    spans: tuple[Span, ...] = field(default_factory=tuple)
    level: int = 0

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


def _spans(children: list[Token]) -> tuple[Span, ...]:
    spans: list[Span] = []
    bold = italic = 0
    href: str | None = None
    for token in children:
        kind = token.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind == "link_open":
            href = safe_url(str(token.attrs.get("href", "")))
        elif kind == "link_close":
            href = None
        elif kind in ("text", "code_inline"):
            spans.append(Span(token.content, bold > 0, italic > 0, href))
        elif kind in ("softbreak", "hardbreak"):
            spans.append(Span(" " if kind == "softbreak" else "\n", bold > 0, italic > 0, href))
    return tuple(spans)


def blocks(text: str | None) -> list[Block]:
    """The text as paragraphs and list items, for formats that are not HTML (Word)."""
    found: list[Block] = []
    lists: list[str] = []
    for token in _parser().parse(text or ""):
        if token.type == "bullet_list_open":
            lists.append("bullet")
        elif token.type == "ordered_list_open":
            lists.append("number")
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif token.type == "inline":
            kind = lists[-1] if lists else "paragraph"
            found.append(Block(kind, _spans(token.children or []), max(len(lists) - 1, 0)))
        elif token.type in ("fence", "code_block"):
            found.append(Block("paragraph", (Span(token.content.rstrip("\n")),)))
    return found


def plain(text: str | None) -> str:
    """The words of the text without Markdown markup, paragraphs and items on lines of their own."""
    return "\n".join(block.text for block in blocks(text))


# Parentheses start nothing once '[' is escaped; '!' must be, or "![x](a link)" becomes an image.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~!])")


#: Whatever ends a line in CommonMark (a carriage return too), or in an editor or a browser showing
#: the file: any of them in a title would end its table row there, or its heading.
_LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
#: Other control characters: nothing a reader can see (SA005 reports them), shown as Word shows them.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def _one_line(text: str) -> str:
    return _CONTROL.sub("\ufffd", _LINE_BREAKS.sub(" ", text))


def _escaped(text: str) -> str:
    """Text that a Markdown renderer shows as written, on one line: no link, no emphasis, no HTML."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _one_line(text))


# What a line of typed text must not be read as. Inline, whatever CommonMark (with the
# strikethrough this renderer turns on) reads as markup wherever it stands: emphasis, code, and a
# backslash, which would escape the character after it. The rest only where it would act, so that
# the YAML stays as readable as the cell was: a "]" that a "(" follows (the only way a link is made
# without a "[label]:" line, whose "[" starts a line), "~~", and an "&" or a "<" where markdown-it
# would read an entity or an autolink ("Tenancy & Estates", "[…]" and "<sup>" show as typed
# already). At the start of a line, whatever starts a block there: a heading, a quotation, a list,
# a rule, a link's definition. A table needs two lines, and every line here is a block of its own.
_SPECIAL = re.compile(r"[\\`*_]|\](?=\()|~(?=~)|(?<=~)~|[&<]")
_BLOCK_START = re.compile(r"^(?:[#>+\-]|\[(?=.*\]:)|\d{1,9}(?=[.)]))")


def _opens_markup(line: str, at: int) -> bool:
    """Whether the "&" or "<" at `at` begins an entity or an autolink, as markdown-it reads them."""
    if line[at] == "&":
        return bool(DIGITAL_RE.match(line, at) or NAMED_RE.match(line, at))
    end = line.find(">", at)
    inside = line[at + 1 : end] if end > at else ""
    return bool(inside) and bool(AUTOLINK_RE.search(inside) or EMAIL_RE.search(inside))


def literal(line: str) -> str:
    """One line of typed text as Markdown that every renderer shows exactly as it was typed:
    `S:\\Complaints\\_archive`, `2*3*4`, `__init__` and `~~old~~` stay as they are. Spaces and
    tabs at either end are not kept (Markdown does not show them)."""
    line = line.strip()
    escaped = _SPECIAL.sub(
        lambda match: (
            "\\" + match.group(0)
            if match.group(0) not in "&<" or _opens_markup(line, match.start())
            else match.group(0)
        ),
        line,
    )
    start = _BLOCK_START.match(escaped)
    if start is None:
        return escaped
    if start.group(0).isdigit():  # "2024. A year": the full stop would make it a numbered list
        return escaped[: start.end()] + "\\" + escaped[start.end() :]
    return "\\" + escaped


def plain_cell(text: str | None) -> str:
    """Plain text (a title, a name) for a Markdown table cell, shown exactly as written."""
    return _escaped(text or "")


def link_target(url: str) -> str:
    """A link target for Markdown that no character of the address can break out of."""
    return "<" + _LINE_BREAKS.sub("", url).replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"


def table_cell(text: str | None) -> str:
    """The text for one cell of a GitHub-flavoured Markdown table: one line, nothing that runs.

    Paragraphs and list items are kept apart with <br> (GitHub renders it in a cell); every
    other character the user typed is escaped, so a site building pages from this Markdown
    cannot turn "[x](javascript:…)" written as words back into a link.
    """
    lines: list[str] = []
    for block in blocks(text):
        words = ""
        for span in block.spans:
            piece = _escaped(span.text)
            if span.bold:
                piece = f"**{piece}**"
            if span.italic:
                piece = f"*{piece}*"
            if span.href:
                piece = f"[{piece}]({link_target(span.href)})"
            words += piece
        lines.append(("• " if block.kind != "paragraph" else "") + words)
    return "<br>".join(lines)
