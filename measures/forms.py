from django import forms

from core.conflicts import VersionedForm

from core.limits import COMMENTARY_LENGTH

from .models import FIGURE

FIGURE_INPUT = forms.TextInput(attrs={"inputmode": "decimal", "spellcheck": "false", "class": "govuk-input--width-10"})


def _figure_field(label: str, *, required: bool, help_text: str) -> forms.DecimalField:
    name = label.lower()
    return forms.DecimalField(
        label=label,
        required=required,
        help_text=help_text,
        # A text box, as GOV.UK advises for numbers: a number input changes on a mouse scroll.
        widget=FIGURE_INPUT,
        **FIGURE,
        error_messages={
            "required": f"Enter the {name}.",
            "invalid": f"Enter the {name} as a number, like 95.5.",
            "max_digits": f"Enter the {name} with no more than {FIGURE['max_digits']} digits.",
            "max_decimal_places": f"Enter the {name} with no more than {FIGURE['decimal_places']} decimal places.",
            "max_whole_digits": f"Enter the {name} with fewer digits before the decimal point.",
        },
    )


class MeasureValueForm(VersionedForm):
    """A measure's figures for the quarter; it checks only the shape of each answer."""

    target = _figure_field("Target", required=True, help_text="The figure aimed for this quarter, in the measure's unit.")
    actual = _figure_field("Actual", required=False, help_text="Leave it empty until the figure is known.")
    commentary = forms.CharField(
        required=False,
        max_length=COMMENTARY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"Required when the actual misses the target. Up to {COMMENTARY_LENGTH:,} characters.",
        error_messages={"max_length": f"Keep the commentary to {COMMENTARY_LENGTH:,} characters or fewer."},
    )

    @staticmethod
    def initial_for(measure, this_quarter, latest) -> dict:
        """This quarter's figures when it has some; else last quarter's target, to keep or change."""
        source = this_quarter or latest
        return {
            "target": getattr(source, "target", None),
            "actual": getattr(this_quarter, "actual", None),
            "commentary": getattr(this_quarter, "commentary", ""),
            "expected_version": measure.version,
        }
