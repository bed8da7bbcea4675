"""Government information items (政府信息), their versions, metadata, attachments and taxonomies.

An `InfoItem` is the lasting record with its 索引号; each change of content is an `ItemVersion`
reviewed on its own ("一事一审"). What the public sees is `InfoItem.published_version`, which only
the review gate's `publish` sets, and only to a version with an approved review.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import AuditedModel


class Topic(AuditedModel):
    """A 主题分类 node: the 22 State Council categories and their sub-categories by default."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级分类"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name = models.CharField(_("名称"), max_length=40)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)
    is_active = models.BooleanField(_("在用"), default=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("主题分类")
        verbose_name_plural = _("主题分类")
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="unique_topic_name_per_parent")
        ]

    def __str__(self) -> str:
        return f"{self.parent.name}\\{self.name}" if self.parent_id else self.name


class Genre(AuditedModel):
    """A 体裁 (genre): the 15 statutory 公文 types plus the catalog's own genres."""

    name = models.CharField(_("名称"), max_length=40, unique=True)
    is_document_type = models.BooleanField(_("法定公文文种"), default=False)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)
    is_active = models.BooleanField(_("在用"), default=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("体裁分类")
        verbose_name_plural = _("体裁分类")

    def __str__(self) -> str:
        return self.name


class ItemStatus(models.TextChoices):
    """Where the newest version stands in the review gate (the public side is separate)."""

    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("已提交")
    IN_REVIEW = "in_review", _("审查中")
    RETURNED = "returned", _("已退回")
    APPROVED = "approved", _("审查通过")
    PUBLISHED = "published", _("已公开")
    REVOKED = "revoked", _("已撤回")


class DisclosureAttribute(models.TextChoices):
    """公开属性 (Art. 13): proactive, on application, or not disclosed with a reason."""

    PROACTIVE = "proactive", _("主动公开")
    ON_APPLICATION = "on_application", _("依申请公开")
    NOT_DISCLOSED = "not_disclosed", _("不予公开")


class ExemptionReason(models.TextChoices):
    """Why information is not disclosed (Art. 14–16), one code per annual-report row."""

    STATE_SECRET = "state_secret", _("属于国家秘密（第十四条）")
    LAW_PROHIBITED = "law_prohibited", _("法律行政法规禁止公开（第十四条）")
    THREE_SECURITY_ONE_STABILITY = (
        "three_security_one_stability",
        _("危及“三安全一稳定”（第十四条）"),
    )
    THIRD_PARTY = "third_party", _("保护第三方合法权益（第十五条）")
    INTERNAL_AFFAIRS = "internal_affairs", _("属于内部事务信息（第十六条第一款）")
    PROCESS_INFO = "process_info", _("属于过程性信息（第十六条第二款）")
    ENFORCEMENT_FILE = "enforcement_file", _("属于行政执法案卷（第十六条第二款）")


class Validity(models.TextChoices):
    VALID = "valid", _("有效")
    EXPIRED = "expired", _("失效")
    REPEALED = "repealed", _("废止")


class Art20Item(models.IntegerChoices):
    """The 15 kinds of information every agency discloses proactively (Art. 20)."""

    REGULATIONS = 1, _("（一）行政法规、规章和规范性文件")
    FUNCTIONS = 2, _("（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名")
    PLANS = 3, _("（三）国民经济和社会发展规划、专项规划、区域规划及相关政策")
    STATISTICS = 4, _("（四）国民经济和社会发展统计信息")
    LICENSING = 5, _("（五）行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果")
    PENALTIES = 6, _("（六）行政处罚、行政强制的依据、条件、程序及有一定社会影响的处罚决定")
    BUDGETS = 7, _("（七）财政预算、决算信息")
    FEES = 8, _("（八）行政事业性收费项目及其依据、标准")
    PROCUREMENT = 9, _("（九）政府集中采购项目的目录、标准及实施情况")
    MAJOR_PROJECTS = 10, _("（十）重大建设项目的批准和实施情况")
    WELFARE = 11, _("（十一）扶贫、教育、医疗、社会保障、促进就业等政策、措施及实施情况")
    EMERGENCIES = 12, _("（十二）突发公共事件的应急预案、预警信息及应对情况")
    INSPECTIONS = 13, _("（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况")
    CIVIL_SERVICE = 14, _("（十四）公务员招考的职位、名额、报考条件等事项以及录用结果")
    OTHER = 15, _("（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息")


class InfoItemQuerySet(models.QuerySet):
    def public(self):
        """Items the portal shows: a published version that passed review (the gate's
        second lock; `review.guards` is the first)."""
        return self.filter(
            published_version__isnull=False,
            published_version__approved_at__isnull=False,
            published_version__attribute=DisclosureAttribute.PROACTIVE,
        )

    def due_within(self, days: int, today: date):
        """Unpublished proactive items whose Art. 26 publish-by date falls within `days`."""
        return self.exclude(status__in=[ItemStatus.PUBLISHED, ItemStatus.REVOKED]).filter(
            publish_due__isnull=False,
            publish_due__gte=today,
            publish_due__lte=today + timedelta(days=days),
        )

    def overdue(self, today: date):
        return self.exclude(status__in=[ItemStatus.PUBLISHED, ItemStatus.REVOKED]).filter(
            publish_due__lt=today
        )

    def awaiting_publication(self):
        """Approved versions the portal may show (`rules._shown_on_the_portal`), not yet
        published nor scheduled."""
        return self.filter(
            status=ItemStatus.APPROVED,
            current_version__attribute=DisclosureAttribute.PROACTIVE,
            scheduled_for__isnull=True,
        )

    def scheduled(self):
        """Approved versions waiting for their scheduled publication time."""
        return self.filter(status=ItemStatus.APPROVED, scheduled_for__isnull=False)


class InfoItem(AuditedModel):
    """A piece of government information the agency keeps in its catalog."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("所属机关"),
        on_delete=models.PROTECT,
        related_name="info_items",
    )
    index_no = models.CharField(_("索引号"), max_length=60, unique=True)
    status = models.CharField(
        _("状态"), max_length=20, choices=ItemStatus.choices, default=ItemStatus.DRAFT
    )
    current_version = models.ForeignKey(
        "ItemVersion",
        verbose_name=_("当前版本"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_version = models.ForeignKey(
        "ItemVersion",
        verbose_name=_("公开版本"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Copies of the current version's values that lists sort and filter on.
    publish_due = models.DateField(_("应公开日期"), null=True, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    first_published_at = models.DateTimeField(_("首次发布时间"), null=True, blank=True)
    published_late = models.BooleanField(_("逾期公开"), default=False)
    scheduled_for = models.DateTimeField(_("定时发布时间"), null=True, blank=True)
    re_review_due = models.DateField(_("不予公开复查日期"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("创建人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    objects = InfoItemQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("政府信息")
        verbose_name_plural = _("政府信息")
        indexes = [
            models.Index(fields=["-published_at"], name="catalog_item_public_idx"),
            models.Index(fields=["agency", "-published_at"], name="catalog_item_agency_pub_idx"),
            # Lets the browse page count an agency's public items from the index alone.
            models.Index(fields=["agency", "published_version"], name="catalog_item_agency_pv_idx"),
            models.Index(fields=["agency", "publish_due"], name="catalog_item_due_idx"),
        ]

    def __str__(self) -> str:
        version = self.current_version
        return f"{self.index_no} {version.title}" if version else self.index_no

    @property
    def is_public(self) -> bool:
        return self.published_version_id is not None


# The fields a person fills in for a version (a change note is asked for separately, on change).
ENTERED_FIELDS = (
    "title",
    "publisher",
    "doc_no",
    "written_on",
    "formed_on",
    "topic",
    "genre",
    "art20_item",
    "keywords",
    "summary",
    "validity",
    "effective_on",
    "expires_on",
    "attribute",
    "exemption_reasons",
    "body",
    "interpretation_url",
)


class ItemVersion(AuditedModel):
    """One reviewed state of an item's content and metadata (ogi-spec §5.2)."""

    item = models.ForeignKey(
        InfoItem, verbose_name=_("政府信息"), on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(_("版本号"))
    title = models.CharField(_("标题"), max_length=300)
    publisher = models.CharField(
        _("发布机构"),
        max_length=200,
        help_text=_("制作或发布该信息的机关全称，留空为所属机关；转发上级文件时填写原发文机关"),
    )
    doc_no = models.CharField(_("文号"), max_length=60, blank=True)
    written_on = models.DateField(_("成文日期"), null=True, blank=True)
    formed_on = models.DateField(
        _("形成或变更日期"),
        help_text=_("《条例》第二十六条：自形成或者变更之日起20个工作日内公开"),
    )
    topic = models.ForeignKey(
        Topic, verbose_name=_("主题分类"), null=True, blank=True, on_delete=models.PROTECT
    )
    genre = models.ForeignKey(
        Genre, verbose_name=_("体裁分类"), null=True, blank=True, on_delete=models.PROTECT
    )
    art20_item = models.PositiveSmallIntegerField(
        _("第二十条事项"), choices=Art20Item.choices, null=True, blank=True
    )
    keywords = models.CharField(_("主题词"), max_length=200, blank=True)
    summary = models.TextField(_("内容概述"), max_length=500, blank=True)
    validity = models.CharField(
        _("有效性"), max_length=20, choices=Validity.choices, default=Validity.VALID
    )
    effective_on = models.DateField(_("生效日期"), null=True, blank=True)
    expires_on = models.DateField(_("失效日期"), null=True, blank=True)
    attribute = models.CharField(
        _("公开属性"),
        max_length=20,
        choices=DisclosureAttribute.choices,
        default=DisclosureAttribute.PROACTIVE,
    )
    exemption_reasons = models.JSONField(_("不予公开理由"), default=list, blank=True)
    body = models.TextField(_("正文"), blank=True)
    interpretation_url = models.URLField(_("政策解读链接"), blank=True)
    change_note = models.CharField(_("变更说明"), max_length=300, blank=True)
    check_findings = models.JSONField(_("自动检查结果"), default=list, blank=True)
    # Set only by the review gate when this exact version's review is approved.
    approved_at = models.DateTimeField(_("审查通过时间"), null=True, blank=True, editable=False)
    # Set when the portal first shows this version; the public 历史版本 page lists only
    # versions that have it.
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    scope_agency_field = "item__agency"

    class Meta:
        ordering = ["item", "-number"]
        verbose_name = _("信息版本")
        verbose_name_plural = _("信息版本")
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="unique_version_number")
        ]
        indexes = [models.Index(fields=["doc_no"], name="catalog_version_docno_idx")]

    def __str__(self) -> str:
        return f"{self.title}（第{self.number}版）"

    def audit_agency_id(self) -> int | None:
        return self.item.agency_id

    @property
    def block_findings(self) -> list[dict]:
        return [f for f in self.all_findings() if f["severity"] == "block"]

    def all_findings(self) -> list[dict]:
        """Findings of the text and of every attachment, each naming where it was found."""
        found = [dict(f, where="正文") for f in self.check_findings]
        for attachment in self.attachments.all():
            found += [dict(f, where=attachment.name) for f in attachment.check_findings]
        return found


