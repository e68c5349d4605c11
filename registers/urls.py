"""Pages for business cases and the risk register (the REST API mounts its own under /api/v1/)."""

from django.urls import path

from . import views

urlpatterns = [
    path("business-cases/", views.business_case_list, name="business-case-list"),
    path("business-cases/export/<str:file_format>/", views.business_case_export, name="business-case-export"),
    path("business-cases/new/", views.business_case_create, name="business-case-create"),
    path("business-cases/<str:reference>/", views.business_case_detail, name="business-case-detail"),
    path("business-cases/<str:reference>/edit/", views.business_case_edit, name="business-case-edit"),
    path("business-cases/<str:reference>/transition/", views.business_case_transition, name="business-case-transition"),
    path("business-cases/<str:reference>/revise/", views.business_case_revise, name="business-case-revise"),
    path("risks/", views.risk_list, name="risk-list"),
    path("risks/export/<str:file_format>/", views.risk_export, name="risk-export"),
    path("risks/new/", views.risk_create, name="risk-create"),
    path("risks/<str:reference>/", views.risk_detail, name="risk-detail"),
    path("risks/<str:reference>/edit/", views.risk_edit, name="risk-edit"),
    path("risks/<str:reference>/review/", views.risk_review, name="risk-review"),
]
