from django.contrib import admin
from django.contrib.auth.views import LoginView
from django.urls import include, path

from core import views as core_views
from core.forms import SignInForm

urlpatterns = [
    # For the container and load balancer: no sign-in, no redirect (production.SECURE_REDIRECT_EXEMPT).
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("api/", include("strategy.api_router")),
    path("accounts/login/", LoginView.as_view(authentication_form=SignInForm), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("public/", include("transparency.urls")),
    path("reports/", include("reporting.pack_urls")),
    path("", include("reporting.urls")),
    path("", include("actions.urls")),
    path("", include("registers.urls")),
    path("", include("spreadsheets.urls")),
]
