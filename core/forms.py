"""Every form field in GOV.UK style, from one template: templates/core/field.html.

One id convention for every field, so that aria-describedby always names elements on the page:
a hint is "<auto_id>-hint" and an error message "<auto_id>-error", auto_id being the field's own
id ("id_title"). That is also the id a single input's label points at; radios, checkboxes and
date inputs have no such single input, so their fieldset carries the aria-describedby.
"""

import datetime

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.forms.boundfield import BoundField, BoundWidget
from django.forms.renderers import TemplatesSetting
from django.utils.functional import cached_property

from .limits import REFERENCE_MAX_LENGTH, ReferenceValidator, with_length_limit


class DateInputs(forms.MultiWidget):
    """GOV.UK's date input: day, month and year boxes, each with its own label."""

    template_name = "core/widgets/date_inputs.html"
    parts = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))

    def __init__(self, attrs=None):
        super().__init__({name: forms.TextInput(attrs={"inputmode": "numeric"}) for name, _, _ in self.parts}, attrs)

    def decompress(self, value):
        return [value.day, value.month, value.year] if value else [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for part, (_, label, width) in zip(context["widget"]["subwidgets"], self.parts):
            part["label"] = label
            part["attrs"]["class"] = f"{part['attrs'].get('class', '')} govuk-date-input__input govuk-input--width-{width}".strip()
        return context


class DateInputsField(forms.MultiValueField):
    """A date typed as a day, month and year in numbers. Forms word the errors for their date
    ("required", "invalid" for anything but numbers, "invalid_date" for no such day)."""

    widget = DateInputs
    default_error_messages = {
        "invalid": "Enter the date as a day, month and year in numbers.",
        "invalid_date": "The date must be a real date.",
    }

    def __init__(self, **kwargs):
        # Parts are checked together in compress, so one message covers the whole date.
        parts = [forms.CharField(required=False) for _ in DateInputs.parts]
        super().__init__(parts, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return None
        if not all(part.isdecimal() for part in data_list):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        day, month, year = (int(part) for part in data_list)
        try:
            return datetime.date(year, month, day)
        except (ValueError, OverflowError):
            raise forms.ValidationError(self.error_messages["invalid_date"], code="invalid_date") from None


class LimitedCharField(forms.CharField):
    """Free text with its limit (core.limits) told in the service's words: "Commentary must be
    5,000 characters or fewer (it has 6,201)." `named` is how the message names the field, when
    its label (say "3. Purpose of Report") reads badly in a sentence."""

    def __init__(self, *, max_length: int, label: str, named: str | None = None, **kwargs):
        super().__init__(max_length=max_length, label=label, **kwargs)
        self.validators = with_length_limit(self.validators, limit=max_length, label=named or label)

    def widget_attrs(self, widget):
        # No maxlength attribute: as GOV.UK advises, the browser does not silently cut what is
        # typed or pasted; the message says by how much it is over instead.
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        return attrs


class ReferenceField(LimitedCharField):
    """A business case's or risk's reference, of the shape core.limits gives."""

    def __init__(self, **kwargs):
        super().__init__(max_length=REFERENCE_MAX_LENGTH, label="Reference", validators=[ReferenceValidator()], **kwargs)


# Each kind of widget as GOV.UK Frontend draws it: (widget class, component, input class). The
# first match wins, so subclasses come before their bases: CheckboxSelectMultiple is a
# RadioSelect, CheckboxInput an Input.
GOVUK_COMPONENTS = (
    (forms.CheckboxSelectMultiple, "checkboxes", "govuk-checkboxes__input"),
    (forms.RadioSelect, "radios", "govuk-radios__input"),
    (forms.CheckboxInput, "checkbox", "govuk-checkboxes__input"),
    (DateInputs, "date-input", "govuk-input"),
    (forms.Textarea, "textarea", "govuk-textarea"),
    (forms.Select, "select", "govuk-select"),
    (forms.FileInput, "file-upload", "govuk-file-upload"),
    (forms.Widget, "input", "govuk-input"),
)
# The input classes GOV.UK Frontend gives an error style, as "<class>--error".
ERROR_STYLED = {"govuk-input", "govuk-select", "govuk-textarea"}


class GovukBoundField(BoundField):
    """A bound field as core/field.html draws it. It only adds to Django's: the admin renders
    Django's own help text ids ("<auto_id>_helptext"), so Django's aria-describedby stays as it is."""

    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}-hint"

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}-error"

    @property
    def govuk_describedby(self) -> str:
        """The ids of exactly the hint and error message core/field.html renders for the field."""
        ids = [self.hint_id] if self.help_text else []
        if self.errors:
            ids.append(self.error_id)
        return " ".join(ids)

    @property
    def govuk_component(self) -> str:
        """Which GOV.UK component core/field.html draws: "radios", "checkboxes", "checkbox",
        "date-input", "textarea", "select", "file-upload" or "input"."""
        return self._component[0]

    @property
    def govuk_widget(self) -> str:
        """The input, select or textarea, with aria-describedby unless a fieldset carries it."""
        attrs = {"class": self._input_class}
        if self.govuk_describedby and not self.use_fieldset:
            attrs["aria-describedby"] = self.govuk_describedby
        return self.as_widget(attrs=attrs)

    @property
    def govuk_options(self) -> list[BoundWidget]:
        """The radios or checkboxes of a choice field, as Django's `for option in field` gives them."""
        attrs = self.build_widget_attrs({"id": self.auto_id, "class": self._input_class})
        widget = self.field.widget
        return [
            BoundWidget(widget, option, self.form.renderer)
            for option in widget.subwidgets(self.html_name, self.value(), attrs=attrs)
        ]

    @cached_property
    def _component(self) -> tuple[str, str]:
        return next((component, css) for kind, component, css in GOVUK_COMPONENTS if isinstance(self.field.widget, kind))

    @property
    def _input_class(self) -> str:
        css = self._component[1]
        # Widths and other modifiers a form gives its widget come after the base class.
        classes = [css, self.field.widget.attrs.get("class", "")]
        if self.errors and css in ERROR_STYLED:
            classes.append(f"{css}--error")
        return " ".join(name for name in classes if name)


class GovukFormRenderer(TemplatesSetting):
    """FORM_RENDERER: {{ field.as_field_group }} renders core/field.html for every form."""

    field_template_name = "core/field.html"
    bound_field_class = GovukBoundField


class SignInForm(AuthenticationForm):
    """Django's sign-in form in the service's words, with inputs half the column wide."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No autofocus: after an error GOV.UK Frontend moves the focus to the error summary.
        self.fields["username"].widget.attrs.pop("autofocus")
        self.fields["username"].widget.attrs.update({"class": "govuk-!-width-one-half", "spellcheck": "false"})
        self.fields["password"].widget.attrs["class"] = "govuk-!-width-one-half"
        self.fields["username"].error_messages["required"] = "Enter your username."
        self.fields["password"].error_messages["required"] = "Enter your password."


class LockedOutSignInForm(SignInForm):
    """The sign-in form once django-axes has locked this username out at this address: it
    refuses without checking the password, saying how long to wait."""

    def __init__(self, *args, wait_minutes: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.wait_minutes = wait_minutes

    def clean(self):
        raise forms.ValidationError(
            "You have entered a wrong password too many times. Try again in %(minutes)d minutes.",
            code="locked_out",
            params={"minutes": self.wait_minutes},
        )
