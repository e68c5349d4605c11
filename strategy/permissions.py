"""Who may do what: the one place views, the API and services ask."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

User = AbstractBaseUser | AnonymousUser


def _active(user: User) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_delegate_or_owner(user: User, action) -> bool:
    # Iterating .all() uses a prefetch of delegates when the caller made one.
    return action.owner_id == user.pk or any(delegate.pk == user.pk for delegate in action.delegates.all())


def can_record_progress(user: User, action) -> bool:
    if not _active(user):
        return False
    if user.has_perm("actions.record_any_progress"):
        return True
    return user.has_perm("actions.record_progress") and is_delegate_or_owner(user, action)


def can_edit_action(user: User) -> bool:
    return _active(user) and user.has_perm("actions.change_actionitem")


def can_request_pack(user: User) -> bool:
    return _active(user) and user.has_perm("reporting.request_pack")


def can_publish_pack(user: User) -> bool:
    return _active(user) and user.has_perm("reporting.publish_pack")


def can_see_unpublished_packs(user: User) -> bool:
    return _active(user) and user.has_perm("reporting.view_reportpack")


def can_download_published_pack(user: User) -> bool:
    return _active(user) and user.has_perm("reporting.download_published_pack")


def can_close_period(user: User) -> bool:
    return _active(user) and user.has_perm("reporting.change_reportingperiod")
