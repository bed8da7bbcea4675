"""Registering and editing catalog items: the content side of an item's life.

Web forms, the API and the import command all come here. Every content save re-runs the
pre-publication checks so the reviewer sees current findings. The review side (submit, sign,
publish, revoke) is `gongkai.review.services`.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.calendar.workdays import CalendarUnknown
from gongkai.checks.services import check_text
from gongkai.core.audit import record_transition
from gongkai.core.snapshots import snapshot
from gongkai.lib import doc_numbers
from gongkai.lib.errors import Refused, validated

from . import index_numbers
from .attachments import AttachmentError, clean_name, prepare, storage_name, title_from_name
from .deadlines import proactive_publication_due
from .models import (
    ENTERED_FIELDS,
    Attachment,
    DisclosureAttribute,
    ExemptionReason,
    IndexNumberSequence,
    InfoItem,
    ItemStatus,
    ItemVersion,
)
from .rules import ITEM_RULES, edit_refusal

CONTENT_FIELDS = (*ENTERED_FIELDS, "change_note")
CHANGING_ATTACHMENTS = "替换附件或修改附件标题"  # how a refusal names the change


@dataclass(frozen=True)
class SaveResult:
    item: InfoItem
    notes: tuple[str, ...] = ()  # what was corrected on the way, to tell the user


def issue_index_numbers(agency: Agency, year: int, count: int) -> list[str]:
    """The next `count` 索引号 of `agency` for `year`. The sequence row is locked so none
    repeats; a number an imported legacy item already holds is skipped, never reused."""
    issued: list[str] = []
    with transaction.atomic():
        sequence, _ = IndexNumberSequence.objects.select_for_update().get_or_create(
            agency=agency, year=year
        )
        while len(issued) < count:
            wanted = count - len(issued)
            candidates = [
                index_numbers.make(
                    credit_code=agency.credit_code, year=year, serial=sequence.last_serial + i
                )
                for i in range(1, wanted + 1)
            ]
            sequence.last_serial += wanted
            taken = set(
                InfoItem.objects.filter(index_no__in=candidates).values_list("index_no", flat=True)
            )
            issued += [candidate for candidate in candidates if candidate not in taken]
        sequence.save(update_fields=["last_serial"])
    return issued


def publish_due_for(formed_on: date | None) -> date | None:
    """The Art. 26 publish-by date, or None while that year's holiday schedule is unknown."""
    if formed_on is None:
        return None
    try:
        return proactive_publication_due(formed_on)
    except CalendarUnknown:
        return None


def clean_content(data: dict) -> tuple[dict, list[str]]:
    """Normalise the 文号 and check the rules that span fields; raises Refused."""
    data = dict(data)
    notes: list[str] = []
    try:
        doc_no = doc_numbers.normalize(data.get("doc_no", ""))
    except doc_numbers.DocNumberError as exc:
        raise Refused(str(exc), "doc_no") from exc
    if doc_no.fixed:
        notes.append(f"文号“{data['doc_no']}”已规范为“{doc_no.text}”。")
    data["doc_no"] = doc_no.text
    reasons = list(data.get("exemption_reasons") or [])
    unknown = set(reasons) - set(ExemptionReason.values)
    if unknown:
        raise Refused(f"未知的不予公开理由：{sorted(unknown)}", "exemption_reasons")
    attribute = data.get("attribute") or DisclosureAttribute.PROACTIVE
    if attribute == DisclosureAttribute.NOT_DISCLOSED and not reasons:
        raise Refused("不予公开的信息必须注明理由（第十四至十六条）。", "exemption_reasons")
    if attribute != DisclosureAttribute.NOT_DISCLOSED:
        reasons = []
    data["exemption_reasons"] = reasons
    effective, expires = data.get("effective_on"), data.get("expires_on")
    if effective and expires and expires < effective:
        raise Refused("失效日期不能早于生效日期。", "expires_on")
    written, formed = data.get("written_on"), data.get("formed_on")
    today = timezone.localdate()
    for field, value, label in (
        ("written_on", written, "成文日期"),
        ("formed_on", formed, "形成日期"),
    ):
        if value and value > today:
            raise Refused(f"{label}不能晚于今天。", field)
    return data, notes


