"""Business cases and risks now live in `registers`; their tables stay where they are."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('actions', '0003_point_at_registers_and_periods'),
        ('strategy', '0003_business_case_workflow_and_risk_reviews'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='businesscase',
                    name='principles',
                ),
                migrations.RemoveField(
                    model_name='businesscase',
                    name='sponsor',
                ),
                migrations.RemoveField(
                    model_name='businesscase',
                    name='strategy',
                ),
                migrations.RemoveField(
                    model_name='risk',
                    name='business_cases',
                ),
                migrations.RemoveField(
                    model_name='businesscasetransition',
                    name='business_case',
                ),
                migrations.RemoveField(
                    model_name='businesscaserevision',
                    name='business_case',
                ),
                migrations.RemoveField(
                    model_name='businesscaserevision',
                    name='revised_by',
                ),
                migrations.RemoveField(
                    model_name='businesscasetransition',
                    name='actor',
                ),
                migrations.RemoveField(
                    model_name='historicalbusinesscase',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalbusinesscase',
                    name='sponsor',
                ),
                migrations.RemoveField(
                    model_name='historicalbusinesscase',
                    name='strategy',
                ),
                migrations.RemoveField(
                    model_name='historicalrisk',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalrisk',
                    name='owner',
                ),
                migrations.RemoveField(
                    model_name='historicalrisk',
                    name='strategy',
                ),
                migrations.RemoveField(
                    model_name='risk',
                    name='owner',
                ),
                migrations.RemoveField(
                    model_name='risk',
                    name='strategy',
                ),
                migrations.RemoveField(
                    model_name='riskreview',
                    name='risk',
                ),
                migrations.RemoveField(
                    model_name='riskreview',
                    name='reviewed_by',
                ),
                migrations.DeleteModel(
                    name='BusinessCaseLine',
                ),
                migrations.DeleteModel(
                    name='BusinessCase',
                ),
                migrations.DeleteModel(
                    name='BusinessCaseRevision',
                ),
                migrations.DeleteModel(
                    name='BusinessCaseTransition',
                ),
                migrations.DeleteModel(
                    name='HistoricalBusinessCase',
                ),
                migrations.DeleteModel(
                    name='HistoricalRisk',
                ),
                migrations.DeleteModel(
                    name='Risk',
                ),
                migrations.DeleteModel(
                    name='RiskReview',
                ),
                ],
            database_operations=[],
        ),
    ]
