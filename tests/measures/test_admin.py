from django.urls import reverse

from tests import factories


def test_measures_are_added_in_the_admin_and_their_figures_only_read_there(staff_client):
    measure = factories.MeasureFactory(reference="KPI-01")
    value = factories.MeasureValueFactory(measure=measure)
    assert staff_client.get(reverse("admin:measures_measure_add")).status_code == 200
    page = staff_client.get(reverse("admin:measures_measure_change", args=[measure.pk])).content.decode()
    assert 'name="reference"' in page and 'name="version"' not in page
    assert staff_client.get(reverse("admin:measures_measurevalue_add")).status_code == 403
    assert 'name="actual"' not in staff_client.get(reverse("admin:measures_measurevalue_change", args=[value.pk])).content.decode()
