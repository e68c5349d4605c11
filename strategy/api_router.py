"""/api/: version 1 of the REST API, assembled from each app's api/urls.py, and its OpenAPI docs.

A new endpoint is a ViewSet in <app>/api/views.py registered in <app>/api/urls.py; an app's
first endpoint adds its include() below.
"""

from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from core import views as core_views

v1 = [
    path("", include("principles.api.urls")),
    path("", include("periods.api.urls")),
    path("", include("actions.api.urls")),
    path("", include("measures.api.urls")),
    path("", include("reporting.api.urls")),
    path("", include("registers.api.urls")),
]

urlpatterns = [
    path("v1/", include((v1, "api"), namespace="api")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The reference as an accessible page; Swagger UI, not fully accessible, is kept beside it to try requests.
    path("docs/", core_views.api_docs, name="api-docs"),
    # Swagger UI's stylesheet draws its icons as data: images; the rest of the site needs none.
    path(
        "docs/swagger/",
        csp_update({"img-src": ["data:"]})(SpectacularSwaggerSplitView.as_view(url_name="api-schema")),
        name="api-docs-swagger",
    ),
]
