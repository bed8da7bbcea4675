"""On the public form, choosing the applicant category shows only that kind of applicant's
identity fields (applicant-type.js)."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import shot
from tests.conftest import make_agency

PERSON = ("证件类型（自然人填写）", "证件号码（自然人填写）")
ORGANISATION = (
    "统一社会信用代码（法人或其他组织填写）",
    "法定代表人或负责人（法人或其他组织填写）",
)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_choosing_the_category_switches_the_fields(page):
    agency = make_agency("某某县民政局")
    page.goto(f"{page.base}/apply/?agency={agency.pk}")
    form = page.locator("#apply-form")
    for label in PERSON:
        expect(form.get_by_label(label)).to_be_visible()
    for label in ORGANISATION:
        expect(form.get_by_label(label)).to_be_hidden()
    shot(page, "apply-form-natural-person")

    form.get_by_label("申请人类别").select_option("commercial")
    for label in PERSON:
        expect(form.get_by_label(label)).to_be_hidden()
    for label in ORGANISATION:
        expect(form.get_by_label(label)).to_be_visible()
    shot(page, "apply-form-organisation")

    form.get_by_label("申请人类别").select_option("natural_person")
    expect(form.get_by_label(PERSON[1])).to_be_visible()
    assert page.console_errors == []
