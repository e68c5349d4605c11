from django.contrib import admin
from django.contrib.auth.views import LoginView
from django.urls import include, path

from core.forms import SignInForm

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("strategy.api_router")),
    path("accounts/login/", LoginView.as_view(authentication_form=SignInForm), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("reports/", include("reporting.pack_urls")),
    path("", include("reporting.urls")),
    path("", include("actions.urls")),
    path("", include("registers.urls")),
    path("", include("spreadsheets.urls")),
]
