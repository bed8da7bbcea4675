"""Drafting an interpretation as a catalog item with its record beside it, and the named
transitions of interpretations and of policy documents' interpretation records.

The interpretation's text, attachments, review and publication are the catalog's and the review
gate's (`catalog.services`, `review.workflow.ITEM_WORKFLOW`); what is kept here is its form, its
drafting unit and which documents it interprets."""

from django.db import transaction

from gongkai.agencies import access
from gongkai.agencies.models import Agency, InternalUnit
from gongkai.catalog import services as catalog
from gongkai.catalog.models import Genre, InfoItem, ItemStatus
from gongkai.core.audit import record_transition
from gongkai.lib.errors import Refused

from . import policy
from .elements import GENRE, InterpretationForm, template_body
from .models import Interpretation, Link, NoInterpretationReason, SyncMode, SyncSetting
from .rules import DOCUMENT_RULES, INTERPRETATION_RULES

MIN_WAIVER_REASON_CHARS = 4


def interpretable(agency: Agency):
    """The items of the agency an interpretation may interpret: not interpretations, not
    withdrawn."""
    return (
        InfoItem.objects.filter(agency=agency, interpretation__isnull=True)
        .exclude(status=ItemStatus.REVOKED)
        .select_related("current_version")
    )


def _check_documents(agency: Agency, documents) -> list[InfoItem]:
    documents = list(documents)
    if not documents:
        raise Refused("请选择所解读的文件（至少一份）。", "documents")
    allowed = set(
        interpretable(agency).filter(pk__in=[d.pk for d in documents]).values_list("pk", flat=True)
    )
    for document in documents:
        if document.pk not in allowed:
            raise Refused(
                f"“{document}”不能作为所解读的文件：只能解读本机关未撤回的信息，且不能解读政策解读。",
                "documents",
            )
    return documents


def _check_unit(agency: Agency, unit: InternalUnit | None) -> None:
    if unit is not None and unit.agency_id != agency.pk:
        raise Refused("起草解读的内设机构须是本机关的内设机构。", "author_unit")


@transaction.atomic
def create(
    *,
    user,
    agency: Agency,
    data: dict,
    form: str,
    documents,
    author_unit: InternalUnit | None = None,
) -> Interpretation:
    """A draft interpretation: a catalog item of genre 政策解读 (its text pre-filled with the
    element headings when left empty) and its record, linked to the documents it interprets."""
    access.require(user, "item.change", agency)
    if form not in InterpretationForm.values:
        raise Refused("请选择解读形式。", "form")
    documents = _check_documents(agency, documents)
    _check_unit(agency, author_unit)
    first = documents[0].current_version
    data = {
        "topic": first.topic,
        "art20_item": first.art20_item,
        "body": template_body(),
    } | {key: value for key, value in data.items() if value not in (None, "")}
    data["genre"] = Genre.objects.get_or_create(name=GENRE, defaults={"sort_order": 200})[0]
    item = catalog.create_item(user=user, agency=agency, data=data).item
    interpretation = Interpretation.objects.create(
        item=item, agency=agency, form=form, author_unit=author_unit
    )
    for document in documents:
        Link.objects.create(interpretation=interpretation, document=document)
    record_transition(
        interpretation, "create", item=item.index_no, documents=[d.index_no for d in documents]
    )
    return interpretation


def _locked(interpretation: Interpretation) -> Interpretation:
    return (
        Interpretation.objects.select_for_update()
        .select_related("item", "agency")
        .get(pk=interpretation.pk)
    )


@transaction.atomic
def describe(*, user, interpretation: Interpretation, form: str, author_unit) -> Interpretation:
    interpretation = _locked(interpretation)
    access.require(user, "item.change", interpretation.agency)
    INTERPRETATION_RULES.require("describe", interpretation)
    _check_unit(interpretation.agency, author_unit)
    interpretation.form, interpretation.author_unit = form, author_unit
    interpretation.save(update_fields=["form", "author_unit"])
    record_transition(interpretation, "describe", form=form, unit=str(author_unit or ""))
    return interpretation


@transaction.atomic
def link(*, user, interpretation: Interpretation, document: InfoItem) -> Link:
    interpretation = _locked(interpretation)
    access.require(user, "item.change", interpretation.agency)
    INTERPRETATION_RULES.require("link", interpretation)
    [document] = _check_documents(interpretation.agency, [document])
    if interpretation.links.filter(document=document).exists():
        raise Refused("该文件已经关联。", "document")
    made = Link.objects.create(interpretation=interpretation, document=document)
    record_transition(interpretation, "link", document=document.index_no)
    return made


@transaction.atomic
def unlink(*, user, interpretation: Interpretation, document: InfoItem) -> None:
    interpretation = _locked(interpretation)
    access.require(user, "item.change", interpretation.agency)
    INTERPRETATION_RULES.require("unlink", interpretation)
    found = interpretation.links.filter(document=document).first()
    if found is None:
        raise Refused("该文件没有关联到这份解读。", "document")
    found.delete()
    record_transition(interpretation, "unlink", document=document.index_no)


def _locked_document(document: InfoItem) -> InfoItem:
    return InfoItem.objects.select_for_update().select_related("agency").get(pk=document.pk)


@transaction.atomic
def waive(*, user, document: InfoItem, reason: str) -> NoInterpretationReason:
    """Record why the policy document is released without an interpretation."""
    document = _locked_document(document)
    access.require(user, "item.change", document.agency)
    DOCUMENT_RULES.require("waive", document)
    if len(reason.strip()) < MIN_WAIVER_REASON_CHARS:
        raise Refused(f"请写明无需解读的理由（至少{MIN_WAIVER_REASON_CHARS}个字）。", "reason")
    recorded = NoInterpretationReason.objects.create(
        document=document,
        agency=document.agency,
        reason=reason.strip(),
        recorded_by=user if getattr(user, "pk", None) else None,
    )
    record_transition(document, "interpretation_waived", reason=recorded.reason)
    return recorded


@transaction.atomic
def clear_waiver(*, user, document: InfoItem) -> None:
    document = _locked_document(document)
    access.require(user, "item.change", document.agency)
    DOCUMENT_RULES.require("clear_waiver", document)
    reason = document.no_interpretation_reason
    reason.delete()
    record_transition(document, "interpretation_waiver_cleared", reason=reason.reason)


@transaction.atomic
def set_sync(*, user, agency: Agency, mode: str, days: int, genres) -> SyncSetting:
    """The agency's 同步 setting (on the review chain page, by whoever sets the chain)."""
    access.require(user, "review.configure", agency)
    if mode not in SyncMode.values:
        raise Refused("请选择政策解读同步要求。", "mode")
    if not 0 <= days <= 20:
        raise Refused("解读发布时限应在0至20个工作日之间。", "days")
    setting = policy.setting_of(agency)
    setting.mode, setting.days = mode, days
    setting.save()
    setting.genres.set(list(genres))
    record_transition(
        agency,
        "interpretation_sync_set",
        mode=mode,
        days=days,
        genres=sorted(g.name for g in setting.genres.all()),
    )
    return setting
