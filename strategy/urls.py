from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("strategy.api_router")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("reports/", include("reporting.pack_urls")),
    path("", include("reporting.urls")),
    path("", include("actions.urls")),
    path("", include("registers.urls")),
]
