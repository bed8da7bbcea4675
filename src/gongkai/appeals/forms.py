"""The appeal form of the workbench."""

from django import forms

from gongkai.applications.forms import DateInput
from gongkai.applications.models import Application

from .models import CASE_NOT_OURS, Appeal


class AppealForm(forms.ModelForm):
    class Meta:
        model = Appeal
        fields = [
            "kind",
            "case",
            "appellant",
            "body",
            "reference",
            "filed_on",
            "result",
            "concluded_on",
            "summary",
        ]
        widgets = {"filed_on": DateInput, "concluded_on": DateInput}

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.agency = agency
        self.fields["case"].queryset = Application.objects.filter(agency=agency)
        self.fields["case"].error_messages["invalid_choice"] = CASE_NOT_OURS
