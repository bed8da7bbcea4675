"""When leaders change, the portal shows who leads now and a dated record of the changes: a
leader who leaves keeps their record with the day they left, a new one starts on their 任职日期,
a changed post or portfolio is dated by the version's 生效日期."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.lib.errors import Refused
from gongkai.profiles import services
from gongkai.profiles.history import Change, Listed, changes
from gongkai.profiles.models import Leader
from tests.profiles.makers import add_leader, draft, editors, entry_of, publish

D = date


def test_changes_between_versions():
    first = [
        Listed(1, "王明", "局长", "全面工作", D(2020, 5, 1), None),
        Listed(2, "李华", "副局长", "社会救助", D(2021, 3, 1), None),
    ]
    second = [
        Listed(1, "王明", "局长", "全面工作", D(2020, 5, 1), D(2026, 6, 30)),
        Listed(2, "李华", "局长", "全面工作", D(2021, 3, 1), None),
        Listed(3, "赵强", "副局长", "社会救助", D(2026, 7, 1), None),
    ]
    assert changes([(D(2024, 1, 1), first), (D(2026, 7, 1), second)]) == [
        Change(D(2026, 7, 1), "李华", "职务变更", "由副局长改任局长"),
        Change(D(2026, 7, 1), "李华", "分工调整", "全面工作"),
        Change(D(2026, 7, 1), "赵强", "任职", "副局长"),
        Change(D(2026, 6, 30), "王明", "离任", "原任局长"),
        Change(D(2021, 3, 1), "李华", "任职", "副局长"),
        Change(D(2020, 5, 1), "王明", "任职", "局长"),
    ]


def test_an_unchanged_version_adds_nothing():
    listed = [Listed(1, "王明", "局长", "全面工作", D(2020, 5, 1), None)]
    assert len(changes([(D(2024, 1, 1), listed), (D(2025, 1, 1), listed)])) == 1


@pytest.mark.django_db
def test_a_leader_leaves_and_another_takes_over(agency_a):
    people = editors(agency_a)
    first = draft(agency_a, people, effective_on=D(2024, 1, 1))
    add_leader(first, people, "王明", "局长", D(2020, 5, 1))
    add_leader(first, people, "李华", "副局长", D(2021, 3, 1))
    publish(first, people)

    second = draft(agency_a, people, effective_on=D(2026, 7, 1), change_note="领导调整")
    services.leader_leaves(
        second, user=people.clerk, leader=entry_of(second, "王明"), left_on=D(2026, 6, 30)
    )
    services.change_leader(
        second,
        user=people.clerk,
        leader=entry_of(second, "李华"),
        post="局长",
        portfolio="主持全面工作",
        cv="",
        sort_order=10,
    )
    add_leader(second, people, "赵强", "副局长", D(2026, 7, 1), photo=False)
    # Not yet approved: the leader who leaves is still in office as far as anyone reads.
    assert Leader.objects.get(name="王明").left_office is None
    publish(second, people)

    assert Leader.objects.get(name="王明").left_office == D(2026, 6, 30)
    page = Client().get(reverse("portal:agency_detail", args=[agency_a.pk])).content.decode()
    current = page[page.index('id="agency-leaders"') : page.index('id="leader-history"')]
    assert "李华" in current and "赵强" in current and "王明" not in current
    history = page[page.index('id="leader-history"') :]
    assert "2026-06-30</time> 王明 离任：原任局长" in history
    assert "2026-07-01</time> 李华 职务变更：由副局长改任局长" in history
    assert "2026-07-01</time> 赵强 任职：副局长" in history
    former = page[page.index('id="former-leaders"') :]
    assert "王明（2020-05-01 至 2026-06-30）" in former

    # The next draft lists only those in office; the record of the one who left stays.
    third = draft(agency_a, people)
    assert sorted(e.leader.name for e in third.leaders.all()) == ["李华", "赵强"]
    assert Leader.objects.filter(name="王明").exists()


@pytest.mark.django_db
def test_leaving_before_taking_office_is_refused_and_a_new_leader_is_simply_removed(agency_a):
    people = editors(agency_a)
    version = draft(agency_a, people)
    add_leader(version, people, "王明", "局长", D(2020, 5, 1))
    with pytest.raises(Refused, match="离任日期不能早于任职日期"):
        services.leader_leaves(
            version, user=people.clerk, leader=entry_of(version, "王明"), left_on=D(2019, 1, 1)
        )
    # Never published: nothing to keep.
    services.leader_leaves(
        version, user=people.clerk, leader=entry_of(version, "王明"), left_on=D(2026, 1, 1)
    )
    assert not Leader.objects.filter(name="王明").exists()
