"""What the pages, the public page and the REST API share to serve a pack or a published report: who may read a pack, and the PDFs as responses."""

import base64

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from core.permissions import can_see_unpublished_packs

from .choices import PackStatus
from .models import CommitteeReport, ReportPack


def readable_pack_or_403(user, pack_id: int) -> ReportPack:
    pack = get_object_or_404(ReportPack.objects.select_related("period"), pk=pack_id)
    if pack.status != PackStatus.PUBLISHED and not can_see_unpublished_packs(user):
        raise PermissionDenied("This pack is not published yet.")
    return pack


def _pdf_response(file, *, filename: str, sha256: str) -> FileResponse:
    response = FileResponse(file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf")
    response["Repr-Digest"] = f"sha-256=:{base64.b64encode(bytes.fromhex(sha256)).decode()}:"
    return response


def pack_file_response(pack: ReportPack) -> FileResponse:
    """The pack's PDF, streamed, with its SHA-256 (as Repr-Digest and X-Pack-SHA256)."""
    if pack.status not in (PackStatus.READY, PackStatus.PUBLISHED) or not pack.file:
        raise Http404("This pack has no file.")
    filename = f"ICT-strategy-progress-pack-{pack.period.key}-v{pack.version}.pdf"
    response = _pdf_response(pack.file, filename=filename, sha256=pack.sha256)
    response["X-Pack-SHA256"] = pack.sha256
    return response


def published_report_file_response(report: CommitteeReport) -> FileResponse:
    """A published report's stored PDF, streamed, with its SHA-256 as Repr-Digest."""
    if not report.is_published or not report.pdf:
        raise Http404("This report has no published PDF.")
    return _pdf_response(report.pdf, filename=f"{report.slug}.pdf", sha256=report.pdf_sha256)
