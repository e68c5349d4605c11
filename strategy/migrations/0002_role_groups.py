from django.contrib.auth.management import create_permissions
from django.db import migrations

# The role table as it stood when this migration was written. Migrations never import
# application code: core/roles.py changes as models are added, and a migration that read it
# would ask for permissions whose models do not exist yet at this point of a fresh migrate.
DOMAIN_MODELS = {
    "strategy": ["strategy", "businesscase", "businesscaseline", "risk"],
    "principles": ["principle"],
    "actions": ["actionitem", "progressupdate"],
    "reporting": ["reportingperiod", "committeemeeting", "committeereport", "reportimplication", "reportpack"],
}


def _model_permissions(actions, exclude=frozenset()):
    return [
        f"{app}.{action}_{model}"
        for app, models in DOMAIN_MODELS.items()
        for model in models
        if model not in exclude
        for action in actions
    ]


READ_ALL = _model_permissions(("view",), exclude={"reportpack"})
ROLE_PERMISSIONS = {
    "Strategy lead": _model_permissions(("view", "add", "change", "delete"))
    + [
        "actions.record_progress",
        "actions.record_any_progress",
        "reporting.request_pack",
        "reporting.publish_pack",
        "reporting.download_published_pack",
    ],
    "ICT manager": READ_ALL + ["actions.record_progress", "reporting.download_published_pack"],
    "Committee member": READ_ALL + ["reporting.download_published_pack"],
    "API client": READ_ALL,
}


def create_role_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for label in DOMAIN_MODELS:
        app_config = apps.get_app_config(label)
        # The migration state's app configs have no models module; create_permissions wants one.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(
            Permission.objects.get(content_type__app_label=dotted.split(".")[0], codename=dotted.split(".")[1])
            for dotted in codenames
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("strategy", "0001_initial"),
        ("principles", "0002_initial"),
        ("actions", "0002_initial"),
        ("reporting", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
