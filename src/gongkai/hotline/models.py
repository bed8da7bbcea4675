"""Work-order categories per agency, the platform's exports as they were imported, and the work
orders (工单) the city 12345 platform dispatches to an agency."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency, InternalUnit
from gongkai.core.models import AuditedModel
from gongkai.engagement import clock
from gongkai.engagement.models import DueQuerySet

SUBJECT_MAX_CHARS = 200
CONTENT_MAX_CHARS = 10000
NUMBER_MAX_CHARS = 64


class OrderKind(models.TextChoices):
    CONSULT = "consult", _("咨询")
    HELP = "help", _("求助")
    SUGGEST = "suggest", _("建议")
    COMPLAINT = "complaint", _("投诉")
    REPORT = "report", _("举报")


class OrderCategory(AuditedModel):
    """One category of work order at an agency, with its limits in working days."""

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="order_categories", verbose_name=_("机关")
    )
    kind = models.CharField(_("工单类别"), max_length=20, choices=OrderKind.choices)
    limit_workdays = models.PositiveSmallIntegerField(_("办理时限（工作日）"))
    warn_workdays = models.PositiveSmallIntegerField(_("提前提醒（工作日）"))
    max_extension_workdays = models.PositiveSmallIntegerField(_("延期上限（工作日）"))
    basis = models.CharField(_("时限依据"), max_length=200, blank=True)
    # What of the values above no official or local text confirms; shown beside them.
    unconfirmed = models.CharField(_("待核实"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("工单类别")
        verbose_name_plural = _("工单类别")
        ordering = ["agency", "id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind"], name="one_order_category_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.agency.name} · {self.get_kind_display()}"

    @property
    def limits(self) -> clock.Limits:
        """The category's limits as the shared reply clock counts them (no longer limit for a
        complex work order: the platform sets one limit per category)."""
        return clock.Limits(self.limit_workdays, self.limit_workdays, self.max_extension_workdays)


class FileFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "XLSX"
    JSON = "json", "JSON"


class ImportBatch(AuditedModel):
    """One file of the platform's work orders as it was imported, kept so the results go back
    in the same format: its columns, the mapping of our fields to them, its encoding."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="order_batches", verbose_name=_("机关")
    )
    file_name = models.CharField(_("文件名"), max_length=255)
    file_format = models.CharField(_("格式"), max_length=8, choices=FileFormat.choices)
    # CSV: "utf-8" or "gb18030"; JSON: "array" or "lines".
    variant = models.CharField(_("编码或结构"), max_length=20, blank=True)
    headers = models.JSONField(_("列名"), default=list)
    mapping = models.JSONField(_("字段对应"), default=dict)  # our field → the platform's column
    created_count = models.PositiveIntegerField(_("新增工单"), default=0)
    created_at = models.DateTimeField(_("导入时间"), default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("导入人"),
    )

    class Meta:
        verbose_name = _("工单导入批次")
        verbose_name_plural = _("工单导入批次")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name}（{self.created_at:%Y-%m-%d %H:%M}）"


class HandlingRole(models.TextChoices):
    LEAD = "lead", _("主办")
    ASSIST = "assist", _("协办")


class OrderStatus(models.TextChoices):
    RECEIVED = "received", _("待签收")
    ACCEPTED = "accepted", _("办理中")
    RETURN_REQUESTED = "return_requested", _("退单待审核")
    RETURNED = "returned", _("已退回平台")
    REPLIED = "replied", _("已答复")
    CLOSED = "closed", _("已办结")
    MERGED = "merged", _("已并单")


# The clock runs while an order waits to be signed for, is handled, or its return is reviewed.
OPEN_STATUSES = (OrderStatus.RECEIVED, OrderStatus.ACCEPTED, OrderStatus.RETURN_REQUESTED)
ANSWERED_STATUSES = (OrderStatus.REPLIED, OrderStatus.CLOSED)


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    BASIC = "basic", _("基本满意")
    UNSATISFIED = "unsatisfied", _("不满意")
    UNREACHED = "unreached", _("未联系上")


class WorkOrderQuerySet(DueQuerySet):
    open_statuses = OPEN_STATUSES

    def proposed_repeats(self):
        """Open orders that look like a repeat of an earlier one and wait to be merged."""
        return self.open().filter(repeat_of__isnull=False)


