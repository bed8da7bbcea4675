"""The 网站栏目 page lists the agency's columns with their state to every staff member; its
warning tab lists the stale, due-soon and unexplained empty ones to the leader and the admin.
Only the agency admin adds or edits a column: a blank cycle takes the kind's, a duplicate name
is refused in Chinese and nothing is lost."""

from datetime import date, timedelta

from gongkai.columns.models import Column
from tests.catalog.makers import Team
from tests.columns.makers import make_column, publish_on
from tests.conftest import login, make_staff


def _names(response) -> set[str]:
    return {c.name for c in response.context["object_list"]}


def test_states_for_everyone_and_the_warning_tab_for_the_leader(agency_a):
    team = Team(agency_a)
    agency_a.columns.update(explanation="暂无。")
    make_column(agency_a, "热点", genre="统计数据")
    publish_on(team, "统计数据", date(2026, 11, 1))
    make_column(agency_a, "空栏目", kind="other")
    client = login(team.clerk)
    page = client.get("/workbench/columns/")
    assert "即将超期、已超期或空白" not in page.content.decode()  # warnings go to the leader
    client = login(team.leader)
    page = client.get("/workbench/columns/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "热点" in html and "已超期未更新" in html and "空白栏目" in html
    assert "2026-11-01" in html and "2026-11-15" in html  # last update, and the cycle's end
    warned = client.get("/workbench/columns/?queue=columns_attention")
    assert _names(warned) == {"热点", "空栏目"}
    # A leader configures no column: column.change is the agency admin's.
    assert client.get(f"/workbench/columns/agency/{agency_a.pk}/new/").status_code == 404
    column = warned.context["object_list"][0]
    assert client.post(f"/workbench/columns/{column.pk}/", {"name": "改名"}).status_code == 403
    column.refresh_from_db()
    assert column.name != "改名"


def test_admin_adds_a_column_with_the_kinds_cycle(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    client = login(admin)
    response = client.post(
        f"/workbench/columns/agency/{agency_a.pk}/new/",
        {
            "name": "政策解读",
            "kind": "policy",
            "cycle_days": "",
            "explanation": "",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    column = Column.objects.get(agency=agency_a, name="政策解读")
    assert column.update_cycle == timedelta(days=183)
    response = client.post(
        f"/workbench/columns/{column.pk}/",
        {"name": "政策解读", "kind": "policy", "cycle_days": "30", "explanation": "近期无新政策。"},
    )
    assert response.status_code == 302
    column.refresh_from_db()
    assert column.update_cycle == timedelta(days=30) and column.explanation == "近期无新政策。"
    assert not column.is_active


def test_a_duplicate_name_is_refused_and_the_input_kept(agency_a):
    client = login(make_staff(agency_a, "agency_admin"))
    response = client.post(
        f"/workbench/columns/agency/{agency_a.pk}/new/",
        {"name": "工作动态", "kind": "news", "explanation": "保留这段说明"},
    )
    assert response.status_code == 400  # the form comes back with its reason
    html = response.content.decode()
    assert "本机关已有同名栏目" in html and "保留这段说明" in html
    assert Column.objects.filter(agency=agency_a, name="工作动态").count() == 1


def test_admin_of_one_agency_cannot_touch_anothers_columns(agency_a, agency_b):
    client = login(make_staff(agency_a, "agency_admin"))
    other = make_column(agency_b, "乙局专栏")
    assert client.get(f"/workbench/columns/{other.pk}/").status_code == 404
    assert client.get(f"/workbench/columns/agency/{agency_b.pk}/new/").status_code == 404
    assert other.name not in client.get("/workbench/columns/").content.decode()
