"""The input of the rounds', remedies' and 通报's transitions, the same for the workbench, the
API and the command line."""

from django import forms
from django.utils import timezone

from gongkai.agencies.models import Agency

from .models import AssessmentRound, RoundCadence
from .rounds import usable_systems


class DeductionForm(forms.Form):
    agency = forms.ModelChoiceField(Agency.objects.none(), label="被考核机关")
    indicator = forms.ChoiceField(label="指标")
    points = forms.DecimalField(
        label="分值",
        required=False,
        min_value=0,
        max_digits=6,
        decimal_places=2,
        help_text="扣分或加分；单项否决指标不填",
    )
    reason = forms.CharField(label="扣分理由", widget=forms.Textarea(attrs={"rows": 3}))
    evidence_url = forms.URLField(
        label="证据网址", required=False, max_length=500, assume_scheme="https"
    )
    screenshot = forms.FileField(label="截图", required=False, help_text="PNG 或 JPEG 图片")
    observed_at = forms.DateTimeField(
        label="发现时间",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"],
    )

    def __init__(self, *args, round_: AssessmentRound, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = round_.agencies.order_by("path")
        system = round_.system.system()
        self.fields["indicator"].choices = [
            (leaf.code, f"{part.label} {leaf.code} {leaf.name}")
            for part, leaf in system.leaves()
            if leaf.manual
        ]
        self.fields["observed_at"].initial = timezone.localtime().strftime("%Y-%m-%dT%H:%M")


class AnswerForm(forms.Form):
    text = forms.CharField(label="整改情况", widget=forms.Textarea(attrs={"rows": 4}))
    file = forms.FileField(label="整改材料", required=False, help_text="PDF、Word、Excel 或图片")


class AcceptForm(forms.Form):
    note = forms.CharField(
        label="复核意见", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RejectForm(forms.Form):
    note = forms.CharField(label="复核意见", widget=forms.Textarea(attrs={"rows": 2}))


class CircularForm(forms.Form):
    title = forms.CharField(label="标题", max_length=200)
    number = forms.CharField(label="发文字号", max_length=60, required=False)
    body = forms.CharField(
        label="正文",
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text="每段一行；首行为主送机关",
    )
    signature = forms.CharField(label="发文机关署名", max_length=100)
    dated = forms.DateField(label="成文日期", widget=forms.DateInput(attrs={"type": "date"}))


class OpenRoundForm(forms.Form):
    title = forms.CharField(label="名称", max_length=120)
    cadence = forms.ChoiceField(label="周期", choices=RoundCadence.choices)
    period_start = forms.DateField(label="考核期起", widget=forms.DateInput(attrs={"type": "date"}))
    period_end = forms.DateField(label="考核期止", widget=forms.DateInput(attrs={"type": "date"}))
    system = forms.ModelChoiceField(queryset=None, label="指标体系")
    agencies = forms.ModelMultipleChoiceField(
        queryset=None, label="考核对象", widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, owner: Agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["system"].queryset = usable_systems(owner)
        self.fields["agencies"].queryset = (
            Agency.objects.filter(path__startswith=owner.path, is_active=True)
            .exclude(pk=owner.pk)
            .order_by("path")
        )