class WorkOrder(AuditedModel):
    """One 工单 the city platform dispatched to the agency, as 主办 or 协办, and its handling.

    The caller's name, phone and address are personal information: stored encrypted (as an
    applicant's identity number), masked copies for lists, and shown in full only to the
    agency's own staff — and, on a confidential order, to its handler alone (`caller.py`).
    """

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="work_orders", verbose_name=_("承办机关")
    )
    category = models.ForeignKey(
        OrderCategory, on_delete=models.PROTECT, related_name="orders", verbose_name=_("类别")
    )
    number = models.CharField(_("工单编号"), max_length=NUMBER_MAX_CHARS)
    batch = models.ForeignKey(
        ImportBatch,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="orders",
        verbose_name=_("导入批次"),
    )
    # The platform's line as it came, its caller columns left out; written back on export.
    source_row = models.JSONField(default=dict, blank=True)
    source_line = models.PositiveIntegerField(null=True, blank=True)
    role = models.CharField(
        _("承办类型"), max_length=8, choices=HandlingRole.choices, default=HandlingRole.LEAD
    )
    lead_unit = models.CharField(_("主办单位"), max_length=200, blank=True)
    co_units = models.CharField(_("协办单位"), max_length=500, blank=True)
    subject = models.CharField(_("标题"), max_length=SUBJECT_MAX_CHARS)
    content = models.TextField(_("诉求内容"))
    caller_name_encrypted = models.TextField(blank=True)
    caller_phone_encrypted = models.TextField(blank=True)
    caller_address_encrypted = models.TextField(blank=True)
    caller_name_masked = models.CharField(_("来电人"), max_length=60, blank=True)
    caller_phone_masked = models.CharField(_("来电号码"), max_length=40, blank=True)
    caller_address_masked = models.CharField(_("地址"), max_length=60, blank=True)
    # Keyed digests (`identity.keyed_digest`) of the phone number and of the matter, equal for
    # the same caller or matter: repeats are found by them without reading the caller.
    caller_key = models.CharField(max_length=64, blank=True, editable=False)
    matter_key = models.CharField(max_length=64, blank=True, editable=False)
    confidential = models.BooleanField(_("要求保密"), default=False)
    dispatched_at = models.DateTimeField(_("派单时间"))
    received_on = models.DateField(_("收到日期"))
    due_on = models.DateField(_("办理期限"), null=True, blank=True)
    extension_workdays = models.PositiveSmallIntegerField(_("延期（工作日）"), default=0)
    extension_reason = models.TextField(_("延期理由"), blank=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=OrderStatus.choices, default=OrderStatus.RECEIVED
    )
    unit = models.ForeignKey(
        InternalUnit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("承办机构"),
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="handled_work_orders",
        verbose_name=_("承办人"),
    )
    accepted_on = models.DateField(_("签收日期"), null=True, blank=True)
    return_reason = models.TextField(_("退单理由"), blank=True)
    return_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("退单申请人"),
    )
    # The state a rejected return goes back to.
    return_from = models.CharField(max_length=20, choices=OrderStatus.choices, blank=True)
    return_opinion = models.TextField(_("退单审核意见"), blank=True)
    returned_on = models.DateField(_("退单日期"), null=True, blank=True)
    reply_text = models.TextField(_("答复内容"), blank=True)
    replied_on = models.DateField(_("答复日期"), null=True, blank=True)
    reply_workdays = models.PositiveSmallIntegerField(
        _("答复用时（工作日）"), null=True, blank=True
    )
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    callback_on = models.DateField(_("回访日期"), null=True, blank=True)
    satisfaction = models.CharField(
        _("满意度"), max_length=12, choices=Satisfaction.choices, blank=True
    )
    callback_note = models.TextField(_("回访情况"), blank=True)
    repeat_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("疑似重复"),
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="merged_orders",
        verbose_name=_("并入工单"),
    )
    created_at = models.DateTimeField(_("登记时间"), default=timezone.now)

    audit_exclude = frozenset(
        {
            "caller_name_encrypted",
            "caller_phone_encrypted",
            "caller_address_encrypted",
            "caller_key",
            "matter_key",
            "source_row",
        }
    )

    objects = WorkOrderQuerySet.as_manager()

    class Meta:
        verbose_name = _("12345工单")
        verbose_name_plural = _("12345工单")
        ordering = ["-dispatched_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="one_order_per_number"),
        ]
        indexes = [
            models.Index(fields=["agency", "status", "received_on"]),
            models.Index(fields=["status", "due_on"]),
            # The statistics read a period's orders from this index alone.
            models.Index(
                fields=[
                    "received_on",
                    "agency",
                    "unit",
                    "status",
                    "replied_on",
                    "due_on",
                    "satisfaction",
                ],
                name="order_figures",
            ),
            models.Index(fields=["agency", "caller_key", "received_on"]),
            models.Index(fields=["agency", "matter_key", "received_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"

    def compute_due(self) -> date:
        return clock.reply_due(
            self.received_on, self.category.limits, extension=self.extension_workdays
        )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def due_note(self) -> str:
        return clock.due_note(self.received_on, self.due_on) if self.due_on else ""

    @property
    def handling_unit(self) -> str:
        return f"{self.agency.name}{self.unit.name}" if self.unit else self.agency.name


class CallbackStatus(models.TextChoices):
    NOT_NEEDED = "none", _("无需回拨")
    PENDING = "pending", _("待回拨")
    DONE = "done", _("已回拨")
    CALLED_AGAIN = "called_again", _("来电人已再次接通")


class CallSatisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    BASIC = "basic", _("基本满意")
    UNSATISFIED = "unsatisfied", _("不满意")


# GB/T 33358-2016: a call is answered within 15 seconds.
ANSWER_WITHIN_SECONDS = 15


class CallQuerySet(models.QuerySet):
    def missed(self):
        return self.filter(answered_at__isnull=True)

    def to_call_back(self):
        """Missed calls nobody has called back yet: the call-back tasks."""
        return self.filter(callback_status=CallbackStatus.PENDING)


class Call(AuditedModel):
    """One call to the agency's own line (e.g. 96128), from the telephone system's record: when
    it rang, was answered and ended, whether it was transferred and the transfer succeeded, the
    caller's rating. A missed call is a call-back task until someone calls back or the caller
    gets through again."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="calls", verbose_name=_("机关")
    )
    call_id = models.CharField(_("呼叫流水号"), max_length=NUMBER_MAX_CHARS)
    line = models.CharField(_("热线号码"), max_length=20, blank=True)
    unit = models.ForeignKey(
        InternalUnit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("科室"),
    )
    agent = models.CharField(_("坐席"), max_length=40, blank=True)
    caller_phone_encrypted = models.TextField(blank=True)
    caller_phone_masked = models.CharField(_("来电号码"), max_length=40, blank=True)
    caller_key = models.CharField(max_length=64, blank=True, editable=False)
    ring_at = models.DateTimeField(_("振铃时间"))
    answered_at = models.DateTimeField(_("接听时间"), null=True, blank=True)
    ended_at = models.DateTimeField(_("挂机时间"), null=True, blank=True)
    # Cached from the times for the statistics' grouped queries.
    wait_seconds = models.PositiveIntegerField(_("等待（秒）"), null=True, blank=True)
    talk_seconds = models.PositiveIntegerField(_("通话（秒）"), null=True, blank=True)
    transferred = models.BooleanField(_("转接"), default=False)
    transfer_succeeded = models.BooleanField(_("转接成功"), null=True, blank=True)
    satisfaction = models.CharField(
        _("满意度"), max_length=12, choices=CallSatisfaction.choices, blank=True
    )
    callback_status = models.CharField(
        _("回拨"), max_length=12, choices=CallbackStatus.choices, default=CallbackStatus.NOT_NEEDED
    )
    callback_attempts = models.PositiveSmallIntegerField(_("回拨次数"), default=0)
    callback_at = models.DateTimeField(_("回拨时间"), null=True, blank=True)
    callback_note = models.TextField(_("回拨情况"), blank=True)
    callback_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("回拨人"),
    )

    audit_exclude = frozenset({"caller_phone_encrypted", "caller_key"})

    objects = CallQuerySet.as_manager()

    class Meta:
        verbose_name = _("热线来电")
        verbose_name_plural = _("热线来电")
        ordering = ["-ring_at", "-id"]
        constraints = [
            # Call id first: an import looks a thousand ids up at once by this index.
            models.UniqueConstraint(fields=["call_id", "agency"], name="one_call_per_id"),
        ]
        indexes = [
            # The statistics read a period's calls from this index alone (bench/hotline.py).
            models.Index(
                fields=[
                    "ring_at",
                    "agency",
                    "unit",
                    "answered_at",
                    "wait_seconds",
                    "talk_seconds",
                    "transferred",
                    "transfer_succeeded",
                    "satisfaction",
                ],
                name="call_figures",
            ),
            models.Index(fields=["agency", "ring_at"]),
            models.Index(fields=["agency", "callback_status"]),
            models.Index(fields=["agency", "caller_key", "ring_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.call_id} {self.ring_at:%Y-%m-%d %H:%M}"

    @property
    def missed(self) -> bool:
        return self.answered_at is None
