"""Forms of 意见征集: the staff form of a consultation, the public comment form and the input of
each move."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.agencies import access
from gongkai.catalog.models import InfoItem

from .consultation_models import COMMENT_MAX_CHARS, AdoptionDecision, CommentStatus
from .consultations import CommentSubmission, Draft
from .forms import no_lone_surrogates, text_field
from .services import Upload

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ConsultationForm(forms.Form):
    """A consultation as staff set it up; the draft is a published item or an uploaded file."""

    agency = forms.ModelChoiceField(label=_("征集机关"), queryset=None, empty_label=None)
    title = text_field(_("征集标题"), 200)
    explanation = text_field(
        _("起草说明"),
        5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("起草的背景和依据、主要内容、需要公众重点提出意见的问题"),
    )
    item_index_no = text_field(
        _("草案所在政府信息的索引号"),
        60,
        required=False,
        help_text=_("草案已作为政府信息公开时填写；否则上传草案文件"),
    )
    draft = forms.FileField(
        label=_("草案文件"),
        required=False,
        help_text=_("PDF、Word、Excel 或 PNG/JPEG 图片，不超过 20 MB"),
    )
    major_decision = forms.BooleanField(
        label=_("重大行政决策（征求意见期限一般不少于30日）"), required=False
    )
    opens_on = forms.DateField(label=_("开始日期"), widget=DATE_WIDGET)
    closes_on = forms.DateField(
        label=_("截止日期"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("不填时：重大行政决策30日，其他15日（含开始当日）"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = access.agencies_for(user, "consultation.manage")

    def clean_item_index_no(self):
        index_no = self.cleaned_data["item_index_no"].strip()
        if not index_no:
            return None
        item = InfoItem.objects.filter(index_no=index_no).first()
        if item is None:
            raise forms.ValidationError(_("没有索引号为 %(no)s 的政府信息") % {"no": index_no})
        return item

    def draft_input(self) -> Draft:
        data = self.cleaned_data
        upload = data.get("draft")
        return Draft(
            title=data["title"],
            explanation=data["explanation"],
            opens_on=data["opens_on"],
            closes_on=data.get("closes_on"),
            major_decision=data.get("major_decision", False),
            item=data.get("item_index_no"),
            upload=Upload(upload.name, upload.read()) if upload else None,
        )


class CommentForm(forms.Form):
    """The public's comment on an open consultation."""

    submission_token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    text = text_field(_("意见内容"), COMMENT_MAX_CHARS, widget=forms.Textarea(attrs={"rows": 8}))
    writer_name = text_field(_("姓名（可不填）"), 50, required=False)
    phone = text_field(_("联系电话（可不填，不公开）"), 40, required=False)
    email = forms.EmailField(
        label=_("电子邮箱（可不填，不公开）"), required=False, validators=[no_lone_surrogates]
    )

    def submission(self) -> CommentSubmission:
        data = self.cleaned_data
        return CommentSubmission(
            text=data["text"],
            writer_name=data.get("writer_name", ""),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
        )


class CommentChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, comment) -> str:
        text = comment.text if len(comment.text) <= 60 else comment.text[:60] + "…"
        return f"意见{comment.pk}：{text}"


class AdoptionForm(forms.Form):
    comments = CommentChoices(
        label=_("对应的意见（一条或同类的几条）"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("请选择这条采纳情况对应的意见")},
    )
    summary = text_field(_("意见摘要"), 2000, widget=forms.Textarea(attrs={"rows": 3}))
    decision = forms.ChoiceField(
        label=_("采纳情况"),
        choices=AdoptionDecision.choices,
        error_messages={"required": _("请选择采纳、部分采纳或未采纳")},
    )
    reason = text_field(
        _("理由"),
        2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("未采纳或部分采纳的须说明理由"),
    )

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comments"].queryset = consultation.comments.filter(
            status=CommentStatus.VALID
        ).order_by("id")


class PublishResultForm(forms.Form):
    text = text_field(
        _("采纳情况总体说明"),
        5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("收到意见的数量和总体采纳情况；将与逐条采纳情况一同公开"),
    )


class RejectCommentForm(forms.Form):
    reason = text_field(
        _("不予采用的理由"),
        500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("如：与征集内容无关、含有违法或不文明内容、重复提交"),
    )
