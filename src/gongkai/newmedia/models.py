"""The register of an agency's 政务新媒体 accounts and the day each last posted."""

from datetime import timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency
from gongkai.core.models import AuditedModel

from .rules import STALE_AFTER_DAYS
from .states import AccountState


class Platform(models.TextChoices):
    WECHAT = "wechat", _("微信公众号")
    WEIBO = "weibo", _("微博")
    DOUYIN = "douyin", _("抖音")
    TOUTIAO = "toutiao", _("今日头条")
    KUAISHOU = "kuaishou", _("快手")
    CHANNELS = "channels", _("微信视频号")
    APP = "app", _("移动客户端")
    OTHER = "other", _("其他")


class LastPostSource(models.TextChoices):
    ENTERED = "entered", _("工作人员登记")
    IMPORTED = "imported", _("表格导入")


class NewMediaAccount(AuditedModel):
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="new_media", verbose_name=_("机关")
    )
    platform = models.CharField(_("平台"), max_length=12, choices=Platform.choices)
    name = models.CharField(_("账号名称"), max_length=60)
    account_id = models.CharField(_("账号（ID）"), max_length=60, blank=True)
    operator = models.CharField(
        _("运营单位"), max_length=100, help_text=_("实际负责账号内容发布和维护的单位或内设机构")
    )
    url = models.URLField(_("访问地址"), blank=True)
    last_post_on = models.DateField(_("最近发布日期"), null=True, blank=True)
    last_post_source = models.CharField(
        _("最近发布日期来源"), max_length=10, choices=LastPostSource.choices, blank=True
    )
    is_active = models.BooleanField(
        _("在用"), default=True, help_text=_("已关停或注销的账号取消勾选，不再提醒")
    )

    class Meta:
        verbose_name = _("政务新媒体账号")
        verbose_name_plural = _("政务新媒体账号")
        ordering = ["agency", "platform", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "platform", "name"], name="one_account_per_platform_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_platform_display()} · {self.name}"

    @property
    def state_label(self) -> str:
        """The state computed by `states.with_state`, in words."""
        return str(AccountState(self.state).label)

    @property
    def stale_after(self):
        """The last day a post keeps the account current."""
        if self.last_post_on is None:
            return None
        return self.last_post_on + timedelta(days=STALE_AFTER_DAYS)
