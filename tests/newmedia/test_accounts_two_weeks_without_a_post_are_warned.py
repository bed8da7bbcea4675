"""An account that has not posted for two weeks is stale (国办秘函〔2019〕19号), one about to be
is due soon, one whose last post was never entered is unknown; the workbench lists them in the
warning tab and the inbox of those who answer for the accounts, a 主管部门 across its
subordinates. Tests run on 2026-12-01."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.newmedia.models import NewMediaAccount
from gongkai.newmedia.states import AccountState, with_state
from gongkai.workbench.inbox import inbox_for
from tests.conftest import login, make_staff
from tests.newmedia.makers import make_account

pytestmark = pytest.mark.django_db


def _days_ago(days: int) -> date:
    return timezone.localdate() - timedelta(days=days)


@pytest.mark.parametrize(
    ("days", "state"),
    [
        (0, AccountState.CURRENT),
        (10, AccountState.CURRENT),  # four days to go: not yet warned
        (11, AccountState.DUE_SOON),  # three days to go
        (14, AccountState.DUE_SOON),  # the last day within two weeks
        (15, AccountState.STALE),
        (None, AccountState.UNKNOWN),
    ],
)
def test_the_state_follows_the_last_post(agency_a, days, state):
    make_account(agency_a, "某某民政", None if days is None else _days_ago(days))
    found = with_state(NewMediaAccount.objects.all(), timezone.localdate()).get()
    assert found.state == state


def test_the_warning_tab_and_the_inbox(county, agency_a):
    stale = make_account(agency_a, "过期账号", _days_ago(20))
    unknown = make_account(agency_a, "未登记账号", platform="weibo")
    make_account(agency_a, "正常账号", _days_ago(1))
    make_account(agency_a, "已关停账号", _days_ago(90), platform="douyin", is_active=False)
    leader = make_staff(agency_a, "leader")
    supervisor = make_staff(county, "supervisor")
    for user in (leader, supervisor):
        page = login(user).get(reverse("newmedia:list") + "?queue=new_media_attention")
        assert {a.pk for a in page.context["object_list"]} == {stale.pk, unknown.pk}
        counts = {e.source.queue: e.count for e in inbox_for(user, timezone.localdate())}
        assert counts["new_media_attention"] == 2
    # A clerk enters the dates; the warnings go to those who answer for the accounts.
    clerk = make_staff(agency_a, "clerk")
    assert "new_media_attention" not in {
        e.source.queue for e in inbox_for(clerk, timezone.localdate())
    }
    html = login(clerk).get(reverse("newmedia:list")).content.decode()
    assert "超过2周未更新" in html and "未登记最近发布日期" in html


def test_a_clerk_registers_an_account_and_enters_its_last_post(agency_a):
    clerk = login(make_staff(agency_a, "clerk"))
    response = clerk.post(
        reverse("newmedia:create", args=[agency_a.pk]),
        {
            "platform": "wechat",
            "name": "某某县民政",
            "operator": "县民政局办公室",
            "last_post_on": _days_ago(2).isoformat(),
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    account = NewMediaAccount.objects.get()
    assert (account.agency, account.last_post_source) == (agency_a, "entered")
    again = clerk.post(
        reverse("newmedia:create", args=[agency_a.pk]),
        {"platform": "wechat", "name": "某某县民政", "operator": "办公室"},
    )
    assert again.status_code == 400 and NewMediaAccount.objects.count() == 1
