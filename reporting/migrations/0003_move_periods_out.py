"""Reporting periods now live in `periods`; the table stays where it is."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('actions', '0003_point_at_registers_and_periods'),
        ('periods', '0001_initial'),
        ('reporting', '0002_committee_report_workflow_and_reference_sequence'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='reportpack',
                    name='period',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='packs', to='periods.reportingperiod'),
                ),
                migrations.DeleteModel(
                    name='ReportingPeriod',
                ),
                ],
            database_operations=[],
        ),
    ]
