"""An agency's account, and the spreadsheet of last posts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import LastPostSource, NewMediaAccount


class AccountForm(forms.ModelForm):
    url = forms.URLField(label=_("访问地址"), required=False, assume_scheme="https")

    class Meta:
        model = NewMediaAccount
        fields = ["platform", "name", "account_id", "operator", "url", "last_post_on", "is_active"]
        widgets = {"last_post_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.agency = agency

    def clean(self):
        data = super().clean()
        same = NewMediaAccount.objects.filter(
            agency=self.instance.agency, platform=data.get("platform"), name=data.get("name")
        ).exclude(pk=self.instance.pk)
        if same.exists():
            self.add_error("name", _("本机关在该平台已有同名账号"))
        if "last_post_on" in self.changed_data:
            self.instance.last_post_source = (
                LastPostSource.ENTERED if data.get("last_post_on") else ""
            )
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("表格文件（CSV）"),
        help_text=_("首行为“平台,账号名称,最近发布日期”，每个账号一行；UTF-8 或 GB18030 编码"),
    )
