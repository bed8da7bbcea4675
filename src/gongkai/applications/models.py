"""依申请公开 cases: the application, its ledger of dated events, its letters and counters."""

import secrets
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.calendar.workdays import CalendarUnknown, add_workdays, provisional_note
from gongkai.core.models import AuditedModel

from . import identity
from .ledger import OPEN_STATUSES, PAUSED_STATUSES, WAITING_STATUSES, EventKind, Status
from .outcomes import ApplicantCategory, Outcome

# Tracking codes avoid characters that are easily misread (0/O, 1/I/L).
TRACKING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
TRACKING_LENGTH = 12  # about 59 bits: not guessable, still easy to read out on the phone


def new_tracking_code() -> str:
    return "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(TRACKING_LENGTH))


def normalize_tracking_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch in TRACKING_ALPHABET)


class Channel(models.TextChoices):
    """How an application arrived; each fixes its receipt date differently (Art. 31)."""

    IN_PERSON = "in_person", "当面提交"
    POST_SIGNED = "post_signed", "邮寄（需签收）"
    POST_ORDINARY = "post_ordinary", "平常信函"
    ONLINE = "online", "互联网"
    FAX = "fax", "传真"
    ORAL = "oral", "口头提出（工作人员代为填写）"


RECEIPT_BASIS = {
    Channel.IN_PERSON: "申请人提交政府信息公开申请之日（第三十一条第（一）项）",
    Channel.POST_SIGNED: "政府信息公开工作机构签收之日（第三十一条第（二）项）",
    Channel.POST_ORDINARY: "与申请人确认之日（第三十一条第（二）项）",
    Channel.ONLINE: "双方确认之日（第三十一条第（三）项）",
    Channel.FAX: "双方确认之日（第三十一条第（三）项）",
    Channel.ORAL: "工作人员代为填写、申请人确认之日（第二十九条第一款）",
}


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO = "hk_macao", "港澳居民来往内地通行证"
    TAIWAN = "taiwan", "台湾居民来往大陆通行证"
    FOREIGN_PERMANENT = "foreign_permanent", "外国人永久居留身份证"
    OTHER = "other", "其他有效身份证件"


class ProvisionForm(models.TextChoices):
    PAPER = "paper", "纸质文本"
    ELECTRONIC = "electronic", "电子文档"
    INSPECT = "inspect", "查阅、抄录"


class DeliveryMethod(models.TextChoices):
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    PICKUP = "pickup", "当面领取"
    ONLINE = "online", "网上获取"


class ApplicationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today: date):
        """Open cases whose reply deadline has passed."""
        return self.filter(status__in=OPEN_STATUSES, due_date__lt=today)

    def due_within(self, workdays: int, today: date):
        """Open cases due from today up to `workdays` working days ahead."""
        try:
            last = add_workdays(today, workdays)
        except CalendarUnknown:
            last = today
        return self.filter(status__in=OPEN_STATUSES, due_date__gte=today, due_date__lte=last)

    def paused(self):
        return self.filter(status__in=PAUSED_STATUSES)

    def waiting_for_applicant(self):
        return self.filter(status__in=WAITING_STATUSES)

    def due_unknown(self):
        return self.filter(status__in=OPEN_STATUSES, due_unknown_year__isnull=False)

    def due_provisional(self):
        return self.filter(status__in=OPEN_STATUSES, due_provisional_year__isnull=False)

    def handled_by(self, user):
        return self.filter(handler=user)

    def unassigned(self):
        """Open cases no handler has been given yet (分办 pending)."""
        return self.filter(status__in=OPEN_STATUSES, handler__isnull=True)

    def awaiting_correction(self):
        return self.filter(status=Status.AWAITING_CORRECTION)

    def awaiting_fee(self):
        return self.filter(status=Status.AWAITING_FEE)

    def extension_awaiting_approval(self):
        """Open cases whose extension was requested and not yet approved (Art. 33¶2).

        The ledger's reading (`ledger.State.extension_requested`) in one query: a case asks for
        an extension at most once (`rules._no_extension_yet`), so a request without an approval
        is the one pending.
        """
        events = CaseEvent.objects.filter(case=models.OuterRef("pk"))
        return self.filter(
            models.Exists(events.filter(kind=EventKind.EXTENSION_REQUESTED)),
            status__in=OPEN_STATUSES,
        ).exclude(models.Exists(events.filter(kind=EventKind.EXTENSION_APPROVED)))

    def matching(self, text: str):
        return self.filter(
            Q(number__contains=text)
            | Q(applicant_name__contains=text)
            | Q(description__contains=text)
            | Q(tracking_code=normalize_tracking_code(text))
        )


