"""An agency's column: its name, kind, update cycle, what feeds it and its 情况说明."""

from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.catalog.models import Genre, Topic

from .kinds import CYCLE_DAYS, default_cycle
from .models import Column

MAX_CYCLE_DAYS = 3660


class ColumnForm(forms.ModelForm):
    cycle_days = forms.IntegerField(
        label=_("更新周期（天）"),
        required=False,
        min_value=1,
        max_value=MAX_CYCLE_DAYS,
        help_text=_("不填则按栏目类型：动态要闻14天，通知公告、政策文件及其他183天（6个月）"),
    )

    class Meta:
        model = Column
        fields = ["name", "kind", "cycle_days", "topics", "genres", "explanation", "is_active"]
        widgets = {
            "topics": forms.SelectMultiple(attrs={"size": 8}),
            "genres": forms.SelectMultiple(attrs={"size": 8}),
            "explanation": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.agency = agency
        self.fields["topics"].queryset = Topic.objects.filter(is_active=True).select_related(
            "parent"
        )
        self.fields["genres"].queryset = Genre.objects.filter(is_active=True)
        if self.instance.pk:
            self.fields["cycle_days"].initial = self.instance.cycle_days

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = Column.objects.filter(agency=self.agency, name=name).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("本机关已有同名栏目"))
        return name

    def clean(self):
        data = super().clean()
        kind, days = data.get("kind"), data.get("cycle_days")
        if kind in CYCLE_DAYS:
            self.instance.update_cycle = timedelta(days=days) if days else default_cycle(kind)
        return data

    def save(self, commit=True):
        self.instance.agency = self.agency
        return super().save(commit)
