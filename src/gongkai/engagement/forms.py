"""Forms of the public message page, the look-up, staff registration and each move."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gongkai.agencies import access
from gongkai.agencies.models import Agency

from .channels import open_channels
from .models import SUBJECT_MAX_CHARS, TEXT_MAX_CHARS, Channel, MessageSource
from .services import Submission, Upload


def no_lone_surrogates(value: str) -> None:
    """Text that cannot be stored or shown (a half of a UTF-16 pair, from a broken client)."""
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise ValidationError(_("内容含有无法识别的字符，请删除乱码后重新提交"))


def text_field(label: str, max_length: int, **options) -> forms.CharField:
    """A text input with its refusals in Chinese, naming the field; also the hotline's forms."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        validators=[no_lone_surrogates],
        error_messages={
            "required": _("请填写%(label)s") % {"label": label},
            "max_length": _("%(label)s不能超过%%(limit_value)d字（现为%%(show_value)d字）")
            % {"label": label},
        },
        **options,
    )


def handlers_of(agency):
    """The active staff who may handle the agency's messages."""
    roles = access.ACTION_ROLES["message.handle"]
    return (
        get_user_model()
        .objects.filter(is_active=True, memberships__agency=agency, memberships__role__in=roles)
        .distinct()
        .order_by("full_name", "username")
    )


class ChannelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, channel: Channel) -> str:
        return f"{channel.agency.name} · {channel.get_kind_display()}"


class MessageForm(forms.Form):
    """What a writer states, on the portal or as staff take it from a letter or a visit."""

    channel = ChannelChoiceField(
        label=_("向哪个机关、哪类渠道留言"), queryset=None, empty_label="请选择"
    )
    subject = text_field(_("标题"), SUBJECT_MAX_CHARS)
    text = text_field(_("内容"), TEXT_MAX_CHARS, widget=forms.Textarea(attrs={"rows": 8}))
    writer_name = text_field(_("姓名"), 50, required=False)
    anonymous = forms.BooleanField(label=_("匿名留言（咨询和领导信箱须署名）"), required=False)
    phone = text_field(_("联系电话"), 40, required=False)
    email = forms.EmailField(label=_("电子邮箱"), required=False, validators=[no_lone_surrogates])
    publish_consent = forms.BooleanField(
        label=_("同意公开答复（公开时隐去姓名、证件号码、电话等个人信息）"), required=False
    )
    attachment = forms.FileField(
        label=_("附件（可选）"),
        required=False,
        help_text=_("PDF、Word、Excel 或 PNG/JPEG 图片，不超过 20 MB"),
    )

    def __init__(self, *args, channels=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["channel"].queryset = open_channels() if channels is None else channels

    def submission(self) -> Submission:
        data = self.cleaned_data
        upload = data.get("attachment")
        return Submission(
            subject=data["subject"],
            text=data["text"],
            writer_name=data.get("writer_name", ""),
            anonymous=data.get("anonymous", False),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            page_url=data.get("page_url", ""),
            page_excerpt=data.get("page_excerpt", ""),
            publish_consent=data.get("publish_consent", False),
            attachment=Upload(upload.name, upload.read()) if upload else None,
        )


class PublicMessageForm(MessageForm):
    submission_token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    # Filled by the 找错 entrance: the page the writer was reading and the words they chose.
    page_url = forms.URLField(
        label=_("出错页面地址"),
        required=False,
        max_length=500,
        assume_scheme="https",
        validators=[no_lone_surrogates],
    )
    page_excerpt = text_field(_("出错的文字"), 500, required=False)
    field_order = ["channel", "page_url", "page_excerpt"]


class StaffMessageForm(MessageForm):
    source = forms.ChoiceField(
        label=_("来源"),
        choices=[(s.value, s.label) for s in MessageSource if s != MessageSource.ONLINE],
    )
    received_on = forms.DateField(
        label=_("收到日期"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    field_order = ["channel", "source", "received_on"]

    def __init__(self, *args, user, **kwargs):
        agencies = access.agencies_for(user, "message.handle")
        super().__init__(
            *args,
            channels=Channel.objects.filter(agency__in=agencies).select_related("agency"),
            **kwargs,
        )


class LookupForm(forms.Form):
    lookup_code = text_field(_("查询码"), 20)
    contact = text_field(_("留言时填写的联系电话或电子邮箱"), 254)


class RefuseForm(forms.Form):
    reason = text_field(
        _("不予受理的理由"),
        1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("留言人凭查询码可以看到"),
    )


class HandlerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user) -> str:
        return user.full_name or user.username


class AcceptForm(forms.Form):
    complex_case = forms.BooleanField(
        label=_("复杂事项（按本渠道较长的答复时限计）"), required=False
    )
    handler = HandlerChoiceField(
        label=_("承办人"),
        queryset=None,
        required=False,
        empty_label="由我承办",
        help_text=_("留言列入承办人的“我的”列表"),
    )

    def __init__(self, *args, message, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = handlers_of(message.agency)


class TransferForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("转给本机关的内设机构"), queryset=None, required=False, empty_label="—"
    )
    agency = forms.ModelChoiceField(
        label=_("或转给其他机关"), queryset=None, required=False, empty_label="—"
    )
    reason = text_field(_("转办理由"), 1000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, message, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = message.agency.units.all()
        self.fields["agency"].queryset = Agency.objects.active().exclude(pk=message.agency_id)


class ExtendForm(forms.Form):
    workdays = forms.IntegerField(
        label=_("延长的工作日数"),
        min_value=1,
        error_messages={
            "required": _("请填写延长的工作日数"),
            "min_value": _("延长的工作日数至少为1"),
        },
    )
    reason = text_field(
        _("延期理由"),
        1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("在答复期限届满前告知留言人，凭查询码可以看到"),
    )


class ReplyForm(forms.Form):
    text = text_field(_("答复内容"), TEXT_MAX_CHARS, widget=forms.Textarea(attrs={"rows": 8}))
    publish_reply = forms.BooleanField(
        label=_("在门户公开答复（留言人同意公开时）"), required=False
    )
    masked_names = text_field(
        _("公开时隐去的姓名"),
        300,
        required=False,
        help_text=_("多个姓名用顿号或空格分隔；证件号码、电话、银行卡号和留言人姓名自动隐去"),
    )

    def __init__(self, *args, message, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish_reply"].initial = message.channel.publish_by_default


class ReworkForm(forms.Form):
    reason = text_field(_("修改意见"), 1000, widget=forms.Textarea(attrs={"rows": 2}))


class ChannelForm(forms.ModelForm):
    """An agency's limits for one channel; open messages follow the new limits at once."""

    class Meta:
        model = Channel
        fields = [
            "reply_workdays",
            "complex_workdays",
            "warn_workdays",
            "max_extension_workdays",
            "publish_by_default",
            "anonymous_allowed",
            "requires_leader_check",
            "unit",
            "is_open",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = self.instance.agency.units.all()
        for name in ("reply_workdays", "complex_workdays", "max_extension_workdays"):
            self.fields[name].min_value = 1
            self.fields[name].widget.attrs["min"] = 1

    def clean(self):
        data = super().clean()
        reply, longer = data.get("reply_workdays"), data.get("complex_workdays")
        if reply and longer and longer < reply:
            self.add_error("complex_workdays", _("复杂事项的答复时限不能短于一般时限"))
        return data
