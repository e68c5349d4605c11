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


def can_change_delegates(user: User, action) -> bool:
    """Leads change anyone's; an owner chooses who helps report on their own action, a delegate does not."""
    return can_edit_action(user) or (has_progress_to_report(user) and action.owner_id == user.pk)


def can_request_pack(user: User) -> bool:
    return _active(user) and user.has_perm("reporting.request_pack")


def can_publish_pack(user: User) -> bool:
    return _active(user) and user.has_perm("reporting.publish_pack")


def can_see_unpublished_packs(user: User) -> bool:
    return _active(user) and user.has_perm("reporting.view_reportpack")


def can_download_published_pack(user: User) -> bool:
    return _active(user) and user.has_perm("reporting.download_published_pack")


def can_draft_committee_report(user: User) -> bool:
    return _active(user) and user.has_perm("reporting.add_committeereport")


def can_edit_committee_report(user: User) -> bool:
    """Edit a draft, approve it for the agenda and publish it: the strategy lead's work."""
    return _active(user) and user.has_perm("reporting.change_committeereport")


def can_view_committee_reports(user: User) -> bool:
    return _active(user) and user.has_perm("reporting.view_committeereport")


def can_read_committee_report(user: User, report) -> bool:
    # Drafts and reports awaiting the agenda are working papers: only those who edit them read them.
    if report.status == "published":
        return can_view_committee_reports(user)
    return can_edit_committee_report(user)


def can_view_action_plan(user: User) -> bool:
    """The dashboard, the action list and action pages: every role reads them."""
    return _active(user) and user.has_perm("actions.view_actionitem")


def can_view_principles(user: User) -> bool:
    return _active(user) and user.has_perm("principles.view_principle")


def has_progress_to_report(user: User) -> bool:
    """Whether the user reports progress at all, so has a "My actions" to-do list."""
    return _active(user) and user.has_perm("actions.record_progress")


def can_view_business_cases(user: User) -> bool:
    return _active(user) and user.has_perm("registers.view_businesscase")


def can_manage_business_cases(user: User) -> bool:
    """Create, edit, move through the workflow and revise business cases: strategy leads."""
    return _active(user) and user.has_perm("registers.change_businesscase")


def can_view_risks(user: User) -> bool:
    return _active(user) and user.has_perm("registers.view_risk")


def can_manage_risks(user: User) -> bool:
    """Add risks, edit any risk, change owners and the strategic register: strategy leads."""
    return _active(user) and user.has_perm("registers.change_risk")


def can_edit_risk(user: User, risk) -> bool:
    """Leads edit every risk; a risk's owner edits and reviews their own."""
    return can_manage_risks(user) or (_active(user) and risk.owner_id == user.pk)


def can_view_model(user: User, model) -> bool:
    """Read a model's rows through the API: its view permission, which every role carries."""
    meta = model._meta
    return _active(user) and user.has_perm(f"{meta.app_label}.view_{meta.model_name}")


def can_close_period(user: User) -> bool:
    return _active(user) and user.has_perm("periods.change_reportingperiod")


def can_chase_updates(user: User) -> bool:
    """See who has not updated for a period and remind them: strategy leads."""
    return _active(user) and user.has_perm("reporting.chase_updates")


def can_import_plan(user: User) -> bool:
    """Import a plan from a spreadsheet: it adds and changes actions, business cases and risks."""
    return can_edit_action(user) and can_manage_business_cases(user) and can_manage_risks(user) and user.has_perm(
        "actions.add_actionitem"
    )
