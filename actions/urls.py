from django.urls import path

from . import views

urlpatterns = [
    path("my-actions/", views.MyActionsView.as_view(), name="my-actions"),
    path("actions/", views.ActionListView.as_view(), name="action-list"),
    path("actions/<str:reference>/", views.ActionDetailView.as_view(), name="action-detail"),
    path("actions/<str:reference>/update/", views.ActionUpdateView.as_view(), name="action-update"),
]
