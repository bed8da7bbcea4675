"""Workbench forms of interpretations: drafting one, the transitions' inputs, and the agency's
同步 setting."""

from django import forms

from gongkai.agencies.models import Agency, InternalUnit
from gongkai.catalog.forms import DateInput
from gongkai.catalog.models import Genre, InfoItem

from .elements import GENRE, REGULATORY_GENRE, InterpretationForm, template_body
from .models import SyncMode, SyncSetting


class DocumentChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: InfoItem) -> str:
        return f"{obj.current_version.title}（{obj.index_no}）"


class DocumentsChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: InfoItem) -> str:
        return f"{obj.current_version.title}（{obj.index_no}）"


def _units(agency: Agency):
    return InternalUnit.objects.filter(agency=agency, is_active=True)


class InterpretationCreateForm(forms.Form):
    """A new interpretation of one agency: its item's title, dates and text (pre-filled with
    the element headings), its form, drafting unit and the documents it interprets."""

    title = forms.CharField(label="标题", max_length=300)
    form = forms.ChoiceField(
        label="解读形式", choices=InterpretationForm.choices, widget=forms.RadioSelect
    )
    author_unit = forms.ModelChoiceField(
        label="起草解读的内设机构",
        queryset=InternalUnit.objects.none(),
        required=False,
        help_text="谁起草、谁解读：一般为起草所解读文件的内设机构",
    )
    documents = DocumentsChoice(
        label="所解读的文件", queryset=InfoItem.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    formed_on = forms.DateField(label="形成日期", widget=DateInput())
    summary = forms.CharField(
        label="内容概述", max_length=500, required=False, widget=forms.Textarea({"rows": 2})
    )
    body = forms.CharField(
        label="正文",
        widget=forms.Textarea({"rows": 18}),
        help_text="已按解读要素列出标题：背景依据、目标任务、主要内容、适用范围、执行标准、"
        "注意事项、关键词注释、新旧政策差异；图解、音视频可上传为附件",
    )

    def __init__(self, *args, agency: Agency, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author_unit"].queryset = _units(agency)
        self.fields["documents"].queryset = documents
        self.fields["body"].initial = template_body()

    def content(self) -> dict:
        keys = ("title", "formed_on", "summary", "body")
        return {key: self.cleaned_data[key] for key in keys}


class DescribeForm(forms.Form):
    form = forms.ChoiceField(label="解读形式", choices=InterpretationForm.choices)
    author_unit = forms.ModelChoiceField(
        label="起草解读的内设机构", queryset=InternalUnit.objects.none(), required=False
    )

    def __init__(self, *args, agency: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author_unit"].queryset = _units(agency)


class DocumentForm(forms.Form):
    """One document of the interpretation's agency, to link or unlink."""

    document = DocumentChoice(label="文件", queryset=InfoItem.objects.none())

    def __init__(self, *args, documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = documents


class WaiverForm(forms.Form):
    reason = forms.CharField(
        label="无需解读的理由",
        max_length=300,
        widget=forms.Textarea({"rows": 2}),
        help_text="如：本文件为转发上级文件，上级已作解读；或仅调整个别文字表述",
    )


class SyncSettingForm(forms.ModelForm):
    """The 同步 setting, shown on the agency's review chain page."""

    class Meta:
        model = SyncSetting
        fields = ["mode", "days", "genres"]
        widgets = {"mode": forms.RadioSelect, "genres": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["genres"].queryset = Genre.objects.filter(is_active=True).exclude(
            name__in=[REGULATORY_GENRE, GENRE]
        )
        self.fields["mode"].choices = SyncMode.choices
