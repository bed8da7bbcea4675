"""The review gate's named transitions: submit → sign (each step) → approved → publish; return
with reasons; override of blocking check findings; scheduled publication; revoke.

"先审查、后公开" and "一事一审" (ogi-spec §1.2): every version is reviewed on its own through the
agency's chain, each step signed by a named person holding the step's role, and only a version
whose review is approved can become the public one.
"""

from datetime import datetime

from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from gongkai.agencies import access
from gongkai.agencies.models import Agency, Role
from gongkai.catalog.models import DisclosureAttribute, InfoItem, ItemStatus, ItemVersion
from gongkai.catalog.rules import ITEM_RULES
from gongkai.catalog.signals import item_published, item_withdrawn, items_published
from gongkai.core.audit import record_transition
from gongkai.lib.errors import Refused

from . import hooks, policy
from .models import Decision, Review, ReviewOpinion, ReviewState, ReviewStep


def chain_for(agency: Agency) -> list[dict]:
    """The agency's review chain as [{"name", "role"}], or the default chain."""
    steps = [{"name": s.name, "role": s.role} for s in agency.review_steps.order_by("position")]
    return steps or [dict(step) for step in policy.DEFAULT_CHAIN]


@transaction.atomic
def set_chain(
    *, user, agency: Agency, steps: list[dict], submitter_may_sign: bool | None = None
) -> None:
    """Replace the agency's chain, and say whether it is a one-person office whose submitter
    may sign (None: unchanged); reviews already under way keep the chain they started with."""
    access.require(user, "review.configure", agency)
    if not steps:
        raise Refused("审查流程至少需要一个环节。")
    if steps[-1]["role"] != "leader":
        raise Refused("最后一个环节应由分管领导批准。")
    before = chain_for(agency)
    agency.review_steps.all().delete()
    for position, step in enumerate(steps, start=1):
        ReviewStep.objects.create(
            agency=agency, position=position, name=step["name"], role=step["role"]
        )
    if submitter_may_sign is not None and submitter_may_sign != agency.submitter_may_sign:
        agency.submitter_may_sign = submitter_may_sign
        agency.save(update_fields=["submitter_may_sign"])
    record_transition(agency, "review_chain_set", before=before, after=steps)


def _locked(item: InfoItem) -> InfoItem:
    return InfoItem.objects.select_for_update().select_related("agency").get(pk=item.pk)


def pending_review(item: InfoItem) -> Review | None:
    return (
        Review.objects.filter(version_id=item.current_version_id, state=ReviewState.PENDING)
        .prefetch_related("opinions")
        .first()
    )


@transaction.atomic
def submit(*, user, item: InfoItem) -> Review:
    """Send the working version into review through the agency's chain."""
    item = _locked(item)
    access.require(user, "item.change", item.agency)
    ITEM_RULES.require("submit", item)
    version = item.current_version
    review = Review.objects.create(
        version=version,
        agency=item.agency,
        steps=chain_for(item.agency),
        submitted_by=user,
        submitted_at=timezone.now(),
    )
    item.status = ItemStatus.SUBMITTED
    item.save(update_fields=["status"])
    record_transition(item, "submit", version=version.number, review=review.pk)
    return review


def can_sign(user, review: Review) -> bool:
    step = review.next_step
    return step is not None and access.can(user, f"review.step.{step['role']}", review.agency)


