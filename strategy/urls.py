from django.contrib import admin
from django.urls import include, path

from core import views as core_views

urlpatterns = [
    # For the container and load balancer: no sign-in, no redirect (production.SECURE_REDIRECT_EXEMPT).
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("accessibility/", core_views.accessibility_statement, name="accessibility"),
    path("admin/", admin.site.urls),
    path("api/", include("strategy.api_router")),
    # Sign-in and sign-out, locally and with the council's Entra ID; then Django's password views.
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("public/", include("transparency.urls")),
    path("reports/", include("reporting.pack_urls")),
    path("", include("reporting.urls")),
    path("", include("actions.urls")),
    path("", include("measures.urls")),
    path("", include("registers.urls")),
    path("", include("spreadsheets.urls")),
]