class Attachment(AuditedModel):
    """A file of a version: type sniffed from its bytes, metadata stripped, text extracted."""

    version = models.ForeignKey(
        ItemVersion,
        verbose_name=_("信息版本"),
        on_delete=models.PROTECT,
        related_name="attachments",
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("所属机关"), on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("文件名"), max_length=200)
    # What the public reads instead of the uploaded file's name (which often says
    # "终稿2(1).docx"); by default the file name without its extension.
    title = models.CharField(_("附件标题"), max_length=200)
    file = models.FileField(_("文件"), upload_to="catalog/%Y/%m/")
    kind = models.CharField(_("类型"), max_length=10)
    size = models.PositiveBigIntegerField(_("大小（字节）"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    text = models.TextField(_("提取的文字"), blank=True)
    extraction_note = models.CharField(_("文字提取说明"), max_length=300, blank=True)
    check_findings = models.JSONField(_("自动检查结果"), default=list, blank=True)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    audit_exclude = frozenset({"text", "file"})

    class Meta:
        ordering = ["version", "pk"]
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self) -> str:
        return self.title or self.name


class AgencyGuide(AuditedModel):
    """An agency's own prose for its 政府信息公开指南 (Art. 12), shown beside the facts the guide
    is generated from (office, address, hours, phones, reading rooms); every section optional."""

    agency = models.OneToOneField(
        "agencies.Agency",
        verbose_name=_("所属机关"),
        on_delete=models.PROTECT,
        related_name="guide",
    )
    organisation = models.TextField(
        _("工作机构与职责补充说明"),
        blank=True,
        help_text=_("政府信息公开工作机构的设置、职责分工等，显示在“工作机构”一节"),
    )
    proactive = models.TextField(
        _("主动公开的方式与时限补充"),
        blank=True,
        help_text=_("除本平台外的公开渠道（公报、新闻发布会、政务新媒体等）及时限要求"),
    )
    on_application = models.TextField(
        _("依申请公开办理说明"),
        blank=True,
        help_text=_("申请的递交方式、办理流程、答复形式等本机关的具体做法"),
    )
    fees = models.TextField(
        _("收费说明"), blank=True, help_text=_("信息处理费的收取情况、标准及缴纳方式")
    )
    remedies = models.TextField(
        _("监督与救济补充"),
        blank=True,
        help_text=_("投诉举报受理机关、行政复议机关、管辖法院及其联系方式"),
    )
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    SECTIONS = ("organisation", "proactive", "on_application", "fees", "remedies")

    class Meta:
        verbose_name = _("政府信息公开指南")
        verbose_name_plural = _("政府信息公开指南")

    def __str__(self) -> str:
        return f"{self.agency}政府信息公开指南"


class IndexNumberSequence(models.Model):
    """The last 索引号 serial issued per agency and year; serials are never reused."""

    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("索引号序列")
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="unique_index_sequence")
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}/{self.year}: {self.last_serial}"