class Application(AuditedModel):
    """One 政府信息公开申请: who asked which agency for what, and where its handling stands.

    The events (`CaseEvent`) are the truth; `status`, `due_date`, `due_unknown_year` and
    `due_provisional_year` are their replay, cached for lists and refreshed by
    `services.refresh` after every event and after every calendar import.
    """

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("受理机关"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    number = models.CharField(_("申请编号"), max_length=40)
    tracking_code = models.CharField(
        _("查询码"), max_length=TRACKING_LENGTH, unique=True, default=new_tracking_code
    )
    # The public form's one-time token: the same form posted twice creates one case.
    submission_token = models.CharField(max_length=64, null=True, blank=True, unique=True)

    applicant_category = models.CharField(
        _("申请人类别"), max_length=20, choices=ApplicantCategory.choices
    )
    applicant_name = models.CharField(_("申请人姓名或名称"), max_length=100)
    id_type = models.CharField(_("证件类型"), max_length=20, choices=IdType.choices, blank=True)
    id_number_encrypted = models.TextField(_("证件号码（加密）"), blank=True)
    id_number_masked = models.CharField(_("证件号码"), max_length=40, blank=True)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    # Equal for the same ID number or credit code (identity.applicant_key): the per-item fee
    # counts an applicant's applications to the agency in a month by it.
    applicant_key = models.CharField(max_length=64, blank=True, editable=False)
    legal_representative = models.CharField(_("法定代表人或负责人"), max_length=50, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=50, blank=True)
    phone = models.CharField(_("联系电话"), max_length=40)
    email = models.EmailField(_("电子邮箱"), blank=True)
    address = models.CharField(_("通信地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)

    channel = models.CharField(_("申请方式"), max_length=20, choices=Channel.choices)
    received_on = models.DateField(_("收到申请日期"))
    receipt_basis = models.CharField(_("收到日期的确定依据"), max_length=100)
    description = models.TextField(_("所需政府信息的名称或内容描述"))
    document_number = models.CharField(_("文号"), max_length=100, blank=True)
    provision_form = models.CharField(
        _("获取信息的方式"), max_length=20, choices=ProvisionForm.choices
    )
    delivery_method = models.CharField(
        _("提供信息的途径"), max_length=20, choices=DeliveryMethod.choices
    )

    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handled_applications",
    )
    unit = models.ForeignKey(
        "agencies.InternalUnit",
        verbose_name=_("承办内设机构"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    status = models.CharField(
        _("状态"), max_length=24, choices=Status.choices, default=Status.IN_PROGRESS
    )
    due_date = models.DateField(_("答复期限"), null=True, blank=True)
    due_unknown_year = models.PositiveSmallIntegerField(null=True, blank=True)
    # Set while the deadline is counted on the statutory holidays of a year not yet imported.
    due_provisional_year = models.PositiveSmallIntegerField(null=True, blank=True)
    outcome = models.CharField(_("办理结果"), max_length=40, choices=Outcome.choices, blank=True)
    decided_on = models.DateField(_("答复日期"), null=True, blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)

    objects = ApplicationQuerySet.as_manager()
    audit_exclude = frozenset(
        {
            "id_number_encrypted",
            "applicant_key",
            "status",
            "due_date",
            "due_unknown_year",
            "due_provisional_year",
        }
    )

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("政府信息公开申请")
        verbose_name_plural = _("政府信息公开申请")
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="unique_case_number"),
        ]
        indexes = [
            models.Index(fields=["agency", "status", "due_date"]),
            models.Index(fields=["status", "due_date"]),
            models.Index(fields=["handler", "status"]),
            models.Index(fields=["agency", "applicant_key", "received_on"]),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.applicant_name}"

    @property
    def is_natural_person(self) -> bool:
        return self.applicant_category == ApplicantCategory.NATURAL_PERSON

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_paused(self) -> bool:
        return self.status in PAUSED_STATUSES

    @property
    def id_number(self) -> str:
        """The full number, for the case page of the agency's own staff only."""
        return identity.decrypt(self.id_number_encrypted)

    @property
    def tracking_code_display(self) -> str:
        code = self.tracking_code
        return "-".join(code[i : i + 4] for i in range(0, len(code), 4))

    @property
    def due_provisional_note(self) -> str:
        """Why the deadline may still move, wherever it is shown; empty when it is final."""
        if self.due_date and self.due_provisional_year:
            return provisional_note(self.due_provisional_year)
        return ""

    @property
    def due_display(self) -> str:
        if self.due_unknown_year:
            return f"期限待定：{self.due_unknown_year}年节假日安排未导入"
        if self.due_date and self.due_provisional_year:
            return f"{self.due_date.isoformat()}（暂定）"
        if self.due_date:
            return self.due_date.isoformat()
        if self.status == Status.AWAITING_CORRECTION:
            return "待补正，补正后重新计算"
        if self.is_paused:
            return "中止计时"
        return "—"


class CaseEvent(AuditedModel):
    """One dated fact in a case's life; the ledger the case's status and deadlines come from.

    `on` is the legal date of the fact (the day a 补正 arrived), which may be earlier than the
    day it was recorded (`recorded_at`).
    """

    case = models.ForeignKey(
        Application, verbose_name=_("申请"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("事项"), max_length=32, choices=EventKind.choices)
    on = models.DateField(_("日期"))
    data = models.JSONField(_("内容"), default=dict, blank=True)
    note = models.TextField(_("说明"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("经办人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    scope_agency_field = "case__agency"

    class Meta:
        ordering = ["case", "id"]
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")

    def __str__(self) -> str:
        return f"{self.case.number} {self.get_kind_display()} {self.on}"

    def audit_agency_id(self) -> int | None:
        return self.case.agency_id


class LetterKind(models.TextChoices):
    RECEIPT = "receipt", "政府信息公开申请接收回执"
    CORRECTION = "correction", "补正告知书"
    EXTENSION = "extension", "延期答复告知书"
    CONSULTATION = "consultation", "征求第三方意见书"
    FEE = "fee", "收费通知书"
    REPLY = "reply", "政府信息公开申请答复书"


# The short word in each letter's number: 〔年〕号 series per agency, year and kind.
LETTER_SERIES = {
    LetterKind.RECEIPT: "依申收",
    LetterKind.CORRECTION: "依申补",
    LetterKind.EXTENSION: "依申延",
    LetterKind.CONSULTATION: "依申征",
    LetterKind.FEE: "依申费",
    LetterKind.REPLY: "依申复",
}


class Letter(AuditedModel):
    """A letter of a case, numbered per agency, year and kind, kept as DOCX and PDF."""

    case = models.ForeignKey(
        Application, verbose_name=_("申请"), on_delete=models.PROTECT, related_name="letters"
    )
    kind = models.CharField(_("文书种类"), max_length=20, choices=LetterKind.choices)
    year = models.PositiveSmallIntegerField(_("年度"))
    serial = models.PositiveIntegerField(_("序号"))
    number = models.CharField(_("文书编号"), max_length=80)
    text = models.TextField(_("正文"))
    docx = models.FileField(_("Word 文件"), upload_to="letters/%Y/")
    pdf = models.FileField(_("PDF 文件"), upload_to="letters/%Y/")
    created_at = models.DateTimeField(_("生成时间"), auto_now_add=True)

    scope_agency_field = "case__agency"
    # The files' names go to the trail with the "letter" transition; the text is in the file.
    audit_exclude = frozenset({"docx", "pdf", "text"})

    class Meta:
        ordering = ["case", "id"]
        verbose_name = _("文书")
        verbose_name_plural = _("文书")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind", "year", "serial"], name="unique_letter"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"

    def audit_agency_id(self) -> int | None:
        return self.case.agency_id


class ScanKind(models.TextChoices):
    PDF = "pdf", "PDF"
    JPEG = "jpeg", "JPEG 图片"
    PNG = "png", "PNG 图片"


class Scan(AuditedModel):
    """A scan of what arrived on paper, by fax or was written down from an oral application."""

    case = models.ForeignKey(
        Application, verbose_name=_("申请"), on_delete=models.PROTECT, related_name="scans"
    )
    file = models.FileField(_("文件"), upload_to="scans/%Y/")
    name = models.CharField(_("文件名"), max_length=200)
    kind = models.CharField(_("类型"), max_length=10, choices=ScanKind.choices)
    size = models.PositiveIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    scope_agency_field = "case__agency"
    # The stored path is no fact of its own: name, size and digest go to the trail.
    audit_exclude = frozenset({"file"})

    class Meta:
        ordering = ["case", "id"]
        verbose_name = _("申请材料扫描件")
        verbose_name_plural = _("申请材料扫描件")

    def __str__(self) -> str:
        return f"{self.case.number} {self.name}"

    def audit_agency_id(self) -> int | None:
        return self.case.agency_id


class LetterTemplate(AuditedModel):
    """An agency's own wording of one kind of letter, replacing the built-in one."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("机关"),
        on_delete=models.CASCADE,
        related_name="letter_templates",
    )
    kind = models.CharField(_("文书种类"), max_length=20, choices=LetterKind.choices)
    body = models.TextField(
        _("正文模板"),
        help_text=_("可使用 {{ 申请人 }}、{{ 申请日期 }}、{{ 所需信息 }} 等字段，见默认模板"),
    )

    class Meta:
        ordering = ["agency", "kind"]
        verbose_name = _("文书模板")
        verbose_name_plural = _("文书模板")
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind"], name="unique_letter_template"),
        ]

    def __str__(self) -> str:
        return f"{self.agency.display_name} · {self.get_kind_display()}"


class Counter(models.Model):
    """The last number given out in one series (case numbers, each kind of letter)."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    series = models.CharField(max_length=20)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "series"], name="unique_counter"),
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.year} {self.series} {self.last}"


class ReplyFile(AuditedModel):
    """A file given to the applicant with the reply: uploaded (checked and stripped like a
    catalog attachment) or a published catalog item referred to instead of copied. Never
    public: an applicant who chose 网上获取 downloads it from the status page."""

    case = models.ForeignKey(
        Application, verbose_name=_("申请"), on_delete=models.PROTECT, related_name="reply_files"
    )
    title = models.CharField(_("材料名称"), max_length=200)
    name = models.CharField(_("文件名"), max_length=200, blank=True)
    file = models.FileField(_("文件"), upload_to="replies/%Y/", blank=True)
    kind = models.CharField(_("类型"), max_length=10, blank=True)
    size = models.PositiveBigIntegerField(_("大小（字节）"), null=True, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    item = models.ForeignKey(
        "catalog.InfoItem",
        verbose_name=_("已公开的政府信息"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("添加人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    added_at = models.DateTimeField(_("添加时间"), auto_now_add=True)

    scope_agency_field = "case__agency"
    audit_exclude = frozenset({"file"})

    class Meta:
        ordering = ["case", "id"]
        verbose_name = _("答复材料")
        verbose_name_plural = _("答复材料")
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | Q(item__isnull=False), name="reply_file_has_a_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case.number} {self.title}"

    def audit_agency_id(self) -> int | None:
        return self.case.agency_id
