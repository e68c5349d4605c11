from django.urls import path

from . import pack_views

urlpatterns = [
    path("", pack_views.PackListView.as_view(), name="pack-list"),
    path("periods/<str:period_key>/packs/", pack_views.PackRequestView.as_view(), name="pack-request"),
    path("periods/<str:period_key>/close/", pack_views.PeriodCloseView.as_view(), name="period-close"),
    path("periods/<str:period_key>/reopen/", pack_views.PeriodReopenView.as_view(), name="period-reopen"),
    path("packs/<int:pack_id>/publish/", pack_views.PackPublishView.as_view(), name="pack-publish"),
    path("packs/<int:pack_id>/retry/", pack_views.PackRetryView.as_view(), name="pack-retry"),
    path("packs/<int:pack_id>/status/", pack_views.PackStatusView.as_view(), name="pack-status"),
    path("packs/<int:pack_id>/download/", pack_views.PackDownloadView.as_view(), name="pack-download"),
]
