"""The published form, tracker or board report as PDF, from its HTML, through WeasyPrint (the optional
`pdf` extra): tagged, and numbered "Page N of M" by the stylesheet's @page rules."""

from __future__ import annotations

from typing import Any


class PdfUnavailable(RuntimeError):
    """WeasyPrint is not installed (or its system libraries are missing)."""


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    # The form is self-contained; anything it would fetch (a file, an address) is refused, so a
    # link or a hostile stylesheet in a template can never read from the machine or the network.
    raise ValueError(f"selfassess does not fetch {url!r} while making a PDF")


def render_pdf(html: str) -> bytes:
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
