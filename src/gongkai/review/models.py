"""Confidentiality review (保密审查) before publication: the chain each agency sets, one review
per item version ("一事一审"), and each reviewer's signed opinion."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Role
from gongkai.core.models import AuditedModel

# The roles that may sign a review step.
SIGNING_ROLES = [(Role.REVIEWER.value, Role.REVIEWER.label), (Role.LEADER.value, Role.LEADER.label)]


class ReviewStep(AuditedModel):
    """One level of an agency's review chain, e.g. 初审 → 复审 → 批准, in `position` order."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("所属机关"),
        on_delete=models.PROTECT,
        related_name="review_steps",
    )
    position = models.PositiveSmallIntegerField(_("顺序"))
    name = models.CharField(_("环节名称"), max_length=20)
    role = models.CharField(_("签署角色"), max_length=20, choices=SIGNING_ROLES)

    class Meta:
        ordering = ["agency", "position"]
        verbose_name = _("审查环节")
        verbose_name_plural = _("审查环节")
        constraints = [
            models.UniqueConstraint(fields=["agency", "position"], name="unique_step_position")
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.name}（{self.get_role_display()}）"


class ReviewState(models.TextChoices):
    PENDING = "pending", _("审查中")
    APPROVED = "approved", _("通过")
    RETURNED = "returned", _("退回")


class Review(AuditedModel):
    """The review of one exact item version through the chain in force when it was submitted."""

    version = models.ForeignKey(
        "catalog.ItemVersion",
        verbose_name=_("信息版本"),
        on_delete=models.PROTECT,
        related_name="reviews",
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("所属机关"), on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(
        _("状态"), max_length=20, choices=ReviewState.choices, default=ReviewState.PENDING
    )
    # The chain as it stood at submission: [{"name": "初审", "role": "reviewer"}, …].
    steps = models.JSONField(_("审查环节"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("提交人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("提交时间"))
    decided_at = models.DateTimeField(_("结论时间"), null=True, blank=True)
    checks_override_reason = models.TextField(_("检查问题放行理由"), blank=True)
    checks_override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("放行人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_migration = models.BooleanField(
        _("迁移确认"),
        default=False,
        help_text=_("从原公开目录迁移的已公开信息，由机关管理员确认"),
    )

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("保密审查")
        verbose_name_plural = _("保密审查")

    def __str__(self) -> str:
        return f"审查：{self.version}"

    @property
    def signed_steps(self) -> int:
        return sum(1 for o in self.opinions.all() if o.decision == Decision.APPROVE)

    @property
    def next_step(self) -> dict | None:
        if self.state != ReviewState.PENDING:
            return None
        done = self.signed_steps
        return self.steps[done] if done < len(self.steps) else None


class Decision(models.TextChoices):
    APPROVE = "approve", _("同意")
    RETURN = "return", _("退回修改")
    ESCALATE = "escalate", _("提请保密部门或主管部门确定")


class ReviewOpinion(AuditedModel):
    """A named reviewer's signed opinion at one step: decision, legal basis, time."""

    review = models.ForeignKey(
        Review, verbose_name=_("保密审查"), on_delete=models.PROTECT, related_name="opinions"
    )
    step_index = models.PositiveSmallIntegerField(_("环节序号"))
    step_name = models.CharField(_("环节名称"), max_length=20)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审查人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision = models.CharField(_("审查结论"), max_length=20, choices=Decision.choices)
    legal_basis = models.CharField(_("依据"), max_length=300)
    opinion = models.TextField(_("审查意见"), blank=True)
    on_behalf_of = models.CharField(
        _("受托代签"), max_length=60, blank=True, help_text=_("代他人签署时，填写委托人姓名")
    )
    signed_at = models.DateTimeField(_("签署时间"))
    # Signed by the person who submitted the item, allowed only by the agency's one-person
    # office setting (`Agency.submitter_may_sign`) and kept on the opinion for whoever reads it.
    signed_by_submitter = models.BooleanField(_("提交人签署（本机关为一人办公室）"), default=False)

    scope_agency_field = "review__agency"

    class Meta:
        ordering = ["review", "signed_at", "pk"]
        verbose_name = _("审查意见")
        verbose_name_plural = _("审查意见")

    def __str__(self) -> str:
        return f"{self.step_name}：{self.get_decision_display()}"

    def audit_agency_id(self) -> int | None:
        return self.review.agency_id
