"""Scans of paper, faxed and oral applications."""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from gongkai.catalog.attachments import AttachmentError, sniff
from gongkai.core import audit
from gongkai.lib.errors import Refused

from ..models import Application, Channel, Scan, ScanKind


@dataclass(frozen=True)
class Upload:
    """A file as it arrived: the name the user gave it and its bytes."""

    name: str
    data: bytes


def attach_scans(case: Application, uploads: list[Upload], *, user) -> list[Scan]:
    """Keep scans of an application that did not come online, all of them or none.

    The type comes from the bytes, never from the name: only PDF, JPEG and PNG are taken,
    each no larger than `GONGKAI_SCAN_MAX_BYTES`.
    """
    if case.channel == Channel.ONLINE:
        raise Refused("网上提交的申请无需上传扫描件", "scans")
    if not uploads:
        raise Refused("请选择要上传的扫描件", "scans")
    checked = [(upload, _scan_kind(upload)) for upload in uploads]
    with transaction.atomic():
        scans = []
        for upload, kind in checked:
            scan = Scan(
                case=case,
                name=upload.name[:200],
                kind=kind,
                size=len(upload.data),
                sha256=hashlib.sha256(upload.data).hexdigest(),
                uploaded_by=user,
            )
            scan.file.save(f"{case.pk}.{kind}", ContentFile(upload.data), save=False)
            scan.save()
            scans.append(scan)
        audit.record_transition(
            case, "attach_scans", files=[f"{s.name} ({s.sha256[:12]})" for s in scans]
        )
    return scans


def _scan_kind(upload: Upload) -> str:
    limit = settings.GONGKAI_SCAN_MAX_BYTES
    if not upload.data:
        raise Refused(f"「{upload.name}」是空文件", "scans")
    if len(upload.data) > limit:
        raise Refused(
            f"「{upload.name}」超过 {limit // (1024 * 1024)} MB，请压缩或分开扫描后上传", "scans"
        )
    try:
        kind = sniff(upload.data)
    except AttachmentError:
        kind = ""
    if kind not in ScanKind.values:
        raise Refused(
            f"「{upload.name}」的内容不是 PDF、JPEG 或 PNG 文件（按文件内容判断，与扩展名无关）",
            "scans",
        )
    return kind
