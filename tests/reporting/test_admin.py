"""The admin shows a pack but never lets anyone change it: packs are built and published only by the services."""

from django.urls import reverse

from reporting.choices import PackStatus
from reporting.models import ReportPack

PACK_SERVICE_FIELDS = {"status", "file", "sha256", "error", "published_at", "published_by"}


def test_a_pack_is_view_only_in_the_admin(staff_client, lead, period):
    pack = ReportPack.objects.create(
        period=period, version=1, status=PackStatus.PUBLISHED, requested_by=lead,
        file="packs/pack.pdf", sha256="a" * 64, published_by=lead,
    )
    url = reverse("admin:reporting_reportpack_change", args=[pack.pk])
    response = staff_client.get(url)
    assert response.status_code == 200
    assert PACK_SERVICE_FIELDS <= set(response.context["adminform"].readonly_fields)
    html = response.content.decode()
    assert not any(f'name="{name}"' in html for name in PACK_SERVICE_FIELDS)

    assert staff_client.post(url, {"status": PackStatus.QUEUED, "sha256": "b" * 64, "version": "2"}).status_code == 403
    assert staff_client.get(reverse("admin:reporting_reportpack_add")).status_code == 403
    pack.refresh_from_db()
    assert (pack.status, pack.sha256, pack.version) == (PackStatus.PUBLISHED, "a" * 64, 1)