def run_checks(version: ItemVersion) -> None:
    """Re-run the pre-publication checks on a version's title, summary and body."""
    text = "\n".join(part for part in (version.title, version.summary, version.body) if part)
    version.check_findings = [f.as_dict() for f in check_text(text)] if text else []


def _fill(version: ItemVersion, data: dict) -> None:
    for field in CONTENT_FIELDS:
        if field in data:
            setattr(version, field, data[field])


def build_item(*, user, agency: Agency, data: dict, index_no: str = "") -> tuple:
    """An unsaved, validated and checked new item and its first version, and the notes of
    what was corrected; raises Refused. `index_no` keeps a legacy number."""
    data, notes = clean_content(data)
    item = InfoItem(
        agency=agency, index_no=index_no, created_by=user if getattr(user, "pk", None) else None
    )
    version = ItemVersion(number=1)
    _fill(version, data)
    if not version.publisher:
        version.publisher = agency.name
    version.item = item
    validated(version, exclude=["item"])
    run_checks(version)
    item.publish_due = _due(version)
    return item, version, notes


@transaction.atomic
def create_item(*, user, agency: Agency, data: dict, index_no: str = "") -> SaveResult:
    """A new item as a draft with its first version."""
    access.require(user, "item.change", agency)
    if index_no and InfoItem.objects.filter(index_no=index_no).exists():
        raise Refused(f"索引号“{index_no}”已被其他信息使用。", "index_no")
    item, version, notes = build_item(user=user, agency=agency, data=data, index_no=index_no)
    if not index_no:
        year = index_numbers.numbering_year(version.written_on, timezone.localdate())
        [index_no] = issue_index_numbers(agency, year, 1)
    item.index_no = index_no
    item.save()
    version.item = item
    version.save()
    item.current_version = version
    item.save(update_fields=["current_version"])
    return SaveResult(item, tuple(notes))


@transaction.atomic
def insert_built(built: list[tuple[InfoItem, ItemVersion]], *, agency: Agency, source: str) -> None:
    """Store items made by `build_item` for one agency in a few statements, for bulk import.

    Bulk inserts bypass the per-save audit signal. One audit record on the agency, named
    "catalog_import", lists for every new item its id, 索引号, version id and the SHA-256 of the
    full initial values of item and version, so the trail proves what was imported, by whom and
    when, at the cost of one hash-chain append per batch rather than one per item.
    """
    items = InfoItem.objects.bulk_create([item for item, _ in built])
    for item, version in built:
        version.item = item
    versions = ItemVersion.objects.bulk_create([version for _, version in built])
    InfoItem.objects.filter(pk__in=[item.pk for item in items]).update(
        current_version=Subquery(
            ItemVersion.objects.filter(item=OuterRef("pk"), number=1).values("pk")[:1]
        )
    )
    rows = []
    for item, version in zip(items, versions, strict=True):
        item.current_version = version
        rows.append([item.pk, item.index_no, version.pk, values_digest(item, version)])
    record_transition(agency, "catalog_import", source=source, count=len(rows), items=rows)


