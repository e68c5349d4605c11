"""HTML to an accessible PDF with WeasyPrint. Knows nothing of the ORM: it takes finished HTML.

The PDF is PDF/UA-1 (tagged): WeasyPrint takes the document title from <title>, the
language from <html lang>, and makes bookmarks from the h1-h6 headings; `pdf_ua` then scopes
the table header cells and makes the running header and footer pagination artifacts.

WeasyPrint would fetch any URL a document names (file:///etc/passwd, an internal address), and
the documents carry text people typed: every fetch goes through `StaticFilesFetcher`, which
serves this project's static files and refuses everything else.
"""

import mimetypes
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .pdf_ua import complete_pdf_ua_tagging

PDF_VARIANT = "pdf/ua-1"
COMMITTEE_REPORT_TEMPLATE = "reporting/report/document.html"
COMMITTEE_REPORT_STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "print" / "committee-report.css"
# Documents are rendered as if served from this origin, so `{% static %}` paths ("/static/…")
# resolve to it; `.invalid` never resolves, and the fetcher answers for it from the static files.
PDF_ORIGIN = "https://pdf.invalid"
PDF_BASE_URL = f"{PDF_ORIGIN}/"


class PdfFetchRefused(ValueError):
    pass


class StaticFilesFetcher(URLFetcher):
    """Serves `https://pdf.invalid/static/<name>` from the static files (the finders, as
    collectstatic would) and refuses every other scheme, host and path."""

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        static_prefix = urlsplit(settings.STATIC_URL).path
        if f"{parts.scheme}://{parts.netloc}" != PDF_ORIGIN or not parts.path.startswith(static_prefix):
            raise PdfFetchRefused(f"PDFs use only this site's static files, not {url}")
        name = unquote(parts.path[len(static_prefix):])
        if not name or posixpath.normpath(name) != name or name.startswith(("/", "..")) or "\\" in name:
            raise PdfFetchRefused(f"Not a static file name: {name!r}")
        path = finders.find(name)
        if path is None:
            raise FileNotFoundError(f"No static file {name!r}")
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=Path(path).read_bytes(), headers={"Content-Type": content_type})


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    page_count: int


def layout(*, html: str, stylesheets: list[Path] | tuple[Path, ...] = ()) -> Document:
    """Lay `html` out in pages with the given print stylesheets (files, read by WeasyPrint); tests measure the boxes."""
    fetcher = StaticFilesFetcher()
    return HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=fetcher).render(
        stylesheets=[CSS(filename=str(path), base_url=PDF_BASE_URL, url_fetcher=fetcher) for path in stylesheets]
    )


def write_pdf(document: Document) -> bytes:
    """The laid-out document as PDF/UA-1 bytes."""
    return complete_pdf_ua_tagging(document.write_pdf(pdf_variant=PDF_VARIANT))


def html_to_pdf(*, html: str, stylesheets: list[Path] | tuple[Path, ...] = ()) -> RenderedPdf:
    """Render `html` with the given print stylesheets to PDF bytes."""
    document = layout(html=html, stylesheets=stylesheets)
    return RenderedPdf(content=write_pdf(document), page_count=len(document.pages))


def committee_report_pdf(*, html: str) -> RenderedPdf:
    """A committee report (or anything built from the report templates) in the house print style."""
    return html_to_pdf(html=html, stylesheets=[COMMITTEE_REPORT_STYLESHEET])


def committee_report_document_pdf(*, document: dict) -> RenderedPdf:
    """A committee report from the plain dict `reporting.selectors.committee_report_document` builds."""
    return committee_report_pdf(html=render_to_string(COMMITTEE_REPORT_TEMPLATE, {"report": document}))
