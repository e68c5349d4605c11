"""Browser forms for the action plan. Rules about progress live in services.progress_record."""

from django import forms
from django.contrib.auth import get_user_model

from core.conflicts import VersionedForm
from core.forms import DateInputsField, LimitedCharField
from core.limits import COMMENTARY_LENGTH, DESCRIPTION_LENGTH, REASON_LENGTH, TITLE_LENGTH
from periods.models import ReportingPeriod
from principles.models import Principle
from registers.forms import UserChoiceField
from registers.models import BusinessCase, Risk

from .choices import Rag, Status
from .models import ActionItem, ProgressUpdate


class ProgressUpdateForm(VersionedForm):
    """The quarterly progress form; it checks only the shape of each answer."""

    status = forms.ChoiceField(
        choices=Status.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a status.", "invalid_choice": "Choose a status from the list."},
    )
    rag = forms.ChoiceField(
        label="RAG rating",
        choices=Rag.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a RAG rating: red, amber or green.", "invalid_choice": "Choose a RAG rating: red, amber or green."},
    )
    percent_complete = forms.IntegerField(
        label="Percent complete",
        help_text="A whole number from 0 to 100. A completed action is 100.",
        min_value=0,
        max_value=100,
        # A text box, as GOV.UK advises for numbers: a number input changes on a mouse scroll.
        widget=forms.TextInput(attrs={"inputmode": "numeric", "spellcheck": "false", "class": "govuk-input--width-3"}),
        error_messages={
            "required": "Enter percent complete, a whole number from 0 to 100.",
            "invalid": "Enter percent complete as a whole number from 0 to 100, like 45.",
            "min_value": "Percent complete must be 0 or more.",
            "max_value": "Percent complete must be 100 or less.",
        },
    )
    commentary = LimitedCharField(
        label="Commentary",
        max_length=COMMENTARY_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What happened this quarter. Required when the action is amber or red, or cancelled.",
    )
    next_steps = LimitedCharField(
        label="Next steps", max_length=COMMENTARY_LENGTH, required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text="What will happen next quarter."
    )

    @classmethod
    def initial_for(cls, action: ActionItem, last_update: ProgressUpdate | None, *, period: ReportingPeriod | None) -> dict:
        """The figures start from the last update, so a manager changes only what moved; the words start empty.

        Pre-filled words would be saved again unread when a manager changes only the percent,
        so earlier quarters' words are shown beside the form instead. Amending `period`'s own
        update starts from its words too: they are this quarter's.
        """
        amending = last_update if last_update and period and last_update.period_id == period.pk else None
        source = last_update or action
        return {
            "status": source.status,
            "rag": source.rag,
            "percent_complete": source.percent_complete,
            "commentary": getattr(amending, "commentary", ""),
            "next_steps": getattr(amending, "next_steps", ""),
            "expected_version": action.version,
        }


# Multiple-choice filters show as checkboxes; the yes/no overdue filter gets plain words.
OVERDUE_CHOICES = [("unknown", "Any"), ("true", "Overdue only"), ("false", "Not overdue")]
EMPTY_LABELS = {"owner": "Anyone", "ordering": "Reference"}


def style_filter_form(form: forms.Form) -> forms.Form:
    """Give a FilterSet's form the panel's widgets and wording; the filtering itself stays in the FilterSet."""
    for name, field in form.fields.items():
        widget = field.widget
        if name in EMPTY_LABELS:
            field.empty_label = EMPTY_LABELS[name]
        if isinstance(field, forms.ModelMultipleChoiceField) and name == "principle":
            # Short labels keep the filter panel narrow; the principles page gives the titles.
            field.label_from_instance = lambda principle: f"Principle {principle.number}"
        if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
        elif isinstance(widget, forms.NullBooleanSelect):
            widget.choices = OVERDUE_CHOICES
    return form


def _people():
    return get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name", "username")


class PeopleField(forms.ModelMultipleChoiceField):
    label_from_instance = UserChoiceField.label_from_instance


