"""Administrative agencies (行政机关), their internal units, reading rooms and staff roles."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _

from gongkai.core import uscc
from gongkai.core.models import AuditedModel


def validate_uscc(value: str) -> None:
    try:
        uscc.validate(value)
    except uscc.UsccError as exc:
        raise ValidationError(exc.message, code="uscc") from exc


phone_validator = RegexValidator(
    r"^[0-9０-９()（）+\-－ ,，、转]{3,40}$", _("电话号码只能包含数字、括号、加号、短横线和“转”")
)


class AgencyKind(models.TextChoices):
    GOVERNMENT = "government", _("人民政府")
    DEPARTMENT = "department", _("政府工作部门")
    OFFICE = "office", _("派出机关或机构")
    AUTHORISED = "authorised", _("法律法规授权组织")


class AgencyLevel(models.TextChoices):
    NATIONAL = "national", _("国家级")
    PROVINCIAL = "provincial", _("省级")
    CITY = "city", _("市级")
    COUNTY = "county", _("县级")
    TOWNSHIP = "township", _("乡镇（街道）级")


class AgencyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def subtree_of(self, agency: "Agency"):
        return self.filter(path__startswith=agency.path)


class Agency(AuditedModel):
    """A 行政机关 that discloses information in its own name (Art. 10 of the Regulations)."""

    name = models.CharField(_("全称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=40, blank=True)
    credit_code = models.CharField(
        _("统一社会信用代码"),
        max_length=18,
        unique=True,
        validators=[validate_uscc],
        help_text=_("18位，按 GB 32100-2015 校验"),
    )
    kind = models.CharField(_("机关类别"), max_length=20, choices=AgencyKind.choices)
    level = models.CharField(_("层级"), max_length=20, choices=AgencyLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级机关"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path of zero-padded ids ("/0000000001/0000000004/"): a subtree is one indexed
    # prefix query at province scale, and sorting by it lists each agency under its parent.
    path = models.CharField(max_length=255, editable=False, db_index=True)
    sort_order = models.PositiveIntegerField(
        _("排序"), default=100, validators=[MaxValueValidator(9999)]
    )
    address = models.CharField(_("办公地址"), max_length=200, blank=True)
    postcode = models.CharField(
        _("邮政编码"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^\d{6}$", _("邮政编码应为6位数字"))],
    )
    office_hours = models.CharField(_("办公时间"), max_length=200, blank=True)
    phone = models.CharField(_("联系电话"), max_length=40, blank=True, validators=[phone_validator])
    fax = models.CharField(_("传真"), max_length=40, blank=True, validators=[phone_validator])
    email = models.EmailField(_("电子邮箱"), blank=True)
    website = models.URLField(_("网站"), blank=True)
    disclosure_office = models.CharField(
        _("政府信息公开工作机构"),
        max_length=100,
        blank=True,
        help_text=_("《条例》第四条规定的本机关政府信息公开工作机构名称"),
    )
    disclosure_office_head = models.CharField(_("工作机构负责人"), max_length=40, blank=True)
    disclosure_office_phone = models.CharField(
        _("工作机构电话"), max_length=40, blank=True, validators=[phone_validator]
    )
    # How an applicant pays an information processing fee (国办函〔2020〕109号: the notice states
    # the payment method); a bank transfer needs all three, or a counter to pay at in person.
    fee_payee = models.CharField(_("收费收款单位（户名）"), max_length=100, blank=True)
    fee_bank = models.CharField(_("收费开户银行"), max_length=100, blank=True)
    fee_account = models.CharField(_("收费银行账号"), max_length=40, blank=True)
    fee_counter = models.CharField(
        _("现场缴费地点和时间"),
        max_length=200,
        blank=True,
        help_text=_("如：县政务服务中心一楼3号窗口，工作日9:00—12:00、14:00—17:00"),
    )
    # Separation of duties in the review gate: the submitter of an item never signs its review,
    # unless the agency is a one-person office that has said so (review/policy.py).
    submitter_may_sign = models.BooleanField(
        _("一人办公室：提交人可签署审查意见"),
        default=False,
        help_text=_("仅适用于只有一人办理信息公开的机关；所签意见注明由提交人签署"),
    )
    is_active = models.BooleanField(_("在用"), default=True)

    objects = AgencyQuerySet.as_manager()
    audit_exclude = frozenset({"path"})

    class Meta:
        ordering = ["path"]
        verbose_name = _("行政机关")
        verbose_name_plural = _("行政机关")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2

    def audit_agency_id(self) -> int | None:
        return self.pk

    @property
    def fee_transfer_details(self) -> bool:
        return bool(self.fee_payee and self.fee_bank and self.fee_account)

    @property
    def fee_payment_details(self) -> bool:
        """Whether a fee notice can say how and where to pay."""
        return self.fee_transfer_details or bool(self.fee_counter)

    def clean(self) -> None:
        if self.parent_id and self.pk and self.parent.path.startswith(self.path or "\0"):
            raise ValidationError({"parent": _("上级机关不能是本机关或其下级机关")})
        transfer = {"fee_payee": self.fee_payee, "fee_bank": self.fee_bank}
        transfer["fee_account"] = self.fee_account
        if any(transfer.values()) and not all(transfer.values()):
            missing = next(name for name, value in transfer.items() if not value)
            raise ValidationError({missing: _("汇款缴费须同时填写收款单位、开户银行和账号")})

    def ancestors(self):
        ids = [int(part) for part in self.path.strip("/").split("/") if part][:-1]
        return sorted(Agency.objects.filter(pk__in=ids), key=lambda a: len(a.path))

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)
            parent_path = self.parent.path if self.parent_id else "/"
            new_path = f"{parent_path}{self.pk:010d}/"
            if new_path != self.path:
                old_path, self.path = self.path, new_path
                Agency.objects.filter(pk=self.pk).update(path=new_path)
                if old_path:
                    Agency.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                        path=Concat(Value(new_path), Substr("path", len(old_path) + 1))
                    )


class InternalUnit(AuditedModel):
    """A 股室/科室 inside an agency; it does not disclose in its own name."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("所属机关"), on_delete=models.PROTECT, related_name="units"
    )
    name = models.CharField(_("名称"), max_length=60)
    phone = models.CharField(_("电话"), max_length=40, blank=True, validators=[phone_validator])
    sort_order = models.PositiveIntegerField(
        _("排序"), default=100, validators=[MaxValueValidator(9999)]
    )
    is_active = models.BooleanField(_("在用"), default=True)

    class Meta:
        ordering = ["agency", "sort_order", "name"]
        verbose_name = _("内设机构")
        verbose_name_plural = _("内设机构")
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="unique_unit_name_per_agency")
        ]

    def __str__(self) -> str:
        return self.name