@transaction.atomic
def sign(
    *,
    user,
    review: Review,
    decision: str,
    legal_basis: str,
    opinion: str = "",
    on_behalf_of: str = "",
) -> ReviewOpinion:
    """A named reviewer's opinion at the review's next step."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    item = _locked(review.version.item)
    ITEM_RULES.require("sign", item)
    step = review.next_step
    if step is None:
        raise Refused("该审查已结束，不能再签署意见。")
    if item.current_version_id != review.version_id:
        raise Refused("该版本已不是当前版本，不能再审查。")
    if not access.can(user, f"review.step.{step['role']}", review.agency):
        raise Refused(signer_required(step))
    refusal = policy.submitter_refusal(
        user.pk, review.submitted_by_id, review.agency.submitter_may_sign
    )
    if refusal:
        raise Refused(refusal)
    if decision not in Decision.values:
        raise Refused("请选择审查结论。")
    if not legal_basis.strip():
        raise Refused("请写明审查依据（如《条例》第十四条）。", "legal_basis")
    if decision == Decision.RETURN and len(opinion.strip()) < policy.MIN_RETURN_OPINION_CHARS:
        raise Refused("退回时请写明退回理由。", "opinion")
    index = review.signed_steps
    if decision == Decision.APPROVE:
        if review.opinions.filter(reviewer=user, decision=Decision.APPROVE).exists():
            raise Refused("同一人不能在同一审查流程中两次签署同意。")
        if review.version.block_findings and not review.checks_override_reason:
            raise Refused("自动检查发现必须处理的问题，请先修改，或由审查人写明理由后放行。")
        if index + 1 == len(review.steps) and (refusal := hooks.approval_refusal(item)):
            raise Refused(refusal)
    signed = ReviewOpinion.objects.create(
        review=review,
        step_index=index,
        step_name=step["name"],
        reviewer=user,
        decision=decision,
        legal_basis=legal_basis.strip(),
        opinion=opinion.strip(),
        on_behalf_of=on_behalf_of.strip(),
        signed_at=timezone.now(),
        signed_by_submitter=user.pk == review.submitted_by_id,
    )
    now = timezone.now()
    if decision == Decision.RETURN:
        review.state, review.decided_at = ReviewState.RETURNED, now
        review.save(update_fields=["state", "decided_at"])
        item.status = ItemStatus.RETURNED
    elif decision == Decision.APPROVE and index + 1 == len(review.steps):
        review.state, review.decided_at = ReviewState.APPROVED, now
        review.save(update_fields=["state", "decided_at"])
        _approve_version(item, review.version, now)
    else:
        item.status = ItemStatus.IN_REVIEW
    item.save(update_fields=["status", "re_review_due"])
    record_transition(
        item,
        f"review_{decision}",
        step=step["name"],
        version=review.version.number,
        basis=signed.legal_basis,
        on_behalf_of=signed.on_behalf_of,
    )
    if review.state == ReviewState.APPROVED:
        hooks.item_approved.send(
            sender=InfoItem, item=item, review=review, opinion=signed, user=user
        )
    return signed


def _approve_version(item: InfoItem, version: ItemVersion, now: datetime) -> None:
    version.approved_at = now
    version.save(update_fields=["approved_at"])
    item.status = ItemStatus.APPROVED
    # Art. 18: what is withheld is looked at again periodically.
    item.re_review_due = (
        policy.re_review_due(timezone.localdate(now))
        if version.attribute == DisclosureAttribute.NOT_DISCLOSED
        else None
    )


def signer_required(step: dict) -> str:
    """Who must sign a step, said to anyone else who tries."""
    return f"“{step['name']}”环节须由本机关的{Role(step['role']).label}签署。"


@transaction.atomic
def override_checks(*, user, review: Review, reason: str) -> Review:
    """A reviewer lets blocking check findings through, in writing (audited)."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if not access.can(user, "review.sign", review.agency):
        raise Refused("只有审查人或分管领导可以放行检查问题。")
    if review.state != ReviewState.PENDING:
        raise Refused("该审查已结束。")
    ITEM_RULES.require("override", review.version.item)
    if len(reason.strip()) < policy.MIN_OVERRIDE_REASON_CHARS:
        raise Refused(f"放行理由至少写{policy.MIN_OVERRIDE_REASON_CHARS}个字。", "reason")
    review.checks_override_reason = reason.strip()
    review.checks_override_by = user
    review.save(update_fields=["checks_override_reason", "checks_override_by"])
    record_transition(
        review.version.item,
        "checks_overridden",
        reason=review.checks_override_reason,
        findings=[f"{f['kind']}:{f['text']}" for f in review.version.block_findings],
    )
    return review


