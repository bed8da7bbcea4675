"""Forms of each move of a work order, the import page and a category's limits."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.agencies import access
from gongkai.engagement.forms import text_field

from . import services
from .models import CONTENT_MAX_CHARS, OrderCategory, Satisfaction


def _reason(label: str, **options) -> forms.CharField:
    return text_field(label, 1000, widget=forms.Textarea(attrs={"rows": 2}), **options)


class ReturnForm(forms.Form):
    reason = _reason(
        _("退单理由"),
        help_text=_("写明为何不属于本单位办理、应由哪个单位办理；提交后由分管领导或主管部门审核"),
    )


class ApproveReturnForm(forms.Form):
    opinion = _reason(_("审核意见"), required=False)


class RejectReturnForm(forms.Form):
    opinion = _reason(_("驳回理由"), help_text=_("工单回到退单前的状态，继续办理"))


class ReassignForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("改派给本机关的内设机构"), queryset=None, required=False, empty_label="—"
    )
    handler = forms.ModelChoiceField(
        label=_("或改派给承办人"), queryset=None, required=False, empty_label="—"
    )
    reason = _reason(_("改派理由"))

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = order.agency.units.all()
        self.fields["handler"].queryset = services.handlers_of(order.agency)
        self.fields["handler"].label_from_instance = lambda user: user.full_name or user.username


class ExtendForm(forms.Form):
    workdays = forms.IntegerField(
        label=_("延长的工作日数"),
        min_value=1,
        error_messages={
            "required": _("请填写延长的工作日数"),
            "min_value": _("延长的工作日数至少为1"),
        },
    )
    reason = _reason(_("延期理由"), help_text=_("在办理期限届满前向平台申请"))


class MergeForm(forms.Form):
    into_number = text_field(
        _("并入的工单编号"),
        64,
        help_text=_("同一来电人或同一事项的重复工单并入先前的工单，一并答复"),
    )

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        if order.repeat_of_id:
            self.fields["into_number"].initial = order.repeat_of.number


class ReplyForm(forms.Form):
    text = text_field(_("答复内容"), CONTENT_MAX_CHARS, widget=forms.Textarea(attrs={"rows": 6}))


class CallbackForm(forms.Form):
    callback_on = forms.DateField(
        label=_("回访日期"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("请填写回访日期"),
            "invalid": _("回访日期格式应为YYYY-MM-DD"),
        },
    )
    satisfaction = forms.ChoiceField(
        label=_("满意度"),
        choices=[("", "请选择"), *Satisfaction.choices],
        error_messages={"required": _("请选择回访的满意度")},
    )
    note = _reason(_("回访情况"), required=False)

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["callback_on"].initial = timezone.localdate()


class ImportForm(forms.Form):
    action = "workorder.handle"
    agency = forms.ModelChoiceField(label=_("承办机关"), queryset=None, empty_label=None)
    file = forms.FileField(
        label=_("平台导出的工单文件"),
        help_text=_("CSV、XLSX 或 JSON；同一工单编号重复导入不会重复登记"),
    )
    mapping = forms.CharField(
        label=_("列名对应（可选）"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("平台列名与默认不同时填写，每行一项：本系统字段=文件列名，如 工单编号=工单号"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = access.agencies_for(user, self.action)


class CallImportForm(ImportForm):
    action = "call.handle"

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["file"].label = _("话务系统导出的来电记录")
        self.fields["file"].help_text = _("CSV、XLSX 或 JSON；同一呼叫流水号重复导入不会重复登记")
        self.fields["mapping"].help_text = _(
            "列名与默认不同时填写，每行一项：本系统字段=文件列名，如 呼叫流水号=流水号"
        )


class CategoryForm(forms.ModelForm):
    """An agency's limits for one category; open orders follow the new limits at once."""

    class Meta:
        model = OrderCategory
        fields = ["limit_workdays", "warn_workdays", "max_extension_workdays", "basis"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("limit_workdays", "max_extension_workdays"):
            self.fields[name].min_value = 1
            self.fields[name].widget.attrs["min"] = 1


class CallBackForm(forms.Form):
    reached = forms.TypedChoiceField(
        label=_("回拨结果"),
        choices=[("", "请选择"), ("yes", "已接通"), ("no", "未接通")],
        coerce=lambda value: value == "yes",
        error_messages={"required": _("请选择回拨结果")},
    )
    note = _reason(_("回拨情况"), required=False, help_text=_("未接通时写明情况，稍后再拨"))
