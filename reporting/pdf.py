"""HTML to an accessible PDF with WeasyPrint. Knows nothing of the ORM: it takes finished HTML.

The PDF is PDF/UA-1 (tagged): WeasyPrint takes the document title from <title>, the
language from <html lang>, and makes bookmarks from the h1-h6 headings.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from weasyprint import CSS, HTML
from weasyprint.document import Document

PDF_VARIANT = "pdf/ua-1"
COMMITTEE_REPORT_STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "print" / "committee-report.css"


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    page_count: int


def layout(*, html: str, stylesheets: list[Path] | tuple[Path, ...] = (), base_url: str | None = None) -> Document:
    """Lay `html` out in pages with the given print stylesheets (files, read by WeasyPrint); tests measure the boxes."""
    return HTML(string=html, base_url=base_url or str(settings.BASE_DIR)).render(
        stylesheets=[CSS(filename=str(path)) for path in stylesheets]
    )


def html_to_pdf(*, html: str, stylesheets: list[Path] | tuple[Path, ...] = (), base_url: str | None = None) -> RenderedPdf:
    """Render `html` with the given print stylesheets to PDF bytes."""
    document = layout(html=html, stylesheets=stylesheets, base_url=base_url)
    return RenderedPdf(content=document.write_pdf(pdf_variant=PDF_VARIANT), page_count=len(document.pages))


def committee_report_pdf(*, html: str) -> RenderedPdf:
    """A committee report (or anything built from the report templates) in the house print style."""
    return html_to_pdf(html=html, stylesheets=[COMMITTEE_REPORT_STYLESHEET])