def _require_publishable(item: InfoItem) -> ItemVersion:
    ITEM_RULES.require("publish", item)
    version = item.current_version
    if not Review.objects.filter(version=version, state=ReviewState.APPROVED).exists():
        raise Refused("该版本没有通过审查，不能公开。")
    return version


@transaction.atomic
def publish(*, user, item: InfoItem, at: datetime | None = None) -> InfoItem:
    """Make the approved current version the public one and note whether it was late (Art. 26)."""
    item = _locked(item)
    access.require(user, "item.publish", item.agency)
    version = _require_publishable(item)
    now = at or timezone.now()
    previous = item.published_version_id
    item.published_version = version
    item.status = ItemStatus.PUBLISHED
    item.published_at = now
    item.first_published_at = item.first_published_at or now
    item.published_late = bool(
        item.publish_due and timezone.localdate(now) > item.publish_due and previous is None
    )
    item.scheduled_for = None
    item.save()
    _shown_from(version, now)
    record_transition(
        item,
        "publish",
        version=version.number,
        late=item.published_late,
        publish_due=item.publish_due,
    )
    item_published.send(sender=InfoItem, item=item, version=version)
    return item


def _shown_from(version: ItemVersion, when: datetime) -> None:
    """Note when the portal first showed this version (the public history lists it); a version
    shown again after a withdrawal keeps its first date."""
    if version.published_at is None:
        version.published_at = when
        version.save(update_fields=["published_at"])


@transaction.atomic
def schedule(*, user, item: InfoItem, when: datetime) -> InfoItem:
    """Publish the approved version automatically at `when`."""
    item = _locked(item)
    access.require(user, "item.publish", item.agency)
    _require_publishable(item)
    if when <= timezone.now():
        raise Refused("定时发布时间须晚于现在。", "when")
    item.scheduled_for = when
    item.save(update_fields=["scheduled_for"])
    record_transition(item, "schedule", when=when)
    return item


def publish_scheduled(now: datetime | None = None) -> list[InfoItem]:
    """Publish every approved item whose scheduled time has come (run by a timer)."""
    now = now or timezone.now()
    due = InfoItem.objects.filter(status=ItemStatus.APPROVED, scheduled_for__lte=now)
    return [
        publish(user=access.SCHEDULED_PUBLICATION, item=item, at=item.scheduled_for) for item in due
    ]


@transaction.atomic
def revoke(*, user, item: InfoItem, reason: str) -> InfoItem:
    """Take the item off the portal; the record, its versions and reviews stay."""
    item = _locked(item)
    access.require(user, "item.revoke", item.agency)
    ITEM_RULES.require("revoke", item)
    if len(reason.strip()) < policy.MIN_REVOKE_REASON_CHARS:
        raise Refused("请写明撤回理由。", "reason")
    version = item.published_version
    item.published_version = None
    # A revision under way keeps its own status; otherwise the item itself is now withdrawn.
    if item.current_version_id == version.pk:
        item.status = ItemStatus.REVOKED
    item.scheduled_for = None
    item.save(update_fields=["published_version", "status", "scheduled_for"])
    record_transition(item, "revoke", version=version.number, reason=reason.strip())
    item_withdrawn.send(sender=InfoItem, item=item, version=version)
    return item


MIGRATION_STEP = {"name": "迁移确认", "role": "agency_admin"}


def _migration_review(user, version: ItemVersion, agency: Agency, now: datetime) -> Review:
    """The approved one-step review that records an admin's confirmation of a migrated version,
    unsaved."""
    return Review(
        version=version,
        agency=agency,
        steps=[dict(MIGRATION_STEP)],
        submitted_by=user,
        submitted_at=now,
        state=ReviewState.APPROVED,
        decided_at=now,
        is_migration=True,
    )


def _migration_opinion(user, review: Review, now: datetime, source: str) -> ReviewOpinion:
    return ReviewOpinion(
        review=review,
        step_index=0,
        step_name=MIGRATION_STEP["name"],
        reviewer=user,
        decision=Decision.APPROVE,
        legal_basis=f"已在原公开目录公开（{source}）",
        signed_at=now,
    )


