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
    NavItem("Principles", "principle-list", "principles.view_principle"),
    NavItem("Committee reports", "committee-report-list", "reporting.view_committeereport"),
    NavItem("Business cases", "business-case-list", "strategy.view_businesscase"),
    NavItem("Risks", "risk-list", "strategy.view_risk"),
    NavItem("Progress packs", "pack-list", "reporting.download_published_pack"),
]


def navigation(request) -> dict:
    user = request.user
    if not user.is_authenticated:
        return {"navigation": []}
    items = []
    for item in NAVIGATION:
        if item.permission and not user.has_perm(item.permission):
            continue
        href = reverse(item.url_name)
        current = request.path == href if href == "/" else request.path.startswith(href)
        items.append({"label": item.label, "href": href, "current": current})
    return {"navigation": items}
