"""Forms of the staff workbench."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from gongkai.agencies.models import Agency, InternalUnit, ReadingRoom, ReadingRoomDelivery, Role

AGENCY_FIELDS = [
    "name",
    "short_name",
    "credit_code",
    "kind",
    "level",
    "sort_order",
    "address",
    "postcode",
    "office_hours",
    "phone",
    "fax",
    "email",
    "website",
    "disclosure_office",
    "disclosure_office_head",
    "disclosure_office_phone",
    "fee_payee",
    "fee_bank",
    "fee_account",
    "fee_counter",
]


class AgencyForm(forms.ModelForm):
    website = forms.URLField(label=_("网站"), required=False, assume_scheme="https")

    class Meta:
        model = Agency
        fields = AGENCY_FIELDS
        error_messages = {
            "name": {"unique": _("已有同名机关")},
            "credit_code": {"unique": _("该统一社会信用代码已被其他机关使用")},
        }


class InternalUnitForm(forms.ModelForm):
    class Meta:
        model = InternalUnit
        fields = ["name", "phone", "sort_order", "is_active"]

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.agency = agency

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        clash = InternalUnit.objects.filter(agency=self.instance.agency, name=name)
        if clash.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("本机关已有同名内设机构"))
        return name


class ReadingRoomForm(forms.ModelForm):
    class Meta:
        model = ReadingRoom
        fields = ["name", "address", "opening_hours", "phone"]

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.agency = agency


class VisitForm(forms.Form):
    day = forms.DateField(label=_("日期"), widget=forms.DateInput(attrs={"type": "date"}))
    count = forms.IntegerField(
        label=_("到访人次"),
        min_value=0,
        max_value=100000,
        help_text=_("只记人数，不记姓名等个人信息；同一日期再次登记即更正该日人次"),
    )


class DeliveryForm(forms.ModelForm):
    class Meta:
        model = ReadingRoomDelivery
        fields = [
            "kind",
            "title",
            "copies",
            "delivered_on",
            "delivered_by",
            "received_by",
            "note",
        ]
        widgets = {"delivered_on": forms.DateInput(attrs={"type": "date"})}


class StaffRolesForm(forms.Form):
    full_name = forms.CharField(label=_("姓名"), max_length=40)
    phone = forms.RegexField(
        label=_("手机号码"),
        regex=r"^1\d{10}$",
        required=False,
        error_messages={"invalid": _("手机号码应为以1开头的11位数字")},
    )
    roles = forms.MultipleChoiceField(label=_("角色"), widget=forms.CheckboxSelectMultiple)
    unit = forms.ModelChoiceField(
        label=_("内设机构"), queryset=InternalUnit.objects.none(), required=False
    )
    is_active = forms.BooleanField(label=_("账号在用"), required=False, initial=True)

    def __init__(self, *args, agency: Agency, grantable: tuple[str, ...], **kwargs):
        """`grantable`: the roles the acting user may grant at `agency` (from access)."""
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = agency.units.filter(is_active=True)
        self.fields["roles"].choices = [(role, Role(role).label) for role in grantable]


class StaffCreateForm(StaffRolesForm):
    username = forms.RegexField(
        label=_("登录名"),
        regex=r"^[A-Za-z0-9_.\-]{3,40}$",
        error_messages={"invalid": _("登录名为3至40位字母、数字、下划线、点或短横线")},
    )
    password = forms.CharField(label=_("初始密码"), widget=forms.PasswordInput, strip=False)
    field_order = ["username", "full_name", "phone", "password", "roles", "unit"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["is_active"]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("该登录名已被使用"))
        return username

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            try:
                password_validation.validate_password(
                    password, get_user_model()(username=cleaned.get("username", ""))
                )
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return cleaned


class AuditFilterForm(forms.Form):
    record_type = forms.CharField(label=_("记录类型"), required=False)
    action = forms.CharField(label=_("操作"), required=False)
    actor = forms.CharField(label=_("操作人"), required=False)
    # The rows one action wrote, reached from a row's 「同一操作」 link.
    correlation = forms.RegexField(
        label=_("同一操作"),
        regex=r"^[0-9a-f]{32}$",
        required=False,
        error_messages={"invalid": _("操作编号应为32位十六进制数字")},
    )
