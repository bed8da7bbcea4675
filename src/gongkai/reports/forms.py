"""The input of each report transition. The services judge the values (one definition of each
rule, with its message); these forms only carry them, as the editor page posts them."""

from django import forms


def _text(label: str, **kwargs) -> forms.CharField:
    return forms.CharField(label=label, required=False, strip=False, **kwargs)


class SectionsForm(forms.Form):
    overview = _text("一、总体情况", widget=forms.Textarea)
    problems = _text("五、存在的主要问题及改进情况", widget=forms.Textarea)
    other_matters = _text("六、其他需要报告的事项", widget=forms.Textarea)


class FiguresForm(forms.Form):
    licensing = _text("行政许可处理决定数量")
    punishment = _text("行政处罚处理决定数量")
    coercion = _text("行政强制处理决定数量")
    fees = _text("行政事业性收费金额（万元）")


class OverrideForm(forms.Form):
    cell = _text("单元格")
    value = _text("更正后数值")
    reason = _text("更正理由")


class CellForm(forms.Form):
    cell = _text("单元格")


class ReturnForm(forms.Form):
    reason = _text("退回理由", widget=forms.Textarea)
