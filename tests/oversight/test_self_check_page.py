"""Every agency's own page shows where it stands against the active systems — the score, what
would fail and why, the evidence and the link to put it right — before any inspector looks;
its 主管部门 sees every agency below it in one table, and sets the gates' facts (services,
portal). Nobody sees a sibling's standing."""

from django.urls import reverse

from gongkai.oversight.models import UnitProfile
from tests.conftest import login, make_staff
from tests.oversight.makers import make_clean, make_problems


def test_the_agency_sees_what_would_fail_with_evidence_and_fixes(agency_a, agency_b):
    seeded = make_problems(agency_a)
    make_clean(agency_b)
    clerk = login(make_staff(agency_a, "clerk"))
    page = clerk.get(reverse("oversight:standing", args=[agency_a.pk])).content.decode()
    assert "政府网站检查指标（2019年）" in page and "政务公开工作考核指标（示例）" in page
    assert "单项否决" in page and "V6.2 咨询留言超过3个月未答复" in page
    assert "四个月前的咨询" in page and "超过3个月未答复" in page
    assert reverse("engagement:detail", args=[seeded.old_question.pk]) in page
    assert reverse("columns:edit", args=[seeded.empty_column.pk]) in page
    assert "去整改" in page and "缺少救济途径" in page
    assert "待核实" in page  # the example system's unconfirmed figures say so
    assert "人工评分项目" in page
    assert 'id="profile-form"' not in page  # a clerk does not set the gates' facts

    other = clerk.get(reverse("oversight:standing", args=[agency_b.pk]))
    assert other.status_code == 404


def test_a_clean_agency_reads_all_clear(agency_b):
    make_clean(agency_b)
    page = login(make_staff(agency_b, "leader")).get(
        reverse("oversight:standing", args=[agency_b.pk])
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert text.count("自动检测项目均未发现问题") == 2 and "合格" in text


def test_the_supervisor_sees_every_subordinate_and_sets_the_profile(county, agency_a, agency_b):
    make_problems(agency_a)
    make_clean(agency_b)
    supervisor = login(make_staff(county, "supervisor"))
    page = supervisor.get(reverse("oversight:index")).content.decode()
    assert agency_a.display_name in page and agency_b.display_name in page
    assert "单项否决" in page and "第1名" in page

    response = supervisor.post(
        reverse("oversight:standing", args=[agency_b.pk]), {"is_portal": "on"}
    )
    assert response.status_code == 302
    profile = UnitProfile.objects.get(agency=agency_b)
    assert profile.is_portal and not profile.has_services
    page = supervisor.get(reverse("oversight:standing", args=[agency_b.pk])).content.decode()
    assert "无对外服务事项" in page and "4/3" in page


def test_a_department_clerk_reads_only_its_own_row(county, agency_a, agency_b):
    make_clean(agency_b)
    page = login(make_staff(agency_a, "clerk")).get(reverse("oversight:index")).content.decode()
    assert agency_a.display_name in page and agency_b.display_name not in page
