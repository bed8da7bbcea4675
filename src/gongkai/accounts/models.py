"""Staff accounts. Roles are held through agencies.Membership."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import AuditedModel


class User(AuditedModel, AbstractUser):
    full_name = models.CharField(_("姓名"), max_length=40, blank=True)
    phone = models.CharField(_("手机号码"), max_length=20, blank=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("所在机关"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
    # The daily digest of the inbox (`gongkai tick`); each user turns it off on 账号安全.
    receives_digest = models.BooleanField(_("接收每日待办邮件"), default=True)

    objects = UserManager()
    audit_exclude = frozenset({"password", "last_login"})

    class Meta:
        verbose_name = _("人员")
        verbose_name_plural = _("人员")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.username


class DigestDelivery(models.Model):
    """That a user's daily inbox digest went out on a day: `gongkai tick` sends one a day."""

    user = models.ForeignKey(
        User, verbose_name=_("人员"), on_delete=models.CASCADE, related_name="digests"
    )
    day = models.DateField(_("日期"))
    sent_at = models.DateTimeField(_("发送时间"), auto_now_add=True)
    entries = models.PositiveSmallIntegerField(_("待办类数"))

    class Meta:
        verbose_name = _("待办邮件发送记录")
        verbose_name_plural = _("待办邮件发送记录")
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="one_digest_per_user_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.day}"
