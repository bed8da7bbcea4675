"""A profile change is a draft until a reviewer approves it: the portal's agency page keeps
showing the published version meanwhile, then shows the new duties, units and leaders."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.agencies.models import Membership
from gongkai.lib.errors import Refused
from gongkai.profiles import services
from gongkai.profiles.models import ProfileStatus
from gongkai.profiles.workflow import PROFILE_WORKFLOW
from tests.profiles.makers import DUTIES, add_leader, draft, editors, publish

pytestmark = pytest.mark.django_db


def _page(agency) -> str:
    return Client().get(reverse("portal:agency_detail", args=[agency.pk])).content.decode()


def test_the_first_draft_starts_from_the_agency_s_register(agency_a):
    agency_a.address, agency_a.phone = "人民路9号", "0878-5219999"
    agency_a.save()
    agency_a.units.create(name="社会救助股", phone="0878-5210001", sort_order=1)
    agency_a.units.create(name="已撤销股", is_active=False)
    version = services.start_draft(agency_a, user=editors(agency_a).clerk)
    assert (version.number, version.status) == (1, ProfileStatus.DRAFT)
    assert (version.address, version.phone) == ("人民路9号", "0878-5219999")
    assert [(u.name, u.phone) for u in version.units.all()] == [("社会救助股", "0878-5210001")]
    assert "尚未发布机构概况" in _page(agency_a)


def test_the_portal_changes_only_on_approval(agency_a):
    people = editors(agency_a)
    version = draft(agency_a, people)
    add_leader(version, people, "王明", "局长", date(2024, 3, 1))
    services.save_unit(
        version,
        user=people.clerk,
        unit=None,
        name="社会救助股",
        duties="负责城乡低保。",
        phone="0878-5210001",
        sort_order=1,
    )
    version = services.submit(version, user=people.clerk)
    page = _page(agency_a)
    assert DUTIES not in page and "王明" not in page
    version = services.approve(version, user=people.reviewer)
    assert version.status == ProfileStatus.PUBLISHED
    page = _page(agency_a)
    assert DUTIES in page and "社会救助股" in page and "负责城乡低保。" in page
    assert "王明" in page and "局长" in page and "mz@test.gov.cn" in page
    assert f"/agencies/{agency_a.pk}/leaders/" in page  # the photo

    second = draft(agency_a, people, duties="新的机构职能。")
    assert second.number == 2 and "王明" in [e.leader.name for e in second.leaders.all()]
    assert "新的机构职能。" not in _page(agency_a)
    publish(second, people)
    page = _page(agency_a)
    assert "新的机构职能。" in page and DUTIES not in page
    version.refresh_from_db()
    assert version.status == ProfileStatus.SUPERSEDED


def test_a_returned_draft_says_why_and_can_be_edited_again(agency_a):
    people = editors(agency_a)
    version = services.submit(draft(agency_a, people), user=people.clerk)
    version = PROFILE_WORKFLOW.perform(
        version, "return", {"reason": "电话号码有误"}, user=people.reviewer
    )
    assert (version.status, version.return_reason) == (ProfileStatus.RETURNED, "电话号码有误")
    version = draft(agency_a, people, phone="0878-5212222")
    assert version.phone == "0878-5212222"
    assert publish(version, people).status == ProfileStatus.PUBLISHED


def test_the_submitter_does_not_approve_his_own_change(agency_a):
    both = editors(agency_a).clerk
    Membership.objects.create(user=both, agency=agency_a, role="reviewer")
    version = services.submit(draft(agency_a, editors(agency_a)), user=both)
    with pytest.raises(Refused, match="提交人不能审核自己提交的机构概况"):
        services.approve(version, user=both)
    agency_a.submitter_may_sign = True
    agency_a.save()
    assert services.approve(version, user=both).status == ProfileStatus.PUBLISHED


def test_a_draft_without_duties_is_not_submitted(agency_a):
    people = editors(agency_a)
    version = draft(agency_a, people, duties="")
    with pytest.raises(Refused, match="请填写机构职能"):
        services.submit(version, user=people.clerk)
