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

    objects = UserManager()
    audit_exclude = frozenset({"password", "last_login"})

    class Meta:
        verbose_name = _("人员")
        verbose_name_plural = _("人员")
        ordering = ["username"]

    def __str__(self) -> str:
        return self.full_name or self.username
