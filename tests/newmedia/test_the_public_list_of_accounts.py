"""The portal lists the accounts in use, by agency, without their dates; a closed account or
an inactive agency's is not listed."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gongkai.newmedia.models import NewMediaAccount
from gongkai.newmedia.states import with_state
from tests.conftest import make_agency
from tests.newmedia.makers import make_account

pytestmark = pytest.mark.django_db


def test_the_accounts_in_use(county, agency_a, agency_b):
    make_account(agency_a, "某某民政", account_id="mz_wx", url="https://example.gov.cn/wx")
    make_account(agency_b, "乙局发布", platform="weibo")
    make_account(agency_a, "已关停号", platform="douyin", is_active=False)
    closed = make_agency("已撤销局", county, is_active=False)
    make_account(closed, "撤销局号")
    page = Client().get(reverse("portal:new_media")).content.decode()
    assert "某某民政" in page and "（mz_wx）" in page and "乙局发布" in page
    assert "已关停号" not in page and "撤销局号" not in page
    one = Client().get(reverse("portal:new_media") + f"?agency={agency_a.pk}").content.decode()
    assert "某某民政" in one and "乙局发布" not in one
    assert Client().get(reverse("portal:new_media") + f"?agency={closed.pk}").status_code == 404


def test_the_demo_has_one_account_kept_up_and_one_stale(db):
    call_command("demo", "load", "--if-empty")
    states = dict(
        with_state(NewMediaAccount.objects.all(), timezone.localdate()).values_list("name", "state")
    )
    assert states == {"某某县民政": "current", "某某县民政局发布": "stale"}
