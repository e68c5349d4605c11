"""Every URL of the project, plus the benchmark's floor: the cheapest answer Django gives."""

from django.http import JsonResponse
from django.urls import path

from strategy.urls import urlpatterns as project_urlpatterns


def floor(request):
    return JsonResponse({"floor": True})


urlpatterns = [path("bench/floor/", floor, name="bench-floor"), *project_urlpatterns]
