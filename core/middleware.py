"""Middleware of the project's own."""

from django.db import InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render

NUL_IN_QUERY = "The address has a NUL character (%00) in its query string: remove it."


class RefuseNulMiddleware:
    """A NUL byte names no page and matches no row: PostgreSQL cannot even compare it (its driver
    raises ValueError, a 500), so a path holding one is a 404 and a query string a 400, before
    any view or filter sees it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        api = request.path.startswith("/api/")
        if "\x00" in request.path:
            if api:
                return JsonResponse({"detail": "Not found."}, status=404)
            raise Http404("No such page.")
        if any("\x00" in key or "\x00" in value for key, values in request.GET.lists() for value in values):
            if api:
                return JsonResponse({"detail": NUL_IN_QUERY}, status=400)
            return HttpResponseBadRequest(NUL_IN_QUERY, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


DATABASE_UNAVAILABLE = "The database stopped answering, so nothing was saved. Please try again in a moment."


class DatabaseUnavailableMiddleware:
    """A lost database connection (a restart, a failover, a killed connection) is a 503 with a message, not a 500.

    Every write runs in a transaction, which the lost connection rolled back whole, so the page
    can say truthfully that nothing was saved and that trying again is safe.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        # Drop the broken connection so the error page (navigation, messages) gets a fresh one.
        connection.close_if_unusable_or_obsolete()
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": DATABASE_UNAVAILABLE}, status=503)
        else:
            response = render(request, "503.html", {"message": DATABASE_UNAVAILABLE}, status=503)
        response["Retry-After"] = "30"
        return response
