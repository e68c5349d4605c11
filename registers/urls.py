"""Pages for business cases and the risk register (the REST API mounts its own under /api/v1/)."""

from django.urls import path

from .views import business_cases, risks

urlpatterns = [
    path("business-cases/", business_cases.business_case_list, name="business-case-list"),
    path("business-cases/export/<str:file_format>/", business_cases.business_case_export, name="business-case-export"),
    path("business-cases/new/", business_cases.business_case_create, name="business-case-create"),
    path("business-cases/<str:reference>/", business_cases.business_case_detail, name="business-case-detail"),
    path("business-cases/<str:reference>/edit/", business_cases.business_case_edit, name="business-case-edit"),
    path(
        "business-cases/<str:reference>/transition/",
        business_cases.business_case_transition,
        name="business-case-transition",
    ),
    path("business-cases/<str:reference>/revise/", business_cases.business_case_revise, name="business-case-revise"),
    path("risks/", risks.risk_list, name="risk-list"),
    path("risks/export/<str:file_format>/", risks.risk_export, name="risk-export"),
    path("risks/new/", risks.risk_create, name="risk-create"),
    path("risks/<str:reference>/", risks.risk_detail, name="risk-detail"),
    path("risks/<str:reference>/edit/", risks.risk_edit, name="risk-edit"),
    path("risks/<str:reference>/review/", risks.risk_review, name="risk-review"),
]