class ReadingRoom(AuditedModel):
    """A 查阅点 where the public reads government information (Art. 25)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("所属机关"), on_delete=models.PROTECT, related_name="reading_rooms"
    )
    name = models.CharField(_("名称"), max_length=100)
    address = models.CharField(_("地址"), max_length=200)
    opening_hours = models.CharField(_("开放时间"), max_length=200, blank=True)
    phone = models.CharField(_("电话"), max_length=40, blank=True, validators=[phone_validator])

    class Meta:
        ordering = ["agency", "name"]
        verbose_name = _("查阅点")
        verbose_name_plural = _("查阅点")

    def __str__(self) -> str:
        return self.name


class ReadingRoomVisit(AuditedModel):
    """How many people came to a reading room on one day: a count, nobody's name (查阅点的
    到访人次, cited by the annual report's narrative)."""

    room = models.ForeignKey(
        ReadingRoom, verbose_name=_("查阅点"), on_delete=models.CASCADE, related_name="visits"
    )
    day = models.DateField(_("日期"))
    count = models.PositiveIntegerField(_("到访人次"), validators=[MaxValueValidator(100000)])

    scope_agency_field = "room__agency"

    class Meta:
        ordering = ["room", "-day"]
        verbose_name = _("查阅点到访记录")
        verbose_name_plural = _("查阅点到访记录")
        constraints = [models.UniqueConstraint(fields=["room", "day"], name="one_visit_row_a_day")]

    def __str__(self) -> str:
        return f"{self.room.name} {self.day:%Y-%m-%d} {self.count}人次"

    def audit_agency_id(self) -> int | None:
        return self.room.agency_id


class DeliveryKind(models.TextChoices):
    GUIDE = "guide", _("政府信息公开指南")
    CATALOG = "catalog", _("政府信息公开目录")
    ANNUAL_REPORT = "annual_report", _("政府信息公开工作年度报告")
    OTHER = "other", _("其他资料")


class ReadingRoomDelivery(AuditedModel):
    """The hand-over of printed material to a reading room: what, when, how many, by whom and
    to whom."""

    room = models.ForeignKey(
        ReadingRoom, verbose_name=_("查阅点"), on_delete=models.CASCADE, related_name="deliveries"
    )
    kind = models.CharField(_("资料类别"), max_length=20, choices=DeliveryKind.choices)
    title = models.CharField(
        _("资料名称"), max_length=200, help_text=_("如：2025年政府信息公开工作年度报告")
    )
    copies = models.PositiveIntegerField(
        _("份数"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10000)]
    )
    delivered_on = models.DateField(_("交接日期"))
    delivered_by = models.CharField(_("交付人"), max_length=40)
    received_by = models.CharField(_("接收人"), max_length=40)
    note = models.CharField(_("备注"), max_length=200, blank=True)

    scope_agency_field = "room__agency"

    class Meta:
        ordering = ["room", "-delivered_on", "-id"]
        verbose_name = _("查阅点资料交接记录")
        verbose_name_plural = _("查阅点资料交接记录")

    def __str__(self) -> str:
        return f"{self.room.name} · {self.title}"

    def audit_agency_id(self) -> int | None:
        return self.room.agency_id


class Role(models.TextChoices):
    CLERK = "clerk", _("信息员")
    REVIEWER = "reviewer", _("审查人")
    LEADER = "leader", _("分管领导")
    AGENCY_ADMIN = "agency_admin", _("机关管理员")
    SUPERVISOR = "supervisor", _("主管部门")
    SYSTEM_ADMIN = "system_admin", _("系统管理员")


class Membership(AuditedModel):
    """A staff member's role at one agency; a person may hold several."""

    user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("人员"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("机关"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        InternalUnit,
        verbose_name=_("内设机构"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["agency", "user", "role"]
        verbose_name = _("岗位")
        verbose_name_plural = _("岗位")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency", "role"], name="unique_role_per_user_agency"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.agency.display_name} · {self.get_role_display()}"

    def clean(self) -> None:
        if self.unit_id and self.agency_id and self.unit.agency_id != self.agency_id:
            raise ValidationError({"unit": _("内设机构必须属于同一机关")})
