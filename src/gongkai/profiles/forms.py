"""The input of each transition of a profile version (one form per transition)."""

from django import forms
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from .models import LeaderEntry, ProfileUnit, ProfileVersion
from .photos import PHOTO_MAX_BYTES, Upload

_DATE = forms.DateInput(attrs={"type": "date"})


BASIC_FORM_FIELDS = (
    "duties",
    "address",
    "postcode",
    "phone",
    "fax",
    "email",
    "office_hours",
    "change_note",
    "effective_on",
)


class BasicForm(forms.Form):
    """The version's duties and basic information, with what changed and from when."""

    def __init__(self, *args, version: ProfileVersion, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(
            fields_for_model(
                ProfileVersion,
                fields=BASIC_FORM_FIELDS,
                widgets={"duties": forms.Textarea(attrs={"rows": 8}), "effective_on": _DATE},
            )
        )
        if not self.is_bound:
            self.initial = {name: getattr(version, name) for name in BASIC_FORM_FIELDS}


class _PhotoField(forms.FileField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("照片"),
            required=False,
            help_text=_("PNG 或 JPEG 图片，不超过 %(mb)d MB；上传时去除拍摄信息等元数据")
            % {"mb": PHOTO_MAX_BYTES // (1024 * 1024)},
            **kwargs,
        )


def upload_of(file) -> Upload | None:
    """The uploaded photo's name and bytes, for the service; None when none was sent."""
    return Upload(file.name, file.read()) if file else None


class _Scoped:
    """A form choosing one of the version's own units or leaders."""

    def __init__(self, *args, version: ProfileVersion, **kwargs):
        super().__init__(*args, **kwargs)
        if "unit" in self.fields:
            self.fields["unit"].queryset = ProfileUnit.objects.filter(version=version)
        if "leader" in self.fields:
            self.fields["leader"].queryset = LeaderEntry.objects.filter(
                version=version
            ).select_related("leader")


class LeaderChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, entry: LeaderEntry) -> str:
        return f"{entry.leader.name}（{entry.post}）"


class UnitForm(_Scoped, forms.Form):
    unit = forms.ModelChoiceField(
        label=_("修改哪个内设机构"),
        queryset=ProfileUnit.objects.none(),
        required=False,
        empty_label="（新增）",
    )
    name = forms.CharField(label=_("名称"), max_length=60)
    duties = forms.CharField(label=_("主要职责"), widget=forms.Textarea(attrs={"rows": 4}))
    phone = ProfileUnit._meta.get_field("phone").formfield()
    sort_order = forms.IntegerField(label=_("排序"), min_value=0, max_value=9999, initial=100)


class RemoveUnitForm(_Scoped, forms.Form):
    unit = forms.ModelChoiceField(label=_("内设机构"), queryset=ProfileUnit.objects.none())


class AddLeaderForm(_Scoped, forms.Form):
    name = forms.CharField(label=_("姓名"), max_length=40)
    post = forms.CharField(label=_("职务"), max_length=60)
    took_office = forms.DateField(label=_("任职日期"), widget=_DATE)
    portfolio = forms.CharField(
        label=_("分工"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    cv = forms.CharField(label=_("简历"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    photo = _PhotoField()


class ChangeLeaderForm(_Scoped, forms.Form):
    leader = LeaderChoiceField(label=_("领导"), queryset=LeaderEntry.objects.none())
    post = forms.CharField(label=_("职务"), max_length=60)
    portfolio = forms.CharField(
        label=_("分工"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    cv = forms.CharField(label=_("简历"), required=False, widget=forms.Textarea(attrs={"rows": 5}))
    sort_order = forms.IntegerField(label=_("排序"), min_value=0, max_value=9999, initial=100)
    photo = _PhotoField()


class LeaderLeavesForm(_Scoped, forms.Form):
    leader = LeaderChoiceField(label=_("离任的领导"), queryset=LeaderEntry.objects.none())
    left_on = forms.DateField(label=_("离任日期"), widget=_DATE)


class ReturnForm(forms.Form):
    reason = forms.CharField(label=_("退回理由"), widget=forms.Textarea(attrs={"rows": 3}))
