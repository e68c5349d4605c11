from django.urls import path

from . import dashboard_views, plan_views, views

urlpatterns = [
    path("", dashboard_views.DashboardView.as_view(), name="dashboard"),
    path("principles/", dashboard_views.PrincipleListView.as_view(), name="principle-list"),
    path("principles/<int:number>/", dashboard_views.PrincipleDetailView.as_view(), name="principle-detail"),
    path("my-actions/", views.MyActionsView.as_view(), name="my-actions"),
    path("actions/", views.ActionListView.as_view(), name="action-list"),
    # Before the action's own address, which would otherwise read "new" as a reference.
    path("actions/new/", plan_views.action_new, name="action-new"),
    path("actions/<str:reference>/", views.ActionDetailView.as_view(), name="action-detail"),
    path("actions/<str:reference>/update/", views.ActionUpdateView.as_view(), name="action-update"),
    path("actions/<str:reference>/edit/", plan_views.action_edit, name="action-edit"),
    path("actions/<str:reference>/cancel/", plan_views.action_cancel_confirm, name="action-cancel"),
    path("actions/<str:reference>/delegates/", plan_views.action_delegates, name="action-delegates"),
]
