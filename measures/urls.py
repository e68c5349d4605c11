from django.urls import path

from . import views

urlpatterns = [
    path("measures/", views.MeasureListView.as_view(), name="measure-list"),
    path("measures/<str:reference>/", views.MeasureDetailView.as_view(), name="measure-detail"),
    path("measures/<str:reference>/update/", views.MeasureUpdateView.as_view(), name="measure-update"),
]
