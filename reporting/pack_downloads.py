"""What the packs page and the REST API share to serve a pack: who may read it, and its PDF as a response."""

import base64

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from core.permissions import can_see_unpublished_packs

from .choices import PackStatus
from .models import ReportPack


def readable_pack_or_403(user, pack_id: int) -> ReportPack:
    pack = get_object_or_404(ReportPack.objects.select_related("period"), pk=pack_id)
    if pack.status != PackStatus.PUBLISHED and not can_see_unpublished_packs(user):
        raise PermissionDenied("This pack is not published yet.")
    return pack


def pack_file_response(pack: ReportPack) -> FileResponse:
    """The pack's PDF, streamed, with its SHA-256 (as Repr-Digest and X-Pack-SHA256)."""
    if pack.status not in (PackStatus.READY, PackStatus.PUBLISHED) or not pack.file:
        raise Http404("This pack has no file.")
    filename = f"ICT-strategy-progress-pack-{pack.period.key}-v{pack.version}.pdf"
    response = FileResponse(pack.file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf")
    response["Repr-Digest"] = f"sha-256=:{base64.b64encode(bytes.fromhex(pack.sha256)).decode()}:"
    response["X-Pack-SHA256"] = pack.sha256
    return response
