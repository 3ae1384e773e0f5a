"""A compact outline of an HTML document (headings, tables, row headers), for golden tests that
pin the structure without pinning every word of styling."""

from __future__ import annotations

from html.parser import HTMLParser


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self._capture: str | None = None
        self._text = ""
        self._header: list[str] = []
        self._rows: list[str] = []
        self._in_thead = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("h1", "h2", "h3", "caption"):
            self._capture, self._text = tag, ""
        elif tag == "thead":
            self._in_thead = True
        elif tag == "th":
            self._capture, self._text = ("col" if self._in_thead else attributes.get("scope") or "th"), ""
        elif tag == "table":
            self._header, self._rows = [], []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "caption") and self._capture == tag:
            self.lines.append(f"{tag}: {' '.join(self._text.split())}")
            self._capture = None
        elif tag == "th" and self._capture:
            (self._header if self._capture == "col" else self._rows).append(" ".join(self._text.split()))
            self._capture = None
        elif tag == "thead":
            self._in_thead = False
        elif tag == "table":
            self.lines.append(f"  columns: {' | '.join(self._header)}")
            self.lines.append(f"  rows ({len(self._rows)}): {', '.join(self._rows)}")

    def handle_data(self, data: str) -> None:
        if self._capture:
            self._text += data


def outline(html: str) -> str:
    parser = _Outline()
    parser.feed(html)
    return "\n".join(parser.lines) + "\n"
