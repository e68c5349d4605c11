"""Who may read the API. Writes are checked per object by the view, through core.permissions."""

from rest_framework.permissions import BasePermission

from core.permissions import can_view_model


class CanReadStrategyData(BasePermission):
    """Signed-in users whose role lets them view the endpoint's model (every role can).

    The model is the view's `read_model`, or its queryset's. Unsafe methods pass here only if
    the user can read, and are then decided by the view with core.permissions, so the
    answer is the same as in the browser.
    """

    message = "Your account cannot read this data: ask a strategy lead for a role."

    def has_permission(self, request, view) -> bool:
        model = getattr(view, "read_model", None) or view.get_queryset().model
        return can_view_model(request.user, model)