def _delegates_field() -> PeopleField:
    return PeopleField(
        queryset=_people(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="People who may report progress on the action alongside its owner.",
        error_messages={"invalid_choice": "Choose delegates from the list.", "invalid_pk_value": "Choose delegates from the list."},
    )


def _date_field(label: str, *, required: bool = True, help_text: str = "For example, 27 3 2027") -> DateInputsField:
    return DateInputsField(
        label=label,
        required=required,
        help_text=help_text,
        error_messages={
            "required": f"Enter the {label.lower()}.",
            "invalid": f"Enter the {label.lower()} as a day, month and year in numbers.",
            "invalid_date": f"The {label.lower()} must be a real date.",
        },
    )


class ActionForm(VersionedForm):
    """A lead's form for an action's plan; services.action_create and action_update decide what is allowed."""

    reference = forms.CharField(
        max_length=10,
        help_text="The principle number, a dash and two digits, for example P3-04.",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "spellcheck": "false"}),
        error_messages={"required": "Enter a reference, for example P3-04."},
    )
    title = LimitedCharField(label="Title", max_length=TITLE_LENGTH, error_messages={"required": "Enter a title for the action."})
    description = LimitedCharField(
        label="Description", max_length=DESCRIPTION_LENGTH, widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    principle = forms.ModelChoiceField(
        queryset=Principle.objects.order_by("number"),
        empty_label="Choose a principle",
        error_messages={"required": "Choose the principle the action delivers.", "invalid_choice": "Choose a principle from the list."},
    )
    owner = UserChoiceField(
        queryset=_people(),
        empty_label="Choose an owner",
        error_messages={"required": "Choose who owns the action.", "invalid_choice": "Choose an owner from the list."},
    )
    delegates = _delegates_field()
    business_case = forms.ModelChoiceField(
        queryset=BusinessCase.objects.order_by("reference"),
        required=False,
        empty_label="None",
        label="Business case",
        error_messages={"invalid_choice": "Choose a business case from the list."},
    )
    risks = forms.ModelMultipleChoiceField(
        queryset=Risk.objects.order_by("reference"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": "Choose risks from the list.", "invalid_pk_value": "Choose risks from the list."},
    )
    start_date = _date_field("Start date")
    target_date = _date_field("Target date")
    revised_target_date = _date_field(
        "Revised target date", required=False, help_text="Only if the target date has moved. For example, 3 3 2027"
    )
    revised_target_reason = LimitedCharField(
        label="Reason for the revised target date",
        max_length=REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Required when you set or change the revised target date.",
    )

    def __init__(self, *args, action: ActionItem | None = None, **kwargs):
        if action is not None:
            initial = {name: getattr(action, name) for name in PLAN_FIELDS if name not in ("delegates", "risks")}
            initial.update(
                delegates=[person.pk for person in action.delegates.all()],
                risks=[risk.pk for risk in action.risks.all()],
                expected_version=action.version,
            )
            kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        if action is None:
            # A new action has no version yet for anyone to have changed.
            del self.fields["expected_version"]
        else:
            # The reference names the action in reports, exports and links: it is fixed once created.
            del self.fields["reference"]

    def plan(self) -> dict:
        """The fields the services take, by their names."""
        return {name: self.cleaned_data[name] for name in PLAN_FIELDS}


PLAN_FIELDS = (
    "title", "description", "principle", "owner", "delegates", "business_case", "risks",
    "start_date", "target_date", "revised_target_date", "revised_target_reason",
)


class DelegatesForm(VersionedForm):
    delegates = _delegates_field()


class CancelActionForm(VersionedForm):
    reason = LimitedCharField(
        label="Why is the action being cancelled?",
        named="The reason for cancelling",
        max_length=REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        # services.action_cancel requires it, with the message shown beside this field.
        required=False,
        help_text="This is kept and shown on the action page and in its history.",
    )
