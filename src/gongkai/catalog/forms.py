"""Workbench forms for catalog items and their attachments."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.functions import Coalesce

from .attachments import max_bytes
from .models import (
    ENTERED_FIELDS,
    AgencyGuide,
    ExemptionReason,
    Genre,
    ItemStatus,
    ItemVersion,
    Topic,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TopicChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Topic) -> str:
        return str(obj)


class ItemForm(forms.ModelForm):
    """The content and metadata of the working version (ogi-spec §5.2)."""

    exemption_reasons = forms.MultipleChoiceField(
        label="不予公开理由",
        choices=ExemptionReason.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="公开属性为“不予公开”时必选",
    )
    interpretation_url = forms.URLField(
        label="政策解读链接", required=False, assume_scheme="https", max_length=200
    )
    topic = TopicChoiceField(
        label="主题分类",
        queryset=Topic.objects.none(),
        required=False,
    )

    class Meta:
        model = ItemVersion
        fields = list(ENTERED_FIELDS)
        widgets = {
            "written_on": DateInput(),
            "formed_on": DateInput(),
            "effective_on": DateInput(),
            "expires_on": DateInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 14}),
        }
        help_texts = {"doc_no": "如“某政发〔2026〕3号”；括号、前导0等常见写法错误会自动更正"}

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        # A deactivated topic or genre is offered no more, but an item that carries one keeps it.
        version = self.instance
        self.fields["topic"].queryset = (
            Topic.objects.filter(
                (
                    Q(is_active=True)
                    & (Q(parent__isnull=True) | Q(parent__is_active=True))
                    # Leaves only: sub-categories, and top categories without any (e.g. 其他).
                    & (Q(parent__isnull=False) | Q(children__isnull=True))
                )
                | Q(pk=version.topic_id)
            )
            .distinct()
            .select_related("parent")
            .order_by(Coalesce("parent__sort_order", "sort_order"), "parent_id", "sort_order")
        )
        self.fields["genre"].queryset = Genre.objects.filter(
            Q(is_active=True) | Q(pk=version.genre_id)
        )
        self.fields["publisher"].required = False
        if agencies is not None:
            self.fields = {
                "agency": forms.ModelChoiceField(
                    label="所属机关", queryset=agencies, initial=agencies.first()
                ),
                **self.fields,
            }

    def content(self) -> dict:
        """The cleaned values as the catalog services take them."""
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["exemption_reasons"] = list(data["exemption_reasons"])
        return data

    def _post_clean(self):
        # Model validation happens in the service, which also normalises the 文号 first.
        pass


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label="附件文件", help_text="PDF、Word（.docx）、Excel（.xlsx）或 PNG/JPEG 图片"
    )
    title = forms.CharField(
        label="附件标题",
        max_length=200,
        required=False,
        help_text="门户上显示的名称，如“2026年低保标准调整表”；留空则用文件名（不含扩展名）",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload is None:
            return upload
        limit = max_bytes()
        if upload.size > limit:
            raise ValidationError(
                f"文件大小为 {upload.size / 1048576:.1f} MB，超过 {limit / 1048576:.0f} MB 的上限。"
            )
        return upload


class AttachmentChangeForm(AttachmentForm):
    """A file of the working version: its title, and optionally a file that replaces it."""

    file = forms.FileField(
        label="替换为新文件",
        required=False,
        help_text="不替换文件则留空；新文件同样检查类型、去除文档属性并重新自动检查",
    )
    title = forms.CharField(
        label="附件标题", max_length=200, help_text="门户上显示的名称，代替文件名"
    )


class SignForm(forms.Form):
    decision = forms.ChoiceField(
        label="审查结论",
        choices=[
            ("approve", "同意"),
            ("return", "退回修改"),
            ("escalate", "提请保密部门或主管部门确定"),
        ],
        widget=forms.RadioSelect,
    )
    legal_basis = forms.CharField(
        label="依据", max_length=300, help_text="如《政府信息公开条例》第十九条、第二十条"
    )
    opinion = forms.CharField(label="审查意见", required=False, widget=forms.Textarea({"rows": 3}))
    on_behalf_of = forms.CharField(label="受托代签（委托人姓名）", max_length=60, required=False)


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label="放行理由", widget=forms.Textarea({"rows": 3}), help_text="说明为什么这些问题可以公开"
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", max_length=300)


class RevisionForm(forms.Form):
    change_note = forms.CharField(label="修订说明", max_length=300)


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label="定时发布时间",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


class ItemFilterForm(forms.Form):
    q = forms.CharField(label="标题、文号或索引号", required=False)
    status = forms.ChoiceField(
        label="状态", choices=[("", "全部状态"), *ItemStatus.choices], required=False
    )


class GuideForm(forms.ModelForm):
    """The agency's own sections of its 政府信息公开指南; each may stay empty."""

    class Meta:
        model = AgencyGuide
        fields = list(AgencyGuide.SECTIONS)
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in AgencyGuide.SECTIONS}


class TaxonomyAddForm(forms.Form):
    """A new topic (under an optional first-level one) or a new genre."""

    name = forms.CharField(label="名称", max_length=40)
    parent = forms.ModelChoiceField(
        label="上级分类",
        queryset=Topic.objects.filter(parent__isnull=True),
        required=False,
        empty_label="（作为一级分类）",
    )
    is_document_type = forms.BooleanField(label="法定公文文种", required=False)

    def __init__(self, *args, model: type[Topic] | type[Genre], **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["is_document_type" if model is Topic else "parent"]