def values_digest(item: InfoItem, version: ItemVersion) -> str:
    """SHA-256 of an item's and a version's audited values, to check them against the trail."""
    text = json.dumps(
        {"item": snapshot(item), "version": snapshot(version)},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _due(version: ItemVersion) -> date | None:
    if version.attribute != DisclosureAttribute.PROACTIVE:
        return None
    return publish_due_for(version.formed_on)


def _require_editable(item: InfoItem, doing: str = "修改") -> None:
    if refusal := edit_refusal(item.status, doing):
        raise Refused(refusal)


@transaction.atomic
def update_item(*, user, item: InfoItem, data: dict) -> SaveResult:
    """Change the working version of a draft or returned item."""
    item = InfoItem.objects.select_for_update().get(pk=item.pk)
    access.require(user, "item.change", item.agency)
    _require_editable(item)
    data, notes = clean_content(data)
    version = item.current_version
    _fill(version, data)
    validated(version, exclude=["item"])
    run_checks(version)
    version.save()
    item.publish_due = _due(version)
    item.save(update_fields=["publish_due"])
    return SaveResult(item, tuple(notes))


@transaction.atomic
def start_revision(*, user, item: InfoItem, change_note: str) -> ItemVersion:
    """A new version copied from the current one; the public keeps the old until it is reviewed."""
    item = InfoItem.objects.select_for_update().get(pk=item.pk)
    access.require(user, "item.change", item.agency)
    ITEM_RULES.require("revise", item)
    if not change_note.strip():
        raise Refused("请说明修订的内容和原因。", "change_note")
    old = item.current_version
    version = ItemVersion(item=item, number=old.number + 1)
    for field in CONTENT_FIELDS:
        setattr(version, field, getattr(old, field))
    version.change_note = change_note.strip()
    run_checks(version)
    version.save()
    for attachment in old.attachments.all():
        Attachment.objects.create(
            version=version,
            agency=item.agency,
            name=attachment.name,
            title=attachment.title,
            file=attachment.file.name,
            kind=attachment.kind,
            size=attachment.size,
            sha256=attachment.sha256,
            text=attachment.text,
            extraction_note=attachment.extraction_note,
            check_findings=attachment.check_findings,
        )
    previous_status = item.status
    item.current_version = version
    item.status = ItemStatus.DRAFT
    item.scheduled_for = None
    item.save(update_fields=["current_version", "status", "scheduled_for"])
    record_transition(
        item, "revise", version=version.number, change_note=version.change_note, was=previous_status
    )
    return version


@transaction.atomic
def add_attachment(*, user, item: InfoItem, name: str, data: bytes, title: str = "") -> Attachment:
    """Attach a file to the working version; raises AttachmentError for a refused file.
    `title` is what the public reads; the file name without its extension by default."""
    access.require(user, "item.change", item.agency)
    _require_editable(item, "上传附件")
    attachment = Attachment(version=item.current_version, agency=item.agency)
    _put_file(attachment, name, data)
    attachment.title = _title(title, attachment.name)
    attachment.save()
    return attachment


@transaction.atomic
def change_attachment(
    *, user, attachment: Attachment, title: str, name: str = "", data: bytes | None = None
) -> Attachment:
    """Retitle a file of the working version and, given new bytes, replace the file itself
    (checked, stripped and read again); only while the version is a draft or returned."""
    item = InfoItem.objects.select_for_update().get(pk=attachment.version.item_id)
    access.require(user, "item.change", item.agency)
    _require_editable(item, CHANGING_ATTACHMENTS)
    if attachment.version_id != item.current_version_id:
        raise Refused("只能修改当前版本的附件；早先版本的附件随该版本保留，不能改动。")
    if data is not None:
        _put_file(attachment, name, data)
    attachment.title = _title(title, attachment.name)
    attachment.save()
    return attachment


def _title(title: str, name: str) -> str:
    return " ".join(title.split())[:200] or title_from_name(name)


def _put_file(attachment: Attachment, name: str, data: bytes) -> None:
    """Check, strip and store a file on `attachment` (unsaved); raises AttachmentError."""
    prepared = prepare(data)
    attachment.name = clean_name(name)
    attachment.kind = prepared.kind
    attachment.size = len(prepared.data)
    attachment.sha256 = hashlib.sha256(prepared.data).hexdigest()
    attachment.text = prepared.text
    attachment.extraction_note = prepared.extraction_note
    attachment.check_findings = (
        [f.as_dict() for f in check_text(prepared.text)] if prepared.text else []
    )
    attachment.file.save(storage_name(data, prepared.kind), ContentFile(prepared.data), save=False)


@transaction.atomic
def remove_attachment(*, user, attachment: Attachment) -> None:
    item = attachment.version.item
    access.require(user, "item.change", item.agency)
    ITEM_RULES.require("remove_attachment", item)
    if attachment.version_id != item.current_version_id:
        raise Refused("只能删除当前版本的附件。")
    attachment.delete()


__all__ = [
    "AttachmentError",
    "SaveResult",
    "add_attachment",
    "build_item",
    "change_attachment",
    "clean_content",
    "create_item",
    "insert_built",
    "issue_index_numbers",
    "remove_attachment",
    "start_revision",
    "update_item",
    "values_digest",
]
