"""Only an agency's own 机关管理员 changes its guide prose, and every save is audited."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from gongkai.catalog import guides
from gongkai.catalog.models import AgencyGuide
from gongkai.core.models import AuditEvent
from tests.conftest import login, make_staff


def test_another_agencys_admin_cannot_see_or_change_the_guide(agency_a, agency_b):
    AgencyGuide.objects.create(agency=agency_a, fees="甲局原文")
    admin_b = make_staff(agency_b, "agency_admin")
    url = reverse("catalog:guide_edit", args=[agency_a.pk])
    client = login(admin_b)
    assert client.get(url).status_code == 404
    assert client.post(url, {"fees": "乙局改写"}).status_code == 404
    assert AgencyGuide.objects.get(agency=agency_a).fees == "甲局原文"


def test_a_clerk_cannot_change_the_guide(agency_a):
    clerk = make_staff(agency_a, "clerk")
    url = reverse("catalog:guide_edit", args=[agency_a.pk])
    assert login(clerk).post(url, {"fees": "信息员改写"}).status_code in (403, 404)
    with pytest.raises(PermissionDenied):
        guides.save_guide(user=clerk, agency=agency_a, sections={"fees": "信息员改写"})
    assert not AgencyGuide.objects.exists()


def test_each_save_is_audited_with_the_changed_sections(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    guides.save_guide(user=admin, agency=agency_a, sections={"fees": "不收费。"})
    guide = guides.save_guide(user=admin, agency=agency_a, sections={"fees": "按标准收费。"})
    events = AuditEvent.objects.filter(record_type="catalog.agencyguide", record_id=str(guide.pk))
    assert [e.action for e in events.order_by("seq")] == ["create", "change"]
    change = events.order_by("seq").last()
    assert change.before["fees"] == "不收费。"
    assert change.after["fees"] == "按标准收费。"
    assert change.agency_id == agency_a.pk
