from django.urls import path

from . import views

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("principles/", views.PrincipleListView.as_view(), name="principle-list"),
    path("principles/<int:number>/", views.PrincipleDetailView.as_view(), name="principle-detail"),
]
