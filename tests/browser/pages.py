"""Every page of the service, read from the URLconf, with the demo data's addresses for each, so
the reflow and WCAG 2.2 tests visit them all and a new page cannot slip past them."""

from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from actions.models import ActionItem
from periods.selectors import period_current
from reporting.choices import PackStatus
from reporting.models import CommitteeReport, ReportingPeriod, ReportPack
from tests import factories

# The roles that use the service in a browser (apiclient only reads, as committee does).
BROWSER_ROLES = ("lead", "manager", "committee")

# Named addresses that are not HTML pages of the service, and why.
NOT_PAGES = {
    "healthz": "plain text for the load balancer",
    "readyz": "JSON for the load balancer",
    "api-schema": "the OpenAPI schema (YAML)",
    "api-docs-swagger": "Swagger UI, third-party; its failures are in the accessibility statement",
    "logout": "POST only (Sign out)",
    "password_change": "Django's own form, not linked from the service",
    "password_change_done": "Django's own page, not linked from the service",
    "password_reset": "Django's own form, not linked from the service",
    "password_reset_done": "Django's own page, not linked from the service",
    "password_reset_confirm": "Django's own form, not linked from the service",
    "password_reset_complete": "Django's own page, not linked from the service",
    "pack-request": "POST only (the packs page's button)",
    "pack-retry": "POST only (the packs page's button)",
    "pack-status": "JSON polled by the packs page",
    "pack-download": "a PDF",
    "committee-report-pdf": "a PDF",
    "committee-report-approve": "POST only (the report page's button)",
    "committee-report-publish": "POST only (the report page's button)",
    "business-case-transition": "POST only (the case page's buttons)",
    "business-case-export": "CSV or XLSX",
    "risk-export": "CSV or XLSX",
    "progress-sheet": "the manager's XLSX sheet; its upload form is on My actions",
    "public-pack-download": "a PDF",
    "public-report-download": "a PDF",
    "public-summary-csv": "open data (CSV)",
    "public-summary-json": "open data (JSON)",
    "oidc_authentication_init": "a redirect to the council's identity provider",
    "oidc_authentication_callback": "the identity provider's way back: a redirect",
}

# An action whose latest commentary carries an address too long for any screen.
LONG_URL = (
    "https://www.cheshireeast.gov.uk/council_and_democracy/council_information/ict-strategy/"
    "supporting-documents/network-refresh-2024-25-procurement-evaluation-matrix-version-3-final-approved.pdf"
)


def named_pages() -> set[str]:
    """The name of every address outside the admin and the REST API (whose pages are Django's and DRF's)."""

    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace not in ("admin", "api"):
                    yield from walk(pattern.url_patterns, pattern.namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield pattern.name

    return set(walk(get_resolver().url_patterns))


def demo_page_states() -> dict[str, list[str]]:
    """For each page's name, the addresses of its states in the demo data (lists, filters, detail
    pages, forms, confirmations); the uploads' previews and forms with errors are reached by submitting."""
    period = period_current()
    lead = User.objects.get(username="lead")
    previous = ReportingPeriod.objects.filter(end_date__lt=period.start_date).last()
    pack = ReportPack.objects.create(
        period=previous, version=ReportPack.objects.filter(period=previous).count() + 1, status=PackStatus.READY,
        requested_by=lead, requested_at=timezone.now(), started_at=timezone.now(),
        committee_report=CommitteeReport.objects.filter(status="published").first(),
    )
    long_url_action = ActionItem.objects.get(reference="P2-02")
    factories.ProgressUpdateFactory(
        action=long_url_action, period=period, status="at_risk", rag="amber", percent_complete=40,
        commentary=f"The evaluation is at {LONG_URL} for anyone who wants it.", next_steps=LONG_URL,
    )
    report = CommitteeReport.objects.filter(status="published").first()
    return {
        "login": ["/accounts/login/"],
        "accessibility": ["/accessibility/"],
        "api-docs": ["/api/docs/"],
        "public-index": ["/public/"],
        "sign-in-refused": ["/accounts/council/refused/"],
        "dashboard": ["/"],
        "principle-list": ["/principles/"],
        "principle-detail": ["/principles/3/"],
        "my-actions": ["/my-actions/"],
        "action-list": ["/actions/", "/actions/?principle=2&rag=red&open=true", "/actions/?q=nothing-matches", "/actions/?page=2"],
        "action-detail": ["/actions/P2-02/", "/actions/P3-03/"],
        "action-new": ["/actions/new/"],
        "action-update": ["/actions/P2-02/update/", "/actions/P3-03/update/"],
        "action-edit": ["/actions/P2-02/edit/"],
        "action-cancel": ["/actions/P2-02/cancel/"],
        "action-delegates": ["/actions/P2-02/delegates/"],
        "measure-list": ["/measures/", "/measures/?rag=red&principle=5"],
        "measure-detail": ["/measures/KPI-P1-AVAIL/", "/measures/KPI-P5-SAVE/"],
        "measure-update": ["/measures/KPI-P1-AVAIL/update/"],
        "business-case-list": ["/business-cases/", "/business-cases/?financial_year=2024"],
        "business-case-create": ["/business-cases/new/"],
        "business-case-detail": ["/business-cases/HLBC-2023-01/", "/business-cases/HLBC-2025-02/"],
        "business-case-edit": ["/business-cases/HLBC-2025-02/edit/"],
        "business-case-revise": ["/business-cases/HLBC-2023-01/revise/"],
        "risk-list": ["/risks/", "/risks/?band=high"],
        "risk-create": ["/risks/new/"],
        "risk-detail": ["/risks/ICT-R01/"],
        "risk-edit": ["/risks/ICT-R01/edit/"],
        "risk-review": ["/risks/ICT-R01/review/"],
        "committee-report-list": ["/reports/committee/", "/reports/committee/?status=published"],
        "committee-meeting-create": ["/reports/committee/meetings/new/"],
        "committee-report-create": ["/reports/committee/new/"],
        "committee-report-detail": [f"/reports/committee/{report.slug}/"],
        "committee-report-update": [f"/reports/committee/{report.slug}/edit/"],
        "chase-list": ["/reports/chase/"],
        "pack-list": ["/reports/"],
        "pack-publish": [f"/reports/packs/{pack.pk}/publish/"],
        "period-close": [f"/reports/periods/{period.key}/close/"],
        "period-reopen": [f"/reports/periods/{period.key}/reopen/"],
        "plan-import": ["/imports/"],
        "plan-import-preview": [],
        "progress-sheet-preview": [],
    }
