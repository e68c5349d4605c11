from django.contrib.auth.management import create_permissions
from django.db import migrations

from strategy.roles import sync_role_groups

APPS_WITH_ROLE_PERMISSIONS = ["strategy", "principles", "actions", "reporting"]


def create_role_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for label in APPS_WITH_ROLE_PERMISSIONS:
        app_config = apps.get_app_config(label)
        # The migration state's app configs have no models module; create_permissions wants one.
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_role_groups(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


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
