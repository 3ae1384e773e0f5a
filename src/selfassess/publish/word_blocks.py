"""Word building blocks shared by the published form and the board report.

Everything is built with python-docx; only what it has no API for (a header row that repeats,
rows that stay whole, hyperlinks, cell shading, table alt text, page numbers) is written as
OOXML elements here. Documents are landscape A4, use Word's own heading styles (so the
navigation pane and the accessibility checker work), and are saved without timestamps, so the
same content always gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from urllib.parse import urlsplit

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from selfassess.publish.pieces import RAG_FILL as RAG_FILL
from selfassess.publish.pieces import TONE_FILL as TONE_FILL
from selfassess.publish.word_watermark import add_watermark
from selfassess.text.markdown import Block, Span, safe_url

#: A4 landscape less 1.5 cm margins leaves 26.7 cm; each table's widths add up to that.
MARGIN = Cm(1.5)
HEADER_FILL = "D9E2F3"
INK = RGBColor(0x1F, 0x38, 0x64)  # headings: the template's mid blue is under 4.5:1 on white
#: Pale tints behind black text (contrast above 12:1); the words are always written out too.

#: Used when a document's date cannot be read, so the file still never carries "now".
FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)
#: The earliest time a zip entry can carry; python-docx stamps each entry with the time of saving.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

#: Style ids of the styles used in cells, set on the paragraph or run directly:
#: python-docx looks a style name up by scanning every style, which tripled the render time.
CELL = "TableText"
BULLETS = ("ListBullet", "ListBullet2", "ListBullet3")
LINK_STYLE = "Hyperlink"

#: Characters XML 1.0 cannot hold; lxml refuses them, and a render must not fail on one stray byte.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: Word's document properties (title, subject, author) hold at most this many characters.
_PROPERTY_LENGTH = 255


def clean(words: str) -> str:
    """`words` as a Word file can hold them: each character XML cannot hold (a control character
    such as a bell or an escape, a non-character) becomes '\ufffd', so a reader sees that something
    was there, as SA005 tells the writer. Every string that reaches the document passes here."""
    return _NOT_XML.sub("\ufffd", words)


def _property(words: str) -> str:
    words = clean(words)
    return words if len(words) <= _PROPERTY_LENGTH else words[: _PROPERTY_LENGTH - 1] + "…"


def heading(document: WordDocument, words: str, level: int) -> Paragraph:
    """A heading in Word's own style for `level` (0: the document's title)."""
    made: Paragraph = document.add_heading(level=level)
    text(made, words)
    return made


def new_document(
    heading: str, subject: str, author: str, made_with: str, draft: bool, dated: datetime
) -> WordDocument:
    """A landscape A4 document with our styles, header (DRAFT where `draft`) and page numbers."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    section.header_distance = section.footer_distance = Cm(0.8)

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    for name in ("Heading 1", "Heading 2"):
        styles[name].font.color.rgb = INK
    cell_text = styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    cell_text.base_style = normal
    for style in (cell_text, styles["List Bullet"], styles["List Bullet 2"], styles["List Bullet 3"]):
        style.font.size = Pt(10)
        style.paragraph_format.space_after = Pt(3)
    link_style = styles.add_style(LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    link_style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link_style.font.underline = True

    # The first-page header is written too, so a reader who turns on "different first page"
    # still sees the mark; Word uses it only then.
    for header in (section.header, section.first_page_header):
        paragraph = header.paragraphs[0]
        if draft:
            text(paragraph, "DRAFT", bold=True)
            text(paragraph, "   ")
        text(paragraph, heading)
    if draft:
        add_watermark(section)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    text(footer, f"{'Draft. ' if draft else ''}Prepared with {made_with}.   Page ")
    field(footer, "PAGE")
    text(footer, " of ")
    field(footer, "NUMPAGES")

    properties = document.core_properties
    properties.title = _property(heading)  # Word's accessibility checker asks for a document title
    properties.subject = _property(subject)
    properties.author = _property(author)
    properties.comments = _property(f"Prepared with {made_with}.")
    properties.language = "en-GB"
    properties.last_modified_by = _property(made_with)
    properties.revision = 1
    # python-docx keeps the template's 2013 dates; the document's own date is stable and says
    # something true, so the same content always gives the same bytes.
    properties.created = properties.modified = dated
    return document


def finish(document: WordDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return without_timestamps(out.getvalue())


class CellWriter:
    """Hands out a cell's paragraphs: the empty one every new cell has first, then new ones."""

    def __init__(self, cell: _Cell) -> None:
        self._cell = cell
        self._fresh = True

    def paragraph(self, style: str = CELL) -> Paragraph:
        if self._fresh:
            self._fresh = False
            return styled(self._cell.paragraphs[0], style)
        return styled(self._cell.add_paragraph(), style)

    def blocks(self, found: Sequence[Block]) -> None:
        # Word's "List Number" would count on from the previous cell's list, so numbered items
        # are numbered here: a count for each depth, which a paragraph or other list ends.
        counts: dict[int, int] = {}
        for block in found:
            counts = {level: n for level, n in counts.items() if level <= block.level}
            if block.kind == "bullet":
                counts.pop(block.level, None)
                paragraph = self.paragraph(BULLETS[min(block.level, 2)])
            else:
                paragraph = self.paragraph()
            if block.kind == "number":
                counts[block.level] = number = counts.get(block.level, 0) + 1
                paragraph.paragraph_format.left_indent = Cm(0.6 * (block.level + 1))
                text(paragraph, f"{number}. ")
            elif block.kind == "paragraph":
                counts.clear()
            spans(paragraph, block.spans, bold=block.kind == "heading")


def spans(paragraph: Paragraph, spans: Sequence[Span], bold: bool = False) -> None:
    for span in spans:
        if span.href:
            link(paragraph, span.text, span.href, bold=span.bold or bold, italic=span.italic)
        else:
            run = text(paragraph, span.text, bold=span.bold or bold, italic=span.italic)
            if span.bold or span.italic:
                # Word's own character style for the writer's emphasis, beside the bold or italic:
                # it tells import that a paragraph in bold throughout was written so, not styled so.
                run._r.style = EMPHASIS_STYLES[0] if span.bold else EMPHASIS_STYLES[1]


def paragraph(document: WordDocument, words: str = "", style: str | None = None) -> Paragraph:
    """A new paragraph at the end of the body, in the style whose id is `style` (such as
    BULLETS[0]; Normal without). python-docx's `add_paragraph` looks for the body's closing section
    properties from its first child on, and a style by its name through every style, once per
    paragraph: a report of 20,000 findings spent most of its time there. The body's last child is
    the section properties, and the id is what the paragraph records."""
    body = document.element.body
    made = OxmlElement("w:p")
    try:
        last = body[-1]  # found from the end at once (len(body) would count every child)
    except IndexError:
        last = None
    if last is not None and last.tag == qn("w:sectPr"):
        last.addprevious(made)
    else:
        body.append(made)
    added = Paragraph(made, document._body)
    if style is not None:
        styled(added, style)
    if words:
        text(added, words)
    return added


#: The character styles of emphasis written in the text (Markdown's ** and *): Strong, Emphasis.
EMPHASIS_STYLES = ("Strong", "Emphasis")


def styled(paragraph: Paragraph, style_id: str) -> Paragraph:
    paragraph._p.style = style_id
    return paragraph


def text(paragraph: Paragraph, words: str, bold: bool = False, italic: bool = False) -> Run:
    run = paragraph.add_run(clean(words))
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    return run


def link(paragraph: Paragraph, words: str, url: str, bold: bool = False, italic: bool = False) -> None:
    """A real hyperlink, where the address is one a reader may follow from wherever the document is
    opened; the words alone otherwise.

    A Word file travels on its own (attached to an email, in the board's papers), so a relative
    address (`evidence/policy.pdf`, `#provision-6.3`) leads nowhere from it: Word would offer a
    link that fails. Such a link is written as its words, with a file's address after them in
    brackets, so the reader still knows which document is meant.
    """
    # The view has already dropped unsafe addresses; checking again where the link is made
    # keeps a "javascript:" target out of the file whatever a caller passes in.
    address = safe_url(url)
    if address is None:
        text(paragraph, words, bold=bold, italic=italic)
        return
    if not _absolute(address):
        text(paragraph, words, bold=bold, italic=italic)
        if not address.startswith("#") and address != words:
            text(paragraph, f" ({address})")
        return
    rid = paragraph.part.relate_to(clean(address), RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), rid)
    paragraph._p.append(hyperlink)
    r = OxmlElement("w:r")
    hyperlink.append(r)
    r.style = LINK_STYLE
    run = Run(r, paragraph)
    run.text = clean(words)
    if bold:
        run.bold = True
    if italic:
        run.italic = True


def _absolute(address: str) -> bool:
    try:
        return bool(urlsplit(address).scheme)  # safe_url let through only http, https and mailto
    except ValueError:
        return False


def field(paragraph: Paragraph, instruction: str) -> None:
    """A field Word works out as it lays out the page (PAGE, NUMPAGES)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    paragraph._p.append(field)
    r = OxmlElement("w:r")
    field.append(r)
    Run(r, paragraph).text = "1"


def table(document: WordDocument, headings: Sequence[str], widths: Sequence[Length]) -> Table:
    table: Table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid, which LibreOffice reads
    header = table.rows[0]
    row_properties(header, "w:cantSplit", "w:tblHeader")
    for cell, heading, width in zip(header.cells, headings, widths, strict=True):
        cell.width = width  # each cell's own width, which Word reads
        text(styled(cell.paragraphs[0], CELL), heading, bold=True)
        shade(cell, HEADER_FILL)
    return table


def row(table: Table, widths: Sequence[Length]) -> tuple[_Cell, ...]:
    row = table.add_row()  # type: ignore[no-untyped-call]  # python-docx leaves it unannotated
    row_properties(row, "w:cantSplit")
    cells = tuple(row.cells)
    for cell, width in zip(cells, widths, strict=True):
        cell.width = width
        styled(cell.paragraphs[0], CELL)
    return cells


def row_properties(row: _Row, *flags: str) -> None:
    # Word lets a row taller than a page break anyway, so cantSplit never hides text.
    properties = row._tr.get_or_add_trPr()
    for flag in flags:
        properties.append(OxmlElement(flag))


def describe(table: Table, caption: str, description: str) -> None:
    """Alt text for the table (Word: Table Properties, Alt Text), as the HTML form's caption."""
    properties = table._tbl.tblPr
    for tag, value in (("w:tblCaption", caption), ("w:tblDescription", description)):
        element = OxmlElement(tag)
        element.set(qn("w:val"), clean(value))
        properties.append(element)  # last in w:tblPr, where the schema puts them


def shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def without_timestamps(package: bytes) -> bytes:
    """The package with every zip entry dated alike, in the same order and compression.

    python-docx writes each part with the time of saving (zipfile.writestr), so two renders a
    second apart would differ; the core properties are dated in _set_up.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(entry))
    return out.getvalue()
