from django.urls import path

from . import views

urlpatterns = [
    path("imports/", views.plan_import, name="plan-import"),
    path("imports/<uuid:token>/", views.plan_import_preview, name="plan-import-preview"),
    path("my-actions/sheet/", views.progress_sheet, name="progress-sheet"),
    path("my-actions/sheet/<uuid:token>/", views.progress_sheet_preview, name="progress-sheet-preview"),
]
