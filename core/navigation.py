"""The service navigation: each role sees only the sections it may use."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    permission: str | None = None


NAVIGATION = [
    NavItem("Dashboard", "dashboard", "actions.view_actionitem"),
    NavItem("My actions", "my-actions", "actions.record_progress"),
    NavItem("Actions", "action-list", "actions.view_actionitem"),
    NavItem("Measures", "measure-list", "measures.view_measure"),
    NavItem("Principles", "principle-list", "principles.view_principle"),
    NavItem("Committee reports", "committee-report-list", "reporting.view_committeereport"),
    NavItem("Business cases", "business-case-list", "registers.view_businesscase"),
    NavItem("Risks", "risk-list", "registers.view_risk"),
    NavItem("Progress packs", "pack-list", "reporting.download_published_pack"),
    NavItem("Missing updates", "chase-list", "reporting.chase_updates"),
    NavItem("Import", "plan-import", "actions.add_actionitem"),
]


def navigation(request) -> dict:
    # A page refused before the session is read (RefuseNulMiddleware's 404) has no user yet.
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation": []}
    items = [
        {"label": item.label, "href": reverse(item.url_name)}
        for item in NAVIGATION
        if not item.permission or user.has_perm(item.permission)
    ]
    # The section is the longest link the path starts with: /reports/committee/ is committee
    # reports, not the progress packs at /reports/.
    matches = [
        item["href"]
        for item in items
        if request.path == item["href"] or (item["href"] != "/" and request.path.startswith(item["href"]))
    ]
    current = max(matches, key=len, default=None)
    for item in items:
        item["current"] = item["href"] == current
    return {"navigation": items}
