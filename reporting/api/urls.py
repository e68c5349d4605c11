from django.urls import path
from rest_framework.routers import SimpleRouter

from .views import ReportingPeriodViewSet, SummaryView

router = SimpleRouter()
router.register("periods", ReportingPeriodViewSet, basename="periods")

urlpatterns = [*router.urls, path("summary/", SummaryView.as_view(), name="summary")]
