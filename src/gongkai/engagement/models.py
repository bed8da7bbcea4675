"""Channels (咨询, 意见建议, …) per agency and the messages the public sends through them."""

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency, InternalUnit
from gongkai.applications.models import TRACKING_LENGTH, new_tracking_code
from gongkai.calendar.schedules import CalendarUnknown
from gongkai.calendar.workdays import add_workdays
from gongkai.core.models import AuditedModel

from . import clock

TEXT_MAX_CHARS = 5000
SUBJECT_MAX_CHARS = 100


class ChannelKind(models.TextChoices):
    QUESTION = "question", _("咨询")
    SUGGESTION = "suggestion", _("意见建议")
    COMPLAINT = "complaint", _("投诉举报")
    ERROR_REPORT = "error_report", _("网民找错")
    LEADER_MAILBOX = "leader_mailbox", _("领导信箱")


class Channel(AuditedModel):
    """One way an agency takes messages, with its limits in working days."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="channels", verbose_name=_("机关")
    )
    kind = models.CharField(_("渠道"), max_length=20, choices=ChannelKind.choices)
    reply_workdays = models.PositiveSmallIntegerField(_("答复时限（工作日）"))
    complex_workdays = models.PositiveSmallIntegerField(_("复杂事项答复时限（工作日）"))
    warn_workdays = models.PositiveSmallIntegerField(_("提前提醒（工作日）"))
    max_extension_workdays = models.PositiveSmallIntegerField(_("延期上限（工作日）"))
    publish_by_default = models.BooleanField(_("答复默认公开"))
    anonymous_allowed = models.BooleanField(_("允许匿名"))
    requires_leader_check = models.BooleanField(_("答复须经领导审核"), default=False)
    unit = models.ForeignKey(
        InternalUnit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("承办机构"),
    )
    is_open = models.BooleanField(_("接收留言"), default=True)

    class Meta:
        verbose_name = _("互动渠道")
        verbose_name_plural = _("互动渠道")
        ordering = ["agency", "id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind"], name="one_channel_per_kind"),
            models.CheckConstraint(
                condition=models.Q(complex_workdays__gte=models.F("reply_workdays")),
                name="complex_limit_not_shorter",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agency.name} · {self.get_kind_display()}"


class MessageSource(models.TextChoices):
    ONLINE = "online", _("网上留言")
    LETTER = "letter", _("来信")
    VISIT = "visit", _("来访")


class MessageStatus(models.TextChoices):
    HELD = "held", _("疑似垃圾信息待核")
    RECEIVED = "received", _("待受理")
    ACCEPTED = "accepted", _("办理中")
    CHECKING = "checking", _("答复待审核")
    REPLIED = "replied", _("已答复")
    REFUSED = "refused", _("不予受理")
    CLOSED = "closed", _("已办结")


# What the writer reads with the look-up code (沈阳: 待审查 / 办理中 / 已答复 / 不予受理):
# never that a message was held as spam, nor that its reply waits for a leader.
PUBLIC_STATUS = {
    MessageStatus.HELD: "待审查",
    MessageStatus.RECEIVED: "待审查",
    MessageStatus.ACCEPTED: "办理中",
    MessageStatus.CHECKING: "办理中",
    MessageStatus.REPLIED: "已答复",
    MessageStatus.REFUSED: "不予受理",
    MessageStatus.CLOSED: "已答复",
}
# The clock runs while a message waits to be taken up, is handled or its reply is checked.
OPEN_STATUSES = (
    MessageStatus.HELD,
    MessageStatus.RECEIVED,
    MessageStatus.ACCEPTED,
    MessageStatus.CHECKING,
)
ANSWERED_STATUSES = (MessageStatus.REPLIED, MessageStatus.CLOSED)


class DueQuerySet(models.QuerySet):
    """Records answered on a working-day clock: their `status` is one of `open_statuses` while
    the clock runs, and `due_on` is the cached deadline. Messages and the hotline's work orders
    share these queries, so their queues and warnings read alike."""

    open_statuses: tuple[str, ...] = ()

    def open(self):
        return self.filter(status__in=self.open_statuses)

    def overdue(self, today: date):
        """Open records whose deadline has passed."""
        return self.open().filter(due_on__lt=today)

    def handled_by(self, user):
        """Open messages the user handles."""
        return self.open().filter(handler=user)

    def due_within(self, workdays: int, today: date):
        """Open records due from today up to `workdays` working days ahead."""
        try:
            last = add_workdays(today, workdays)
        except CalendarUnknown:
            last = today
        return self.open().filter(due_on__gte=today, due_on__lte=last)


class MessageQuerySet(DueQuerySet):
    open_statuses = OPEN_STATUSES

    def published(self):
        """Answered messages whose writer agreed and whose handler published the reply."""
        return self.filter(status__in=ANSWERED_STATUSES, publish_consent=True, publish_reply=True)


class Message(AuditedModel):
    """One question, suggestion, complaint or error report, from the portal or registered by
    staff; found again by the writer with its look-up code and the contact they gave."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="messages", verbose_name=_("机关")
    )
    channel = models.ForeignKey(
        Channel, on_delete=models.PROTECT, related_name="messages", verbose_name=_("渠道")
    )
    lookup_code = models.CharField(
        _("查询码"), max_length=TRACKING_LENGTH, unique=True, default=new_tracking_code
    )
    # The public form's one-time token: posting the same form twice records one message.
    submission_token = models.CharField(max_length=64, null=True, blank=True, unique=True)
    source = models.CharField(
        _("来源"), max_length=10, choices=MessageSource.choices, default=MessageSource.ONLINE
    )
    status = models.CharField(
        _("状态"), max_length=12, choices=MessageStatus.choices, default=MessageStatus.RECEIVED
    )
    writer_name = models.CharField(_("姓名"), max_length=50, blank=True)
    anonymous = models.BooleanField(_("匿名"), default=False)
    phone = models.CharField(_("联系电话"), max_length=40, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    subject = models.CharField(_("标题"), max_length=SUBJECT_MAX_CHARS)
    text = models.TextField(_("内容"))
    page_url = models.URLField(_("出错页面"), max_length=500, blank=True)
    page_excerpt = models.CharField(_("出错文字"), max_length=500, blank=True)
    attachment = models.FileField(_("附件"), upload_to="engagement/", blank=True)
    attachment_name = models.CharField(_("附件名称"), max_length=200, blank=True)
    publish_consent = models.BooleanField(_("同意公开答复"), default=False)
    held_reason = models.CharField(_("待核原因"), max_length=300, blank=True)
    refusal_reason = models.TextField(_("不予受理理由"), blank=True)
    received_on = models.DateField(_("收到日期"), default=timezone.localdate)
    complex_case = models.BooleanField(_("复杂事项"), default=False)
    # Cached from the dates and the channel's limits (`clock.reply_due`) for the queues, and
    # recomputed when the holiday calendar changes.
    due_on = models.DateField(_("答复期限"), null=True, blank=True)
    extension_workdays = models.PositiveSmallIntegerField(_("延期（工作日）"), default=0)
    extension_reason = models.TextField(_("延期理由"), blank=True)
    unit = models.ForeignKey(
        InternalUnit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("承办机构"),
    )
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    # Who handles it: the one who took it up, or whom they named; the 我的 tab lists theirs.
    handler = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("承办人"),
    )
    reply_text = models.TextField(_("答复内容"), blank=True)
    reply_unit = models.CharField(_("答复部门"), max_length=200, blank=True)
    replied_on = models.DateField(_("答复日期"), null=True, blank=True)
    # Working days from receipt to the reply, cached when it goes out for the statistics.
    reply_workdays = models.PositiveSmallIntegerField(
        _("答复用时（工作日）"), null=True, blank=True
    )
    rework_reason = models.TextField(_("退回修改意见"), blank=True)
    # The day the handler was told the deadline is near (`gongkai tick`): once per message.
    due_warning_sent_on = models.DateField(_("到期提醒日期"), null=True, blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    # Publication: the writer's consent above, the handler's decision and the names to hide;
    # the public copies are made when the reply goes out (`publication.public_copy`).
    publish_reply = models.BooleanField(_("公开答复"), default=False)
    masked_names = models.CharField(_("公开时隐去的姓名"), max_length=300, blank=True)
    public_subject = models.CharField(_("公开标题"), max_length=SUBJECT_MAX_CHARS, blank=True)
    public_text = models.TextField(_("公开的留言内容"), blank=True)
    public_reply = models.TextField(_("公开的答复内容"), blank=True)
    created_at = models.DateTimeField(_("提交时间"), default=timezone.now)
    registered_by = models.ForeignKey(
        "accounts.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("登记人"),
    )

    audit_exclude = frozenset({"submission_token", "attachment"})

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("互动留言")
        verbose_name_plural = _("互动留言")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["agency", "status", "received_on"]),
            models.Index(fields=["status", "due_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.subject}"

    def get_kind_display(self) -> str:
        return self.channel.get_kind_display()

    @property
    def limits(self) -> clock.Limits:
        channel = self.channel
        return clock.Limits(
            channel.reply_workdays, channel.complex_workdays, channel.max_extension_workdays
        )

    def compute_due(self) -> date:
        return clock.reply_due(
            self.received_on,
            self.limits,
            complex_case=self.complex_case,
            extension=self.extension_workdays,
        )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def due_note(self) -> str:
        return clock.due_note(self.received_on, self.due_on) if self.due_on else ""

    @property
    def public_status(self) -> str:
        return PUBLIC_STATUS[MessageStatus(self.status)]

    @property
    def writer_display(self) -> str:
        return "匿名" if self.anonymous or not self.writer_name else self.writer_name

    @property
    def attachment_kind(self) -> str:
        """The sniffed type the attachment was stored as (its stored name ends with it)."""
        return self.attachment.name.rsplit(".", 1)[-1] if self.attachment else ""

    @property
    def lookup_code_display(self) -> str:
        code = self.lookup_code
        return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


# 意见征集 lives in its own module; imported here so Django finds its models.
from .consultation_models import (  # noqa: E402, F401
    Adoption,
    AdoptionDecision,
    CommentStatus,
    Consultation,
    ConsultationComment,
    ConsultationStatus,
)
