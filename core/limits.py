"""How long free text may be, and how a reference is written: defined once for the models (and
so the database), the forms, the API and the spreadsheet import.

Every free-text field has a limit, so one entry cannot swell a page or a progress pack (a
2,000,000-character commentary once made a pack 2,509 pages long). tests/strategy/test_models.py
walks every model so that a new field cannot come without one.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.deconstruct import deconstructible
from django.utils.text import capfirst

# A record's title, and a committee's name.
TITLE_LENGTH = 200
# A line of a committee report's cover: its title, who it is of, the wards it affects.
COVER_LINE_LENGTH = 300
# What a manager writes each quarter: commentary and next steps.
COMMENTARY_LENGTH = 5_000
# A record's own description: an action's, a business case's summary, a risk's description and mitigation.
DESCRIPTION_LENGTH = 5_000
# Why something was done: reasons, review notes, workflow notes.
REASON_LENGTH = 2_000
# A section of a committee report or of the strategy itself.
SECTION_LENGTH = 20_000
# What went wrong building a pack, as kept for the lead to read.
ERROR_LENGTH = 2_000

# References of actions, business cases and risks: capitals, digits and dashes, as in P3-04,
# HLBC-2025-01 and ICT-R16; so they sit in a URL as they are.
REFERENCE_MAX_LENGTH = 20
REFERENCE_PATTERN = rf"^[A-Z0-9][A-Z0-9-]{{0,{REFERENCE_MAX_LENGTH - 1}}}$"
REFERENCE_FORMAT = "Use capital letters, digits and dashes only, starting with a letter or digit, up to 20 characters: for example HLBC-2025-01."
# The words the pages' addresses use beside a reference (/risks/new/, /business-cases/export/csv/,
# /risks/ICT-R01/edit/), so that no record's address is hidden behind a page's.
URL_WORDS = frozenset({
    "new", "export", "edit", "update", "updates", "cancel", "delegates", "transition", "transitions", "revise", "review", "reviews",
})


def too_long_message(label: str, limit: int, length: int) -> str:
    return f"{label} must be {limit:,} characters or fewer (it has {length:,})."


def length_checks(prefix: str, **limits: int) -> list[models.CheckConstraint]:
    """The database's side of text fields' limits, LENGTH(field) <= limit, on PostgreSQL and SQLite
    alike, so a script that bypasses the services cannot store more either."""
    return [
        models.CheckConstraint(condition=LessThanOrEqual(Length(name), limit), name=f"{prefix}_{name}_length")
        for name, limit in limits.items()
    ]


def length_errors(model: type[models.Model], **values: str) -> dict[str, str]:
    """For a service that writes without full_clean: each of `values` too long for its field of `model`, with the message."""
    fields = {name: model._meta.get_field(name) for name in values}
    return {
        name: too_long_message(capfirst(fields[name].verbose_name), fields[name].max_length, len(value))
        for name, value in values.items()
        if len(value) > fields[name].max_length
    }


@deconstructible
class LengthLimitValidator(MaxLengthValidator):
    """Django's maximum length, in the service's words and naming the field: "Commentary must be
    5,000 characters or fewer (it has 6,201)." A MaxLengthValidator still, so DRF's ModelSerializer
    and Django's form fields know it for what it is."""

    code = "max_length"

    def __init__(self, limit_value: int, label: str = "This"):
        super().__init__(limit_value)
        self.label = label

    def __call__(self, value):
        if len(value) > self.limit_value:
            raise ValidationError(too_long_message(self.label, self.limit_value, len(value)), code=self.code)

    def __eq__(self, other):
        return isinstance(other, LengthLimitValidator) and (self.limit_value, self.label) == (other.limit_value, other.label)

    __hash__ = MaxLengthValidator.__hash__


def with_length_limit(validators: list, *, limit: int, label: str) -> list:
    """`validators` with Django's or DRF's own maximum length replaced by the service's wording."""
    return [v for v in validators if not isinstance(v, MaxLengthValidator)] + [LengthLimitValidator(limit, label)]


@deconstructible
class ReferenceValidator(RegexValidator):
    """A reference of the shape REFERENCE_PATTERN gives, and not a word of the pages' addresses.
    A RegexValidator, so the OpenAPI schema states the pattern."""

    regex = REFERENCE_PATTERN
    message = REFERENCE_FORMAT

    def __call__(self, value):
        super().__call__(value)
        if str(value).lower() in URL_WORDS:
            raise ValidationError(f"{value} is a word the site's addresses use: choose another reference.", code="reserved")


class LimitedTextField(models.TextField):
    """A TextField with a maximum length, which its model validation states in the service's
    words; its model's Meta gives the database's side with length_checks. Migrations record it
    as the TextField it is in the database, so they import no application code."""

    def __init__(self, *args, max_length: int, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)

    @property
    def validators(self):
        return with_length_limit(super().validators, limit=self.max_length, label=capfirst(self.verbose_name))

    def deconstruct(self):
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs


class ReferenceField(models.CharField):
    """A business case's or risk's reference: REFERENCE_MAX_LENGTH long at most, of the shape
    ReferenceValidator checks. Migrations record it as the CharField it is in the database."""

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = REFERENCE_MAX_LENGTH
        super().__init__(*args, **kwargs)

    @property
    def validators(self):
        return [*with_length_limit(super().validators, limit=REFERENCE_MAX_LENGTH, label="Reference"), ReferenceValidator()]

    def deconstruct(self):
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs
