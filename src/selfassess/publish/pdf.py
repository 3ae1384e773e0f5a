"""The published form as PDF, from its HTML, through WeasyPrint (the optional `pdf` extra)."""

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
    pdf: bytes = HTML(string=html, url_fetcher=_refuse_fetch).write_pdf(pdf_variant="pdf/ua-1")
    return pdf
