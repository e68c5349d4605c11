"""What the business case and risk pages share: permission and lookup refusals, and service errors on forms."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from core.conflicts import EditConflict, VersionedForm
from core.exports import FORMATS
from registers.models import BusinessCase, Risk
from strategy.models import Strategy


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def apply_service_errors(error: ValidationError, *forms) -> None:
    """Show a service's refusal on the form field it names, or at the top of the first form."""
    items = error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
    for name, messages_for_field in items:
        form = next((f for f in forms if name in f.fields), forms[0])
        for message in messages_for_field:
            form.add_error(name if name in form.fields else None, message)


def submit_edit(service, form: VersionedForm, *more_forms, **arguments):
    """What `service` returns once it accepts an edit made on the version `form` was opened on.

    None when it refuses: its errors are then on the forms, by the field they name, or `form`
    says who changed the record since it was opened, keeping what was typed.
    """
    try:
        return service(expected_version=form.cleaned_data["expected_version"], **arguments)
    except ValidationError as error:
        apply_service_errors(error, form, *(other for other in more_forms if other is not None))
    except EditConflict as conflict:
        form.refuse_stale(conflict)
    return None


def forms_with_errors(*forms) -> list:
    """The forms that have errors, for the error summary at the top of the page."""
    return [form for form in forms if form is not None and form.errors]


def get_or_404(getter, reference: str):
    try:
        return getter(reference=reference)
    except (BusinessCase.DoesNotExist, Risk.DoesNotExist):
        raise Http404(f"No record with reference {reference}.") from None


def export_format(file_format: str) -> str:
    if file_format not in FORMATS:
        raise Http404("Exports are CSV or XLSX.")
    return file_format


def current_strategy() -> Strategy:
    strategy = Strategy.objects.current()
    if strategy is None:
        raise Http404("Load the strategy first: python manage.py seed_strategy.")
    return strategy
