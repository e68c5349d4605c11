"""Actions' links follow business cases, risks and periods to their new apps; no table changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('actions', '0002_initial'),
        ('periods', '0001_initial'),
        ('registers', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='actionitem',
                    name='business_case',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='actions', to='registers.businesscase'),
                ),
                migrations.AlterField(
                    model_name='actionitem',
                    name='risks',
                    field=models.ManyToManyField(blank=True, related_name='actions', to='registers.risk'),
                ),
                migrations.AlterField(
                    model_name='historicalactionitem',
                    name='business_case',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='registers.businesscase'),
                ),
                migrations.AlterField(
                    model_name='historicalprogressupdate',
                    name='period',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='periods.reportingperiod'),
                ),
                migrations.AlterField(
                    model_name='progressupdate',
                    name='period',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='updates', to='periods.reportingperiod'),
                ),
                ],
            database_operations=[],
        ),
    ]
