from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="public-index"),
    path("data/summary.csv", views.summary_csv, name="public-summary-csv"),
    path("data/summary.json", views.summary_json, name="public-summary-json"),
    path("packs/<int:pack_id>/download/", views.pack_download, name="public-pack-download"),
    path("reports/<str:key>/pdf/", views.report_download, name="public-report-download"),
]
