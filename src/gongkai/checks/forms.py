"""The workbench form for checking a document or pasted text."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .extract import ExtractionError, extract_bytes, suffix_of


class CheckForm(forms.Form):
    document = forms.FileField(
        label=_("文件"),
        required=False,
        help_text=_("支持 .docx、.pdf、.html、.txt；也可以在下方粘贴文字"),
    )
    text = forms.CharField(label=_("或粘贴文字"), required=False, widget=forms.Textarea)

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("document"), (cleaned.get("text") or "").strip()
        if not upload and not text:
            raise forms.ValidationError(_("请选择文件或粘贴要检查的文字"))
        if upload:
            limit = settings.GONGKAI_CHECK_UPLOAD_MAX_BYTES
            if upload.size > limit:
                raise forms.ValidationError(
                    _("文件超过 %(mb)d MB，无法在线检查。") % {"mb": limit // (1024 * 1024)}
                )
            data = upload.read()
            try:
                cleaned["extracted"] = extract_bytes(data, suffix_of(upload.name))
            except ExtractionError as exc:
                raise forms.ValidationError(str(exc)) from exc
            cleaned["data"], cleaned["filename"] = data, upload.name
        else:
            cleaned["extracted"] = text
            cleaned["data"], cleaned["filename"] = text.encode("utf-8"), "粘贴文字.txt"
        return cleaned


class ListEntryForm(forms.Form):
    """One addition to a word list; the service checks it against the list's format."""

    entry = forms.CharField(label=_("条目"), widget=forms.Textarea(attrs={"rows": 3}))
    note = forms.CharField(
        label=_("备注"),
        required=False,
        max_length=200,
        help_text=_("为什么添加，例如“某月某日在本县网站发现”"),
    )

    def __init__(self, *args, format_help: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["entry"].help_text = format_help
