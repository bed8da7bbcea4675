"""The last post of each account comes from a spreadsheet: rows matched by platform and name,
dates in the forms clerks write them, a later date replaces an earlier one and never the other
way; a file with a row that cannot be read changes nothing and says which rows."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.lib.errors import Refused
from gongkai.newmedia.imports import import_last_posts, parse_day
from tests.conftest import login, make_staff
from tests.newmedia.makers import make_account

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-11-30", date(2026, 11, 30)),
        ("2026/11/3", date(2026, 11, 3)),
        ("2026年11月30日", date(2026, 11, 30)),
        ("2026.2.30", None),
        ("昨天", None),
    ],
)
def test_dates_as_clerks_write_them(text, day):
    assert parse_day(text) == day


def test_an_import_updates_only_later_dates(agency_a):
    clerk = make_staff(agency_a, "clerk")
    wechat = make_account(agency_a, "某某民政", date(2026, 11, 1))
    weibo = make_account(agency_a, "某某民政", date(2026, 11, 25), platform="weibo")
    csv = "平台,账号名称,最近发布日期\n微信公众号,某某民政,2026-11-28\n微博,某某民政,2026/11/20\n"
    outcome = import_last_posts(agency_a, csv.encode("gb18030"), user=clerk)
    assert outcome.updated == [wechat] and outcome.unchanged == [weibo]
    wechat.refresh_from_db()
    weibo.refresh_from_db()
    assert (wechat.last_post_on, wechat.last_post_source) == (date(2026, 11, 28), "imported")
    assert weibo.last_post_on == date(2026, 11, 25)


def test_a_bad_row_changes_nothing(agency_a, agency_b):
    clerk = make_staff(agency_a, "clerk")
    account = make_account(agency_a, "某某民政", date(2026, 11, 1))
    make_account(agency_b, "乙局发布", date(2026, 11, 1))
    csv = (
        "平台,账号名称,最近发布日期\n"
        "微信公众号,某某民政,2026-11-28\n"
        "微信公众号,乙局发布,2026-11-28\n"
        "微信公众号,某某民政,上周\n"
    )
    with pytest.raises(Refused) as refused:
        import_last_posts(agency_a, csv.encode(), user=clerk)
    assert "第3行：本机关没有微信公众号账号“乙局发布”" in refused.value.message
    assert "第4行：日期“上周”无法识别" in refused.value.message
    account.refresh_from_db()
    assert account.last_post_on == date(2026, 11, 1)


def test_the_import_page(agency_a):
    make_account(agency_a, "某某民政", date(2026, 11, 1))
    clerk = login(make_staff(agency_a, "clerk"))
    url = reverse("newmedia:import", args=[agency_a.pk])
    upload = SimpleUploadedFile(
        "posts.csv", "账号名称,最近发布日期\n某某民政,2026-11-28\n".encode()
    )
    refused = clerk.post(url, {"file": upload})
    assert refused.status_code == 400 and "表格缺少“平台”列" in refused.content.decode()
    upload = SimpleUploadedFile(
        "posts.csv", "平台,账号名称,最近发布日期\n微信公众号,某某民政,2026-11-28\n".encode()
    )
    done = clerk.post(url, {"file": upload}, follow=True)
    assert "已更新1个账号的最近发布日期" in done.content.decode()
