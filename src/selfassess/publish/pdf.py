"""The published form, tracker or board report as PDF, from its HTML, through WeasyPrint (the optional
`pdf` extra): tagged, and numbered "Page N of M" by the stylesheet's @page rules."""

from __future__ import annotations

from typing import Any

#: The most HTML a PDF is made from. WeasyPrint's layout costs far more than the HTML's size: a form
#: of 1 MB (one commentary of a megabyte) took over a minute and 290 MB, and 19 MB took 517 s and
#: 2.6 GB; a year's form is 100-200 KB. Larger forms are published as HTML or Word, which take
#: seconds at any size selfassess reads.
MAX_PDF_HTML_BYTES = 512 * 1024


class PdfUnavailable(RuntimeError):
    """WeasyPrint is not installed (or its system libraries are missing)."""


class PdfTooLarge(ValueError):
    """The form is too long to lay out as PDF in reasonable time and memory."""


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # The form is self-contained; anything it would fetch (a file, an address) is refused, so a
    # link or a hostile stylesheet in a template can never read from the machine or the network.
    raise ValueError(f"selfassess does not fetch {url!r} while making a PDF")


def render_pdf(html: str) -> bytes:
    """The page as PDF. Raises PdfTooLarge past MAX_PDF_HTML_BYTES, PdfUnavailable without WeasyPrint."""
    if len(html.encode("utf-8")) > MAX_PDF_HTML_BYTES:
        raise PdfTooLarge(
            f"The form is too long to make into a PDF (more than {MAX_PDF_HTML_BYTES // 1024} KB of "
            "text and layout, where a year's form has 100-200 KB): publish it as HTML or Word instead."
        )
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:
        raise PdfUnavailable(
            "PDF needs the optional 'pdf' extra: pip install 'selfassess[pdf]'"
            + (f" ({error})" if isinstance(error, OSError) else "")
        ) from None
    # Tagged (headings, tables, lists in the PDF's structure, and its language), for screen readers;
    # not declared PDF/UA (pdf_variant), as nothing here proves that it meets all of PDF/UA.
    pdf: bytes = HTML(string=html, url_fetcher=_refuse_fetch).write_pdf(pdf_tags=True)
    return pdf
