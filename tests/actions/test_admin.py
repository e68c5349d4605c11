"""The admin shows an action's fields that only a service may change but never lets anyone set them."""

from django.contrib import admin
from django.urls import reverse

from actions.models import ActionItem
from tests import factories

ACTION_SERVICE_FIELDS = {"status", "rag", "percent_complete", "version", "last_updated_at", "last_updated_by"}


def submitted(form) -> dict:
    """The change form's own values, as the browser would post them back unchanged."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list):
            data[name] = [str(item) for item in value]
        elif value is True:
            data[name] = "on"
        elif value not in (None, False):
            data[name] = str(value)
    return data


def test_an_actions_service_fields_are_shown_but_cannot_be_set(staff_client):
    # A reference of its own: the factory's sequence outgrows the P1-07 pattern in a full run.
    action = factories.ActionFactory(reference="P1-42", status="on_track", rag="green", percent_complete=10)
    url = reverse("admin:actions_actionitem_change", args=[action.pk])
    response = staff_client.get(url)
    assert response.status_code == 200
    assert ACTION_SERVICE_FIELDS <= set(admin.site.get_model_admin(ActionItem).get_readonly_fields(response.wsgi_request, action))
    form = response.context["adminform"].form
    assert not ACTION_SERVICE_FIELDS & set(form.fields)
    html = response.content.decode()
    assert not any(f'name="{name}"' in html for name in ACTION_SERVICE_FIELDS)

    posted = {**submitted(form), "status": "completed", "rag": "green", "percent_complete": "100", "version": "99", "_save": "Save"}
    saved = staff_client.post(url, posted)
    assert saved.status_code == 302, saved.context["adminform"].form.errors  # the form was valid and saved
    action.refresh_from_db()
    assert (action.status, action.rag, action.percent_complete, action.version) == ("on_track", "green", 10, 1)
