"""Without scripts the application form keeps both the natural person's and the
organisation's identity fields, marked for applicant-type.js; the server decides which apply."""

from django.test import Client
from django.urls import reverse

PERSON = ("证件类型（自然人填写）", "证件号码（自然人填写）")
ORGANISATION = (
    "统一社会信用代码（法人或其他组织填写）",
    "法定代表人或负责人（法人或其他组织填写）",
)


def test_without_scripts_both_sets_of_fields_are_in_the_page(agency_a):
    html = Client().get(reverse("apply:form")).content.decode()
    for label in PERSON + ORGANISATION:
        assert label in html
    assert 'data-applicant-only="person"' in html
    assert 'data-applicant-only="organisation"' in html
    assert "gongkai/applicant-type.js" in html
