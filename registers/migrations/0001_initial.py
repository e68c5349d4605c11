"""Business cases and risks move here from `strategy`, keeping their tables: the state moves, the data stays."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


def _relabel(apps, models, old, new):
    """Content types (and so every permission and role group) follow the models to their new app."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in models:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)

MOVED = [
    "businesscase", "businesscaseline", "businesscasetransition", "businesscaserevision",
    "risk", "riskreview", "historicalbusinesscase", "historicalrisk",
]


def relabel_forwards(apps, schema_editor):
    _relabel(apps, MOVED, "strategy", "registers")


def relabel_backwards(apps, schema_editor):
    _relabel(apps, MOVED, "registers", "strategy")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('principles', '0002_initial'),
        ('strategy', '0003_business_case_workflow_and_risk_reviews'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='BusinessCase',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reference', models.CharField(max_length=30, unique=True)),
                        ('title', models.CharField(max_length=200)),
                        ('summary', models.TextField(blank=True)),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('approved', 'Approved'), ('rejected', 'Rejected'), ('closed', 'Closed')], default='draft', max_length=20)),
                        ('is_demo', models.BooleanField(default=False, help_text='Demo data loaded by seed_strategy --demo.')),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('principles', models.ManyToManyField(blank=True, db_table='strategy_businesscase_principles', related_name='business_cases', to='principles.principle')),
                        ('sponsor', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='sponsored_cases', to=settings.AUTH_USER_MODEL)),
                        ('strategy', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='business_cases', to='strategy.strategy')),
                    ],
                    options={
                        'db_table': 'strategy_businesscase',
                        'ordering': ['reference'],
                    },
                ),
                migrations.CreateModel(
                    name='BusinessCaseLine',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('financial_year', models.PositiveSmallIntegerField(help_text='Start year: 2024 means 2024/25.')),
                        ('capital_cost', models.DecimalField(decimal_places=2, default=Decimal('0.00'), max_digits=14)),
                        ('revenue_cost', models.DecimalField(decimal_places=2, default=Decimal('0.00'), max_digits=14)),
                        ('cashable_benefit', models.DecimalField(decimal_places=2, default=Decimal('0.00'), max_digits=14)),
                        ('non_cashable_benefit', models.DecimalField(decimal_places=2, default=Decimal('0.00'), max_digits=14)),
                        ('business_case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='lines', to='registers.businesscase')),
                    ],
                    options={
                        'db_table': 'strategy_businesscaseline',
                        'ordering': ['business_case', 'financial_year'],
                    },
                ),
                migrations.CreateModel(
                    name='BusinessCaseRevision',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveSmallIntegerField(help_text='1 for the figures first approved, 2 for the next, ...')),
                        ('superseded_figures', models.JSONField(help_text='The replaced lines: financial year and money as strings.')),
                        ('reason', models.TextField()),
                        ('revised_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('business_case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='registers.businesscase')),
                        ('revised_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'strategy_businesscaserevision',
                        'ordering': ['business_case', 'number'],
                    },
                ),
                migrations.CreateModel(
                    name='BusinessCaseTransition',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('from_status', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('approved', 'Approved'), ('rejected', 'Rejected'), ('closed', 'Closed')], max_length=20)),
                        ('to_status', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('approved', 'Approved'), ('rejected', 'Rejected'), ('closed', 'Closed')], max_length=20)),
                        ('at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('note', models.TextField(blank=True)),
                        ('actor', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('business_case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='transitions', to='registers.businesscase')),
                    ],
                    options={
                        'db_table': 'strategy_businesscasetransition',
                        'ordering': ['business_case', 'at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalBusinessCase',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('reference', models.CharField(db_index=True, max_length=30)),
                        ('title', models.CharField(max_length=200)),
                        ('summary', models.TextField(blank=True)),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('approved', 'Approved'), ('rejected', 'Rejected'), ('closed', 'Closed')], default='draft', max_length=20)),
                        ('is_demo', models.BooleanField(default=False, help_text='Demo data loaded by seed_strategy --demo.')),
                        ('updated_at', models.DateTimeField(blank=True, editable=False)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('sponsor', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('strategy', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='strategy.strategy')),
                    ],
                    options={
                        'verbose_name': 'historical business case',
                        'verbose_name_plural': 'historical business cases',
                        'db_table': 'strategy_historicalbusinesscase',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalRisk',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('inherent_likelihood', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)])),
                        ('inherent_impact', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)])),
                        ('residual_likelihood', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)])),
                        ('residual_impact', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)])),
                        ('reference', models.CharField(db_index=True, max_length=30)),
                        ('title', models.CharField(max_length=200)),
                        ('description', models.TextField(blank=True)),
                        ('category', models.CharField(choices=[('information', 'Information'), ('cyber_security', 'Cyber security'), ('compliance', 'Compliance'), ('delivery', 'Delivery'), ('financial', 'Financial')], max_length=20)),
                        ('mitigation', models.TextField(blank=True)),
                        ('review_date', models.DateField()),
                        ('on_strategic_register', models.BooleanField(default=False)),
                        ('escalation_reason', models.TextField(blank=True)),
                        ('is_demo', models.BooleanField(default=False, help_text='Demo data loaded by seed_strategy --demo.')),
                        ('updated_at', models.DateTimeField(blank=True, editable=False)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('owner', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('strategy', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='strategy.strategy')),
                    ],
                    options={
                        'verbose_name': 'historical risk',
                        'verbose_name_plural': 'historical risks',
                        'db_table': 'strategy_historicalrisk',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Risk',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('inherent_likelihood', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)])),
                        ('inherent_impact', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)])),
                        ('residual_likelihood', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)])),
                        ('residual_impact', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)])),
                        ('reference', models.CharField(max_length=30, unique=True)),
                        ('title', models.CharField(max_length=200)),
                        ('description', models.TextField(blank=True)),
                        ('category', models.CharField(choices=[('information', 'Information'), ('cyber_security', 'Cyber security'), ('compliance', 'Compliance'), ('delivery', 'Delivery'), ('financial', 'Financial')], max_length=20)),
                        ('mitigation', models.TextField(blank=True)),
                        ('review_date', models.DateField()),
                        ('on_strategic_register', models.BooleanField(default=False)),
                        ('escalation_reason', models.TextField(blank=True)),
                        ('is_demo', models.BooleanField(default=False, help_text='Demo data loaded by seed_strategy --demo.')),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('business_cases', models.ManyToManyField(blank=True, db_table='strategy_risk_business_cases', related_name='risks', to='registers.businesscase')),
                        ('owner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='owned_risks', to=settings.AUTH_USER_MODEL)),
                        ('strategy', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='risks', to='strategy.strategy')),
                    ],
                    options={
                        'db_table': 'strategy_risk',
                        'ordering': ['reference'],
                    },
                ),
                migrations.CreateModel(
                    name='RiskReview',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('inherent_likelihood', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)])),
                        ('inherent_impact', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)])),
                        ('residual_likelihood', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)])),
                        ('residual_impact', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)])),
                        ('reviewed_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('note', models.TextField()),
                        ('next_review_date', models.DateField()),
                        ('escalated', models.BooleanField(default=False, help_text='This review put the risk on the strategic register.')),
                        ('reviewed_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('risk', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reviews', to='registers.risk')),
                    ],
                    options={
                        'db_table': 'strategy_riskreview',
                        'ordering': ['risk', '-reviewed_at', '-pk'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='businesscase',
                    constraint=models.CheckConstraint(condition=models.Q(('status__in', ['draft', 'submitted', 'approved', 'rejected', 'closed'])), name='businesscase_status_valid'),
                ),
                migrations.AddConstraint(
                    model_name='businesscaseline',
                    constraint=models.UniqueConstraint(fields=('business_case', 'financial_year'), name='businesscaseline_one_per_year'),
                ),
                migrations.AddConstraint(
                    model_name='businesscaserevision',
                    constraint=models.UniqueConstraint(fields=('business_case', 'number'), name='businesscaserevision_number_unique'),
                ),
                migrations.AddConstraint(
                    model_name='businesscasetransition',
                    constraint=models.CheckConstraint(condition=models.Q(('from_status', models.F('to_status')), _negated=True), name='businesscasetransition_changes_status'),
                ),
                migrations.AddConstraint(
                    model_name='risk',
                    constraint=models.CheckConstraint(condition=models.Q(('inherent_likelihood__gte', 1), ('inherent_likelihood__lte', 5)), name='risk_inherent_likelihood_1_to_5'),
                ),
                migrations.AddConstraint(
                    model_name='risk',
                    constraint=models.CheckConstraint(condition=models.Q(('inherent_impact__gte', 1), ('inherent_impact__lte', 5)), name='risk_inherent_impact_1_to_5'),
                ),
                migrations.AddConstraint(
                    model_name='risk',
                    constraint=models.CheckConstraint(condition=models.Q(('residual_likelihood__gte', 1), ('residual_likelihood__lte', 5)), name='risk_residual_likelihood_1_to_5'),
                ),
                migrations.AddConstraint(
                    model_name='risk',
                    constraint=models.CheckConstraint(condition=models.Q(('residual_impact__gte', 1), ('residual_impact__lte', 5)), name='risk_residual_impact_1_to_5'),
                ),
                migrations.AddConstraint(
                    model_name='risk',
                    constraint=models.CheckConstraint(condition=models.Q(('category__in', ['information', 'cyber_security', 'compliance', 'delivery', 'financial'])), name='risk_category_valid'),
                ),
                migrations.AddConstraint(
                    model_name='riskreview',
                    constraint=models.CheckConstraint(condition=models.Q(('inherent_likelihood__gte', 1), ('inherent_likelihood__lte', 5)), name='riskreview_inherent_likelihood_1_to_5'),
                ),
                migrations.AddConstraint(
                    model_name='riskreview',
                    constraint=models.CheckConstraint(condition=models.Q(('inherent_impact__gte', 1), ('inherent_impact__lte', 5)), name='riskreview_inherent_impact_1_to_5'),
                ),
                migrations.AddConstraint(
                    model_name='riskreview',
                    constraint=models.CheckConstraint(condition=models.Q(('residual_likelihood__gte', 1), ('residual_likelihood__lte', 5)), name='riskreview_residual_likelihood_1_to_5'),
                ),
                migrations.AddConstraint(
                    model_name='riskreview',
                    constraint=models.CheckConstraint(condition=models.Q(('residual_impact__gte', 1), ('residual_impact__lte', 5)), name='riskreview_residual_impact_1_to_5'),
                ),
                ],
            database_operations=[
                migrations.RunPython(relabel_forwards, relabel_backwards),
            ],
        ),
    ]
