"""The files given to an applicant with a reply that discloses something (Art. 36(2), 40):
uploaded by the handler — checked and stripped of document metadata exactly as catalog
attachments are — or a published catalog item referred to instead of copied.

They are never public. An applicant who chose 网上获取 finds them on the status page once
delivery is recorded, behind the tracking code and phone number, by a signed link like the
reply letter's; each download is audited.
"""

import hashlib

from django import forms
from django.core.files.base import ContentFile
from django.db import transaction

from gongkai.catalog.attachments import (
    AttachmentError,
    clean_name,
    max_bytes,
    prepare,
    storage_name,
    title_from_name,
)
from gongkai.catalog.models import InfoItem
from gongkai.core.audit import record_transition
from gongkai.lib.errors import Refused

from .ledger import EventKind, replay
from .models import Application, DeliveryMethod, ReplyFile
from .rules import CASE_RULES


class ReplyFileForm(forms.Form):
    file = forms.FileField(
        label="上传文件",
        required=False,
        help_text="提供给申请人的政府信息：PDF、Word（.docx）、Excel（.xlsx）或 PNG/JPEG 图片",
    )
    index_no = forms.CharField(
        label="或引用已公开信息的索引号",
        max_length=60,
        required=False,
        help_text="申请的信息已在门户公开的，填写其索引号，申请人将获得该信息的页面链接",
    )
    title = forms.CharField(
        label="材料名称",
        max_length=200,
        required=False,
        help_text="申请人看到的名称；留空则用文件名或已公开信息的标题",
    )

    def clean(self):
        data = super().clean()
        upload, index_no = data.get("file"), (data.get("index_no") or "").strip()
        if bool(upload) == bool(index_no):
            raise forms.ValidationError("请上传一个文件，或填写一条已公开信息的索引号（二选一）。")
        if upload is not None and upload.size > max_bytes():
            raise forms.ValidationError(
                {"file": f"文件超过 {max_bytes() / 1048576:.0f} MB 的上限。"}
            )
        data["index_no"] = index_no
        return data


def attach(case: Application, *, file=None, index_no: str = "", title: str = "", user) -> ReplyFile:
    """Give the applicant a file, or a published item, with the reply; raises Refused."""
    with transaction.atomic():
        case = Application.objects.select_for_update().get(pk=case.pk)
        CASE_RULES.require("reply_file", replay(case.events.order_by("id")))
        reply = ReplyFile(case=case, added_by=user if getattr(user, "pk", None) else None)
        if file is not None:
            data = file.read()
            try:
                prepared = prepare(data)
            except AttachmentError as refused:
                raise Refused(str(refused), "file") from refused
            reply.name = clean_name(file.name)
            reply.kind, reply.size = prepared.kind, len(prepared.data)
            reply.sha256 = hashlib.sha256(prepared.data).hexdigest()
            reply.file.save(storage_name(data, prepared.kind), ContentFile(prepared.data), False)
            default_title = title_from_name(reply.name)
        else:
            reply.item = (
                InfoItem.objects.public()
                .select_related("published_version")
                .filter(index_no=index_no)
                .first()
            )
            if reply.item is None:
                raise Refused(f"没有索引号为“{index_no}”的已公开信息。", "index_no")
            default_title = reply.item.published_version.title
        reply.title = " ".join(title.split())[:200] or default_title
        reply.save()
        record_transition(case, "reply_file", title=reply.title, item=reply.item_id)
        return reply


def online_files(case: Application) -> list[ReplyFile]:
    """What an applicant who chose 网上获取 may take from the status page: only once delivery
    is recorded, as with the reply letter."""
    if case.delivery_method != DeliveryMethod.ONLINE:
        return []
    if not case.events.filter(kind=EventKind.DELIVERED).exists():
        return []
    return list(case.reply_files.select_related("item__published_version"))
