"""Middleware of the project's own."""

from django.db import InterfaceError, OperationalError, connection
from django.http import JsonResponse
from django.shortcuts import render

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
