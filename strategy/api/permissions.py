"""Who may read the API. Writes are checked per object by the view, through strategy.permissions."""

from rest_framework.permissions import BasePermission


class CanReadStrategyData(BasePermission):
    """Signed-in users whose role lets them view the endpoint's model (every role can).

    Views name their permission in `view_permission`, or it is derived from the queryset's
    model. Unsafe methods pass here and are decided by the view with strategy.permissions,
    so the answer is the same as in the browser.
    """

    message = "Your account cannot read this data: ask a strategy lead for a role."

    def has_permission(self, request, view) -> bool:
        user = request.user
        if not (user and user.is_authenticated and user.is_active):
            return False
        return user.has_perm(required_view_permission(view))


def required_view_permission(view) -> str:
    explicit = getattr(view, "view_permission", None)
    if explicit:
        return explicit
    model = view.get_queryset().model
    return f"{model._meta.app_label}.view_{model._meta.model_name}"
