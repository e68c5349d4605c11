"""Forms for business cases and risks: they parse and label input; the services decide and write."""

from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model

from core.conflicts import VersionedForm
from core.exports import display_name
from core.financial_year import financial_year_label
from core.forms import LimitedCharField, ReferenceField
from core.limits import DESCRIPTION_LENGTH, REASON_LENGTH, TITLE_LENGTH
from principles.models import Principle

from .choices import BusinessCaseStatus, RiskCategory
from .models import ESCALATION_THRESHOLD, MONEY_FIELD_NAMES, SCORE_FIELDS, BusinessCase, BusinessCaseLine
from .services.business_cases import ALLOWED_TRANSITIONS, TRANSITION_VERBS, LineFigures
from .services.risks import RiskDetails, RiskScores

SCORE_CHOICES = [("", "Choose")] + [(n, str(n)) for n in range(1, 6)]
MONEY_LABELS = {
    "capital_cost": "Capital cost",
    "revenue_cost": "Revenue cost",
    "cashable_benefit": "Cashable benefit",
    "non_cashable_benefit": "Non-cashable benefit",
}


def _user_choices():
    return get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name", "username")


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return display_name(obj)


class BusinessCaseForm(VersionedForm):
    reference = ReferenceField(help_text="For example HLBC-2025-01.")
    title = LimitedCharField(label="Title", max_length=TITLE_LENGTH)
    summary = LimitedCharField(label="Summary", max_length=DESCRIPTION_LENGTH, widget=forms.Textarea(attrs={"rows": 5}), required=False)
    sponsor = UserChoiceField(queryset=_user_choices(), empty_label="Choose a sponsor")
    principles = forms.ModelMultipleChoiceField(
        queryset=Principle.objects.order_by("number"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="The strategy principles this case delivers.",
    )

    def __init__(self, *args, business_case: BusinessCase | None = None, **kwargs):
        if business_case is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": business_case.title,
                    "summary": business_case.summary,
                    "sponsor": business_case.sponsor_id,
                    "principles": [p.pk for p in business_case.principles.all()],
                    "expected_version": business_case.version,
                },
            )
        super().__init__(*args, **kwargs)
        if business_case is None:
            # A new case has no version yet for anyone to have changed.
            del self.fields["expected_version"]
        else:
            # The reference names the case in reports and links: it is fixed once created.
            del self.fields["reference"]


class PoundsField(forms.DecimalField):
    """Pounds as people type them: "£1,250,000" and "1250000" both mean one and a quarter million."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", "").replace("£", "", 1)
        return super().to_python(value)


class FiguresForm(forms.Form):
    """The figures for each financial year of the MTFS, one field per year and measure, in pounds."""

    def __init__(self, *args, years: list[int], lines: list[BusinessCaseLine] = (), **kwargs):
        self.years = years
        by_year = {line.financial_year: line for line in lines}
        initial = {
            f"{name}_{year}": getattr(by_year[year], name) for year in years if year in by_year for name in MONEY_FIELD_NAMES
        }
        kwargs["initial"] = initial | kwargs.get("initial", {})
        super().__init__(*args, **kwargs)
        for year in years:
            label = financial_year_label(year)
            for name in MONEY_FIELD_NAMES:
                self.fields[f"{name}_{year}"] = PoundsField(
                    label=f"{MONEY_LABELS[name]}, {label}",
                    max_digits=14,
                    decimal_places=2,
                    required=False,
                    widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "govuk-input--width-10"}),
                    error_messages={
                        "invalid": f"Enter the {MONEY_LABELS[name].lower()} for {label} in pounds, like £1,250,000 or 1250.50.",
                        "max_decimal_places": f"Enter the {MONEY_LABELS[name].lower()} for {label} to the nearest penny.",
                        "max_digits": f"The {MONEY_LABELS[name].lower()} for {label} is too large.",
                    },
                )

    def rows(self):
        """(year label, [bound fields]) for the figures table."""
        return [
            (financial_year_label(year), [self[f"{name}_{year}"] for name in MONEY_FIELD_NAMES])
            for year in self.years
        ]

    def lines(self) -> list[LineFigures]:
        return [
            LineFigures(
                financial_year=year,
                **{name: self.cleaned_data.get(f"{name}_{year}") or Decimal("0.00") for name in MONEY_FIELD_NAMES},
            )
            for year in self.years
        ]


class RevisionForm(FiguresForm, VersionedForm):
    reason = LimitedCharField(
        label="Reason",
        max_length=REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: the 2025/26 annual review against the MTFS.",
        error_messages={"required": "Say why the figures are being revised."},
    )


def figure_years(business_case: BusinessCase | None, strategy) -> list[int]:
    """The strategy's financial years, plus any other year the case already has figures for."""
    years = set(range(strategy.start_year, strategy.end_year))
    if business_case is not None:
        years |= {line.financial_year for line in business_case.lines.all()}
    return sorted(years)


