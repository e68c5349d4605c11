from django.urls import path

from . import chase_views, views

# Committee reports live under reports/committee/ and the chase list at reports/chase/; the
# quarterly packs add reports/... beside them.
urlpatterns = [
    path("reports/chase/", chase_views.ChaseListView.as_view(), name="chase-list"),
    path("reports/committee/", views.CommitteeReportListView.as_view(), name="committee-report-list"),
    path("reports/committee/meetings/new/", views.CommitteeMeetingCreateView.as_view(), name="committee-meeting-create"),
    path("reports/committee/new/", views.CommitteeReportFormView.as_view(), name="committee-report-create"),
    path("reports/committee/<str:key>/", views.CommitteeReportDetailView.as_view(), name="committee-report-detail"),
    path("reports/committee/<str:key>/edit/", views.CommitteeReportFormView.as_view(), name="committee-report-update"),
    path("reports/committee/<str:key>/approve/", views.CommitteeReportApproveView.as_view(), name="committee-report-approve"),
    path("reports/committee/<str:key>/publish/", views.CommitteeReportPublishView.as_view(), name="committee-report-publish"),
    path("reports/committee/<str:key>/pdf/", views.CommitteeReportPdfView.as_view(), name="committee-report-pdf"),
]
