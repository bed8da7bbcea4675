"""Forms of intake (public and staff) and of each case transition; services do the checking."""

from dataclasses import fields

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from gongkai.agencies import access
from gongkai.agencies.models import Agency, InternalUnit

from . import services
from .fees import FeeMethod, per_item_fee
from .models import Channel, DeliveryMethod, IdType, LetterKind, ProvisionForm
from .outcomes import LEGAL_BASIS, ApplicantCategory, Outcome


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def _on_field(label: str = "日期") -> forms.DateField:
    return forms.DateField(label=label, widget=DateInput, initial=services.today)


# applicant-type.js shows only the fields of the chosen kind of applicant; without scripts
# both stay visible and the service checks the ones that apply.
PERSON_ONLY = {"data-applicant-only": "person"}
ORGANISATION_ONLY = {"data-applicant-only": "organisation"}


class IntakeForm(forms.Form):
    """What the applicant states (Art. 29); a form on the portal and in the workbench."""

    applicant_category = forms.ChoiceField(
        label=_("申请人类别"),
        choices=ApplicantCategory.choices,
        initial=ApplicantCategory.NATURAL_PERSON,
        help_text=_("自然人，或法人、其他组织的类型"),
        widget=forms.Select(attrs={"data-applicant-category": ""}),
    )
    applicant_name = forms.CharField(label=_("姓名或单位名称"), max_length=100)
    id_type = forms.ChoiceField(
        label=_("证件类型（自然人填写）"),
        choices=[("", "—"), *IdType.choices],
        required=False,
        initial=IdType.RESIDENT_ID,
        widget=forms.Select(attrs=PERSON_ONLY),
    )
    id_number = forms.CharField(
        label=_("证件号码（自然人填写）"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs=PERSON_ONLY),
    )
    credit_code = forms.CharField(
        label=_("统一社会信用代码（法人或其他组织填写）"),
        max_length=18,
        required=False,
        widget=forms.TextInput(attrs=ORGANISATION_ONLY),
    )
    legal_representative = forms.CharField(
        label=_("法定代表人或负责人（法人或其他组织填写）"),
        max_length=50,
        required=False,
        widget=forms.TextInput(attrs=ORGANISATION_ONLY),
    )
    contact_person = forms.CharField(label=_("联系人"), max_length=50, required=False)
    phone = forms.CharField(
        label=_("联系电话"), max_length=40, help_text=_("凭查询码和此电话号码查询办理进度")
    )
    email = forms.EmailField(label=_("电子邮箱"), required=False)
    address = forms.CharField(label=_("通信地址"), max_length=200, required=False)
    postcode = forms.RegexField(
        label=_("邮政编码"),
        regex=r"^\d{6}$",
        required=False,
        error_messages={"invalid": _("邮政编码应为6位数字")},
    )
    description = forms.CharField(
        label=_("所需政府信息的名称或内容描述"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("请尽量写明信息的名称、文号、制作时间等特征"),
    )
    document_number = forms.CharField(label=_("文号（如知道）"), max_length=100, required=False)
    provision_form = forms.ChoiceField(
        label=_("获取信息的方式"), choices=ProvisionForm.choices, widget=forms.RadioSelect
    )
    delivery_method = forms.ChoiceField(
        label=_("提供信息的途径"), choices=DeliveryMethod.choices, widget=forms.RadioSelect
    )

    def intake(self, **extra) -> services.Intake:
        names = {f.name for f in fields(services.Intake)}
        data = {k: ("" if v is None else v) for k, v in self.cleaned_data.items() if k in names}
        return services.Intake(**(data | extra))


class PublicApplicationForm(IntakeForm):
    submission_token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    agency = forms.ModelChoiceField(
        label=_("向哪个机关申请"), queryset=Agency.objects.active(), empty_label="请选择机关"
    )
    field_order = ["agency"]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ScanField(forms.FileField):
    """One or more files chosen at once; the service decides what each really is."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if self.required and not files:
            raise forms.ValidationError("请选择要上传的扫描件")
        return [super(ScanField, self).clean(f, initial) for f in files]

    def uploads(self, files) -> list[services.Upload]:
        return [services.Upload(f.name, f.read()) for f in files]


def _scan_field(required: bool) -> ScanField:
    return ScanField(
        label=_("申请材料扫描件"),
        required=required,
        help_text=_("PDF、JPEG 或 PNG，可一次选择多个文件"),
    )


class ScanForm(forms.Form):
    scans = _scan_field(required=True)

    def uploads(self) -> list[services.Upload]:
        return self.fields["scans"].uploads(self.cleaned_data["scans"])


class StaffIntakeForm(IntakeForm):
    channel = forms.ChoiceField(label=_("申请方式"), choices=Channel.choices)
    received_on = forms.DateField(
        label=_("收到申请日期"),
        widget=DateInput,
        initial=services.today,
        help_text=_("按第三十一条确定：当面提交之日、签收之日或双方确认之日"),
    )
    scans = _scan_field(required=False)
    field_order = ["channel", "received_on"]

    def uploads(self) -> list[services.Upload]:
        return self.fields["scans"].uploads(self.cleaned_data.get("scans") or [])


class AssignForm(forms.Form):
    handler = forms.ModelChoiceField(label=_("承办人"), queryset=None)
    unit = forms.ModelChoiceField(label=_("内设机构"), queryset=None, required=False)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        staff = get_user_model().objects.filter(
            memberships__agency=case.agency,
            memberships__role__in=access.ACTION_ROLES["case.handle"],
        )
        self.fields["handler"].queryset = staff.distinct().order_by("username")
        self.fields["unit"].queryset = InternalUnit.objects.filter(agency=case.agency)


class CorrectionForm(forms.Form):
    on = _on_field("告知日期")
    deadline = forms.DateField(label=_("补正期限"), widget=DateInput)
    items = forms.CharField(
        label=_("需要补正的事项（一次性告知）"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ReceiveCorrectionForm(forms.Form):
    on = _on_field("收到补正日期")
    note = forms.CharField(label=_("说明"), required=False, max_length=500)


class DateOnlyForm(forms.Form):
    on = _on_field()


class ConsultationStartForm(forms.Form):
    on = _on_field("发出征求意见日期")
    party_kind = forms.ChoiceField(
        label=_("征求意见对象"), choices=list(services.ConsultedParty.LABELS.items())
    )
    party = forms.CharField(label=_("第三方或机关名称"), max_length=100)


class ConsultationEndForm(forms.Form):
    on = _on_field("收到意见日期")
    answer = forms.CharField(
        label=_("第三方或机关的意见"), widget=forms.Textarea(attrs={"rows": 2})
    )


class ExtensionForm(forms.Form):
    on = _on_field("申请日期")
    workdays = forms.IntegerField(label=_("延长工作日数"), min_value=0, initial=20)
    reason = forms.CharField(label=_("延期理由"), widget=forms.Textarea(attrs={"rows": 2}))


FEE_PAYMENT_MISSING = _(
    "本机关尚未设置信息处理费的缴费方式（收款单位、开户银行和账号，或现场缴费地点和时间），"
    "收费通知书将只能请申请人来电咨询如何缴费。请机关管理员先在机关信息中填写。"
)


class FeeForm(forms.Form):
    on = _on_field("申请人收到收费通知日期")
    method = forms.ChoiceField(label=_("计收方式"), choices=FeeMethod.choices)
    pages = forms.IntegerField(label=_("页数（按量计收时填写）"), min_value=0, required=False)
    charged = forms.DecimalField(
        label=_("实收金额（元，减免时填写）"), required=False, min_value=0, decimal_places=2
    )
    reduction_reason = forms.CharField(label=_("减免理由"), required=False, max_length=500)

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        rank = services.rank_in_month(case)
        month = f"{case.received_on.year}年{case.received_on.month}月"
        self.fields["method"].help_text = (
            f"按件计收：本申请是该申请人{month}向本机关提出的第{rank}件申请"
            f"（按证件号码或统一社会信用代码统计），应收{per_item_fee(rank)}元"
        )
        self.warning = "" if case.agency.fee_payment_details else FEE_PAYMENT_MISSING


class DecideForm(forms.Form):
    on = _on_field("答复日期")
    outcome = forms.ChoiceField(
        label=_("办理结果"), choices=[(o.value, o.label) for o in services.DECIDABLE]
    )
    legal_basis = forms.CharField(
        label=_("法律依据"),
        required=False,
        max_length=300,
        help_text=_("留空则不能提交；所选结果的常用依据见下"),
    )
    reasons = forms.CharField(
        label=_("理由（除予以公开外必填）"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    not_this_organs = forms.BooleanField(
        label=_("不属于本机关负责公开（第三十六条第（五）项）"),
        required=False,
        help_text=_("勾选时办理结果选「无法提供：本机关不掌握相关政府信息」，并填写负责公开的机关"),
    )
    responsible_organ = forms.CharField(
        label=_("负责公开该信息的行政机关"), max_length=100, required=False
    )
    responsible_contact = forms.CharField(
        label=_("该机关的联系方式（能够确定的）"), max_length=200, required=False
    )

    enclosures = forms.CharField(
        label=_("随答复提供的信息（附件）"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_(
            "予以公开或部分公开时，每行写一件随答复书提供的文件或信息的名称，答复书列为附件"
        ),
    )

    basis_hints = [(Outcome(o).label, b) for o, b in LEGAL_BASIS.items() if b]

    def clean_enclosures(self) -> list[str]:
        lines = self.cleaned_data["enclosures"].splitlines()
        return [line.strip() for line in lines if line.strip()]


class DeliverForm(forms.Form):
    on = _on_field("送达日期")
    method = forms.ChoiceField(label=_("送达方式"), choices=DeliveryMethod.choices)
    tracking_number = forms.CharField(label=_("邮件单号（邮寄时填写）"), required=False)


class LetterForm(forms.Form):
    kind = forms.ChoiceField(label=_("文书种类"), choices=LetterKind.choices)


class StatusLookupForm(forms.Form):
    tracking_code = forms.CharField(label=_("查询码"), max_length=20)
    phone = forms.CharField(label=_("申请时填写的联系电话"), max_length=40)


class DeadlineCalculatorForm(forms.Form):
    start = forms.DateField(label=_("起算日期"), widget=DateInput, initial=services.today)
    workdays = forms.IntegerField(label=_("工作日数"), min_value=1, max_value=200, initial=20)


class LetterTemplateForm(forms.Form):
    kind = forms.ChoiceField(label=_("文书种类"), choices=LetterKind.choices)
    body = forms.CharField(
        label=_("正文模板"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "用 {{ 申请人 }}、{{ 申请编号 }}、{{ 收到日期 }}、{{ 所需信息 }}、{{ 查询码 }} 等字段；"
            "各文书可用的其他字段见默认模板。清空正文并保存即恢复默认模板。"
        ),
        required=False,
    )
