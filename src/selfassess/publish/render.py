"""`render`: the publish gate, then the form in the format asked for.

Publishing runs the publication checks first. With any error (no approval, a gap, an unreadable
value) it refuses and returns the findings; with `draft` it renders anyway and marks every page
DRAFT. Nothing here prints or exits: the command line does that.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from selfassess.check.findings import Finding, Severity
from selfassess.check.runner import CheckOptions, check_one
from selfassess.load.codes import CodeLibrary
from selfassess.publish.view import form_view

FORMATS = ("html", "md", "docx", "pdf")


@dataclass(frozen=True)
class Rendered:
    """What rendering produced: the bytes (None when publishing was refused) and the findings."""

    content: bytes | None
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR and f.waived is None]


def render(
    path: Path,
    form: str,
    *,
    draft: bool = False,
    library: CodeLibrary | None = None,
    template_dir: Path | None = None,
    shown: str | None = None,
) -> Rendered:
    """The published form of the assessment at `path` in format `form`, unless the gate refuses.

    Raises ConfigError for an unusable configuration and PdfUnavailable without the pdf extra.
    """
    context, findings = check_one(path, library or CodeLibrary(), CheckOptions(for_publication=True), shown)
    errors = [f for f in findings if f.severity is Severity.ERROR and f.waived is None]
    if context.assessment is None or context.code is None or (errors and not draft):
        return Rendered(None, findings)
    view = form_view(context.assessment, context.code, findings, draft=draft)
    if form == "md":
        from selfassess.publish.md import render_markdown

        return Rendered(render_markdown(view, template_dir).encode("utf-8"), findings)
    if form == "docx":
        from selfassess.publish.docx import render_docx

        return Rendered(render_docx(view), findings)
    from selfassess.publish.html import render_html

    html = render_html(view, template_dir)
    if form == "pdf":
        from selfassess.publish.pdf import render_pdf

        return Rendered(render_pdf(html), findings)
    return Rendered(html.encode("utf-8"), findings)
