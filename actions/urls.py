from django.urls import path

from . import dashboard_views, views

urlpatterns = [
    path("", dashboard_views.DashboardView.as_view(), name="dashboard"),
    path("principles/", dashboard_views.PrincipleListView.as_view(), name="principle-list"),
    path("principles/<int:number>/", dashboard_views.PrincipleDetailView.as_view(), name="principle-detail"),
    path("my-actions/", views.MyActionsView.as_view(), name="my-actions"),
    path("actions/", views.ActionListView.as_view(), name="action-list"),
    path("actions/<str:reference>/", views.ActionDetailView.as_view(), name="action-detail"),
    path("actions/<str:reference>/update/", views.ActionUpdateView.as_view(), name="action-update"),
]
