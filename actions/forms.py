"""Browser forms for the action plan. Rules about progress live in services.progress_record."""

from django import forms

from core.conflicts import VersionedForm
from periods.models import ReportingPeriod

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
    commentary = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="What happened this quarter. Required when the action is amber or red, or cancelled.",
    )
    next_steps = forms.CharField(
        label="Next steps", required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text="What will happen next quarter."
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
