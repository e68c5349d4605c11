"""The four roles as Django groups, and the permissions each carries.

Code checks permissions (see core.permissions), never group names, so a council can
grant a person extra rights in the admin without a code change.
"""

STRATEGY_LEAD = "Strategy lead"
ICT_MANAGER = "ICT manager"
COMMITTEE_MEMBER = "Committee member"
API_CLIENT = "API client"

DOMAIN_MODELS = {
    "strategy": ["strategy"],
    "principles": ["principle"],
    "periods": ["reportingperiod"],
    "registers": ["businesscase", "businesscaseline", "risk"],
    "actions": ["actionitem", "progressupdate"],
    "measures": ["measure", "measurevalue"],
    "reporting": ["committeemeeting", "committeereport", "reportimplication", "reportpack"],
}


def _model_permissions(actions: tuple[str, ...], exclude: set[str] = frozenset()) -> list[str]:
    return [
        f"{app}.{action}_{model}"
        for app, models in DOMAIN_MODELS.items()
        for model in models
        if model not in exclude
        for action in actions
    ]


# Unpublished packs are the lead's working drafts; everyone else sees published ones only.
READ_ALL = _model_permissions(("view",), exclude={"reportpack"})

ROLE_PERMISSIONS: dict[str, list[str]] = {
    STRATEGY_LEAD: _model_permissions(("view", "add", "change", "delete"))
    + [
        "actions.record_progress",
        "actions.record_any_progress",
        "reporting.request_pack",
        "reporting.publish_pack",
        "reporting.download_published_pack",
        "reporting.chase_updates",
    ],
    ICT_MANAGER: READ_ALL + ["actions.record_progress", "reporting.download_published_pack"],
    COMMITTEE_MEMBER: READ_ALL + ["reporting.download_published_pack"],
    API_CLIENT: READ_ALL,
}


def sync_role_groups(group_model, permission_model) -> None:
    """Make each role group carry exactly its permissions (models passed in so migrations can call it)."""
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=role)
        wanted = set()
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            wanted.add(permission_model.objects.get(content_type__app_label=app_label, codename=codename).pk)
        current = set(group.permissions.values_list("pk", flat=True))
        if current != wanted:
            group.permissions.set(wanted)
