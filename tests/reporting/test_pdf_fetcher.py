"""WeasyPrint fetches nothing but the project's static files, whatever a document links to."""

from unittest import mock

import pytest
from weasyprint.urls import URLFetchingError, fetch

from reporting.pdf import PDF_BASE_URL, PdfFetchRefused, StaticFilesFetcher, committee_report_pdf

FAVICON = f"{PDF_BASE_URL}static/images/favicon.svg"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:9/",
        "https://example.com/static/images/favicon.svg",
        "data:text/plain,hello",
        f"{PDF_BASE_URL}etc/passwd",
        f"{PDF_BASE_URL}static/../../etc/passwd",
        f"{PDF_BASE_URL}static/%2e%2e/%2e%2e/etc/passwd",
        f"{PDF_BASE_URL}static/images/..%2f..%2f..%2fpyproject.toml",
        f"{PDF_BASE_URL}static//etc/passwd",
    ],
)
def test_everything_but_a_static_file_is_refused(url):
    with pytest.raises((PdfFetchRefused, FileNotFoundError)):
        StaticFilesFetcher().fetch(url)


def test_a_static_file_is_served_from_the_project():
    with fetch(StaticFilesFetcher(), FAVICON) as resource:
        assert resource.content_type == "image/svg+xml"
        assert resource.read().lstrip().startswith(b"<svg")


def test_an_unknown_static_file_is_a_fetch_error_not_a_crash():
    with pytest.raises(URLFetchingError), fetch(StaticFilesFetcher(), f"{PDF_BASE_URL}static/no-such-file.png"):
        pass


def test_a_document_linking_elsewhere_renders_fetching_only_the_static_file():
    outcomes = {}

    class Recording(StaticFilesFetcher):
        def fetch(self, url, headers=None):
            try:
                response = super().fetch(url, headers)
            except (PdfFetchRefused, FileNotFoundError):
                outcomes[url] = "refused"
                raise
            outcomes[url] = "served"
            return response

    html = (
        '<html lang="en-GB"><head><title>T</title>'
        '<link rel="stylesheet" href="http://127.0.0.1:9/evil.css"></head><body>'
        '<img src="file:///etc/passwd" alt="x"><img src="../../../../etc/passwd" alt="y">'
        '<img src="/static/images/favicon.svg" alt="z"></body></html>'
    )
    with mock.patch("reporting.pdf.StaticFilesFetcher", Recording):
        rendered = committee_report_pdf(html=html)
    assert rendered.content.startswith(b"%PDF")
    # The relative path climbs no higher than the site's root, where no static file is.
    assert outcomes == {
        "http://127.0.0.1:9/evil.css": "refused",
        "file:///etc/passwd": "refused",
        f"{PDF_BASE_URL}etc/passwd": "refused",
        FAVICON: "served",
    }