class TransitionForm(VersionedForm):
    to_status = forms.ChoiceField(choices=BusinessCaseStatus.choices, widget=forms.HiddenInput)
    note = LimitedCharField(
        label="Note for the record",
        named="The note",
        max_length=REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Required when rejecting a case.",
    )


def transition_choices(status: str) -> list[tuple[str, str]]:
    """The next steps open from `status`, as (status, button label)."""
    return [(to, TRANSITION_VERBS[to]) for to in ALLOWED_TRANSITIONS[BusinessCaseStatus(status)]]


class ScoresMixin(forms.Form):
    inherent_likelihood = forms.TypedChoiceField(choices=SCORE_CHOICES, coerce=int, label="Inherent likelihood (1–5)")
    inherent_impact = forms.TypedChoiceField(choices=SCORE_CHOICES, coerce=int, label="Inherent impact (1–5)")
    residual_likelihood = forms.TypedChoiceField(
        choices=SCORE_CHOICES, coerce=int, label="Residual likelihood (1–5)", help_text="After the mitigation."
    )
    residual_impact = forms.TypedChoiceField(
        choices=SCORE_CHOICES, coerce=int, label="Residual impact (1–5)", help_text="After the mitigation."
    )

    def scores(self) -> RiskScores:
        return RiskScores(**{name: self.cleaned_data[name] for name in SCORE_FIELDS})


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__({"class": "govuk-input--width-10", **(attrs or {})}, format="%Y-%m-%d")


class RiskForm(ScoresMixin, VersionedForm):
    field_order = [
        "reference", "title", "description", "category", "owner", *SCORE_FIELDS, "mitigation", "review_date",
        "on_strategic_register", "escalation_reason", "business_cases",
    ]
    reference = ReferenceField(help_text="For example ICT-R16.")
    title = LimitedCharField(label="Title", max_length=TITLE_LENGTH)
    description = LimitedCharField(
        label="Description", max_length=DESCRIPTION_LENGTH, widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    category = forms.ChoiceField(choices=[("", "Choose a category")] + RiskCategory.choices)
    owner = UserChoiceField(queryset=_user_choices(), empty_label="Choose an owner")
    mitigation = LimitedCharField(
        label="Mitigation", max_length=DESCRIPTION_LENGTH, widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    review_date = forms.DateField(widget=DateInput, error_messages={"invalid": "Enter the review date as a real date."})
    on_strategic_register = forms.BooleanField(required=False, label="On the strategic register")
    escalation_reason = LimitedCharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="Why it is on the strategic register",
        named="The reason it is on the strategic register",
        max_length=REASON_LENGTH,
        help_text=f"Filled in for you when the residual score is {ESCALATION_THRESHOLD} or more.",
    )
    business_cases = forms.ModelMultipleChoiceField(
        queryset=BusinessCase.objects.order_by("reference"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, risk=None, may_manage: bool = True, **kwargs):
        if risk is not None:
            initial = {
                name: getattr(risk, name)
                for name in (
                    "title", "description", "category", "mitigation", "review_date",
                    "on_strategic_register", "escalation_reason", *SCORE_FIELDS,
                )
            }
            initial.update(
                owner=risk.owner_id,
                business_cases=[c.pk for c in risk.business_cases.all()],
                expected_version=risk.version,
            )
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        if risk is None:
            # A new risk has no version yet for anyone to have changed.
            del self.fields["expected_version"]
        else:
            del self.fields["reference"]
        if not may_manage:
            # An owner edits their risk but not who owns it, which cases it touches, or whether
            # it comes off the strategic register (risk_update refuses those; here they are fixed).
            fixed = ["owner", "business_cases"]
            if risk is not None and risk.on_strategic_register:
                fixed += ["on_strategic_register", "escalation_reason"]
            for name in fixed:
                self.fields[name].disabled = True
                self.fields[name].help_text = "Only a strategy lead can change this."

    def details(self) -> RiskDetails:
        data = self.cleaned_data
        return RiskDetails(
            title=data["title"],
            description=data["description"],
            category=data["category"],
            owner=data["owner"],
            mitigation=data["mitigation"],
            review_date=data["review_date"],
            on_strategic_register=data["on_strategic_register"],
            escalation_reason=data["escalation_reason"],
            business_cases=list(data["business_cases"]),
        )


class RiskReviewForm(ScoresMixin, VersionedForm):
    note = LimitedCharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        label="What the review found",
        named="The review's note",
        max_length=REASON_LENGTH,
        # Required, but checked by risk_review with the date, so both errors show at once.
        required=False,
    )
    next_review_date = forms.DateField(
        widget=DateInput, error_messages={"invalid": "Enter the next review date as a real date."}
    )
