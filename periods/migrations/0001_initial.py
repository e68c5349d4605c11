"""Reporting periods move here from `reporting`, keeping their table, so the action plan and the packs both sit above them."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _relabel(apps, models, old, new):
    """Content types (and so every permission and role group) follow the models to their new app."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in models:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)



def relabel_forwards(apps, schema_editor):
    _relabel(apps, ["reportingperiod"], "reporting", "periods")


def relabel_backwards(apps, schema_editor):
    _relabel(apps, ["reportingperiod"], "periods", "reporting")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('reporting', '0002_committee_report_workflow_and_reference_sequence'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ReportingPeriod',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('financial_year', models.PositiveSmallIntegerField(help_text='Start year: 2024 means 2024/25.')),
                        ('quarter', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(4)])),
                        ('start_date', models.DateField()),
                        ('end_date', models.DateField()),
                        ('update_deadline', models.DateField(help_text='Last day managers may report on this quarter.')),
                        ('closed_at', models.DateTimeField(blank=True, help_text='Set when a lead closes the period early.', null=True)),
                        ('closed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'reporting_reportingperiod',
                        'ordering': ['start_date'],
                        'constraints': [models.UniqueConstraint(fields=('financial_year', 'quarter'), name='reportingperiod_one_per_quarter'), models.CheckConstraint(condition=models.Q(('quarter__gte', 1), ('quarter__lte', 4)), name='reportingperiod_quarter_1_to_4'), models.CheckConstraint(condition=models.Q(('end_date__gt', models.F('start_date'))), name='reportingperiod_ends_after_start'), models.CheckConstraint(condition=models.Q(('update_deadline__gte', models.F('end_date'))), name='reportingperiod_deadline_after_end')],
                    },
                ),
                ],
            database_operations=[
                migrations.RunPython(relabel_forwards, relabel_backwards),
            ],
        ),
    ]
