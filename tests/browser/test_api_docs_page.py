"""The API documentation page renders under the content security policy, in Chinese."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_docs_render_without_policy_errors(page):
    page.goto(page.base + "/api/docs/")
    expect(page.get_by_text("/api/public/agencies/").first).to_be_visible()
    expect(page.get_by_text("/api/staff/audit-events/").first).to_be_visible()
    # A clerk reads the groups and summaries in Chinese.
    expect(page.get_by_text("政府信息（公开）").first).to_be_visible()
    expect(page.get_by_text("列出政府信息").first).to_be_visible()
    assert page.console_errors == []
