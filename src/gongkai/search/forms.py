"""Reading a search request from query parameters: bad values become notices, never errors."""

from django import forms

from .documents import DISCLOSURE_LABELS, KIND_LABELS, VALIDITY_LABELS
from .services import MAX_PAGE_SIZE, PAGE_SIZE, SORTS, SearchRequest

# Longer input is cut by the query parser anyway; this only bounds what a form holds.
MAX_INPUT_CHARS = 10_000
MAX_PAGE = 10**9


class SearchForm(forms.Form):
    q = forms.CharField(label="检索词", required=False, max_length=MAX_INPUT_CHARS, strip=True)
    agency = forms.IntegerField(label="机关", required=False, min_value=1, max_value=2**62)
    topic = forms.CharField(label="主题", required=False, max_length=60)
    genre = forms.CharField(label="体裁", required=False, max_length=60)
    year = forms.IntegerField(label="年份", required=False, min_value=1900, max_value=2100)
    date_from = forms.DateField(label="起始日期", required=False)
    date_to = forms.DateField(label="截止日期", required=False)
    validity = forms.ChoiceField(
        label="有效性", required=False, choices=[("", "不限"), *VALIDITY_LABELS.items()]
    )
    disclosure = forms.ChoiceField(
        label="公开属性", required=False, choices=[("", "不限"), *DISCLOSURE_LABELS.items()]
    )
    kind = forms.ChoiceField(
        label="类型", required=False, choices=[("", "不限"), *KIND_LABELS.items()]
    )
    sort = forms.ChoiceField(label="排序", required=False, choices=list(SORTS.items()))
    page = forms.IntegerField(label="页码", required=False, min_value=1)
    page_size = forms.IntegerField(
        label="每页条数", required=False, min_value=1, max_value=MAX_PAGE_SIZE
    )
    drafts = forms.BooleanField(label="含本机关未公开信息", required=False)

    def search_request(self) -> tuple[SearchRequest, list[str]]:
        """The request built from the valid fields, and a notice for each invalid one."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}
        notices = [
            f"「{self.fields[name].label}」的值无效，已忽略。"
            for name in self.errors
            if name in self.fields
        ]
        if data.get("page", 1) > MAX_PAGE:
            data["page"] = MAX_PAGE
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if date_from and date_to and date_from > date_to:
            data["date_from"], data["date_to"] = date_to, date_from
            notices.append("起始日期晚于截止日期，已对调。")
        request = SearchRequest(
            q=data.get("q", ""),
            agency=data.get("agency"),
            topic=data.get("topic", ""),
            genre=data.get("genre", ""),
            year=data.get("year"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            validity=data.get("validity", ""),
            disclosure=data.get("disclosure", ""),
            kind=data.get("kind", ""),
            sort=data.get("sort") or "relevance",
            page=data.get("page", 1),
            page_size=data.get("page_size", PAGE_SIZE),
            include_drafts=bool(data.get("drafts")),
        )
        return request, notices
