from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import CommitteeMeetingViewSet, CommitteeReportViewSet, PackViewSet, SummaryHistoryView, SummaryView

router = SimpleRouter()
router.register("committee-reports", CommitteeReportViewSet, basename="committee-reports")
router.register("meetings", CommitteeMeetingViewSet, basename="meetings")
router.register("packs", PackViewSet, basename="packs")

urlpatterns = [
    *router.urls,
    path("summary/", SummaryView.as_view(), name="summary"),
    path("summary/history/", SummaryHistoryView.as_view(), name="summary-history"),
]