def _require_migratable(version: ItemVersion) -> None:
    if version.attribute != DisclosureAttribute.PROACTIVE:
        raise Refused("只有主动公开的信息可以按已公开迁移。")


@transaction.atomic
def confirm_migrated(*, user, item: InfoItem, published_at: datetime, source: str) -> InfoItem:
    """An agency admin confirms an item already published in a legacy catalog; the
    confirmation is recorded as a one-step review so the gate's rule holds for it too."""
    item = _locked(item)
    access.require(user, "item.import_published", item.agency)
    version = item.current_version
    _require_migratable(version)
    now = timezone.now()
    review = _migration_review(user, version, item.agency, now)
    review.save()
    _migration_opinion(user, review, now, source).save()
    version.approved_at = now
    version.save(update_fields=["approved_at"])
    item.status = ItemStatus.PUBLISHED
    item.published_version = version
    item.published_at = item.first_published_at = published_at
    item.save()
    _shown_from(version, published_at)
    record_transition(item, "publish_migrated", version=version.number, source=source)
    item_published.send(sender=InfoItem, item=item, version=version)
    return item


@transaction.atomic
def confirm_migrated_new(*, user, agency: Agency, items: list[InfoItem], source: str) -> None:
    """`confirm_migrated` for the new, never reviewed items of one agency that a bulk import of
    a legacy catalog has just stored, each version carrying its original publication time in
    `published_at`.

    The same review and signed opinion for each item, written in a few statements instead of
    some ten audited saves per item: one `publish_migrated` record on the agency lists every
    item with its 索引号, version, review and publication time (as `catalog_import` lists their
    creation), and `items_published` is sent once for the batch. Bulk writes skip the
    `guards.py` pre-save check, so the same condition is asserted here: each version is
    proactive, unreviewed and gets its approved review in this transaction.
    """
    access.require(user, "item.import_published", agency)
    pks = [item.pk for item in items]
    items = list(
        # Only the items' rows: PostgreSQL locks no row on the nullable side of a join.
        InfoItem.objects.select_for_update(of=("self",))
        .select_related("current_version")
        .filter(pk__in=pks, agency=agency, published_version__isnull=True)
        .order_by("pk")
    )
    versions = [item.current_version for item in items]
    if len(items) != len(pks) or any(v.number != 1 or v.published_at is None for v in versions):
        raise Refused("只有本机关刚导入、尚未公开且注明原公开时间的信息可以成批按已公开迁移。")
    for version in versions:
        _require_migratable(version)
    if Review.objects.filter(version__in=versions).exists():
        raise Refused("已在审查中的信息不能成批按已公开迁移。")
    now = timezone.now()
    reviews = Review.objects.bulk_create(
        _migration_review(user, version, agency, now) for version in versions
    )
    ReviewOpinion.objects.bulk_create(
        _migration_opinion(user, review, now, source) for review in reviews
    )
    ItemVersion.objects.filter(pk__in=[v.pk for v in versions]).update(approved_at=now)
    # A new item's only version is its first (checked above).
    first_shown = Subquery(
        ItemVersion.objects.filter(item=OuterRef("pk"), number=1).values("published_at")[:1]
    )
    InfoItem.objects.filter(pk__in=pks).update(
        status=ItemStatus.PUBLISHED,
        published_version=F("current_version"),
        published_at=first_shown,
        first_published_at=first_shown,
    )
    for item, version in zip(items, versions, strict=True):
        version.approved_at = now
        item.status, item.published_version = ItemStatus.PUBLISHED, version
        item.published_at = item.first_published_at = version.published_at
    rows = [
        [item.pk, item.index_no, version.number, review.pk, version.published_at.isoformat()]
        for item, version, review in zip(items, versions, reviews, strict=True)
    ]
    record_transition(agency, "publish_migrated", source=source, count=len(rows), items=rows)
    published_now = list(zip(items, versions, strict=True))
    items_published.send(sender=InfoItem, agency=agency, published=published_now)
