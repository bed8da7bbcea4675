"""Malformed credit codes, unknown agencies and oversized forms get a Chinese error and
leave the data as it was."""

from django.urls import reverse

from gongkai.agencies.models import Agency
from gongkai.core.models import AuditEvent
from gongkai.workbench.forms import AGENCY_FIELDS
from tests.conftest import login, make_staff


def _form_data(agency, **changes):
    data = {f: getattr(agency, f) for f in AGENCY_FIELDS}
    return {k: ("" if v is None else v) for k, v in (data | changes).items()}


def test_wrong_check_character_is_refused(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    code = agency_a.credit_code
    wrong = code[:17] + ("0" if code[17] != "0" else "1")
    events = AuditEvent.objects.count()
    response = login(admin).post(
        reverse("workbench:agency_edit", args=[agency_a.pk]),
        _form_data(agency_a, credit_code=wrong, phone="0878-1111111"),
    )
    assert response.status_code == 400
    assert f"第18位应为“{code[17]}”" in response.content.decode()
    agency_a.refresh_from_db()
    assert agency_a.credit_code == code and agency_a.phone != "0878-1111111"
    assert AuditEvent.objects.count() == events


def test_a_valid_change_is_saved_and_audited_with_its_author(agency_a):
    admin = make_staff(agency_a, "agency_admin", full_name="钱七")
    response = login(admin).post(
        reverse("workbench:agency_edit", args=[agency_a.pk]),
        _form_data(agency_a, phone="0878-1111111"),
    )
    assert response.status_code == 302
    event = AuditEvent.objects.filter(record_type="agencies.agency", action="change").last()
    assert event.after == {"phone": "0878-1111111"} and event.actor_id == admin.pk
    assert event.actor_label.startswith("钱七")


def test_unknown_agency_is_a_chinese_404(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    response = login(admin).get(reverse("workbench:staff_add", args=[999999]))
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_oversized_form_is_refused_before_anything_is_saved(agency_a, settings):
    admin = make_staff(agency_a, "agency_admin")
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    events = AuditEvent.objects.count()
    response = login(admin).post(
        reverse("workbench:agency_edit", args=[agency_a.pk]),
        _form_data(agency_a, address="很长" * 20_000),
    )
    assert response.status_code == 413
    assert "提交的内容过大" in response.content.decode()
    assert Agency.objects.get(pk=agency_a.pk).address == agency_a.address
    assert AuditEvent.objects.count() == events


def test_duplicate_unit_name_is_refused(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    client = login(admin)
    url = reverse("workbench:unit_add", args=[agency_a.pk])
    assert (
        client.post(url, {"name": "办公室", "sort_order": 1, "is_active": "on"}).status_code == 302
    )
    response = client.post(url, {"name": "办公室", "sort_order": 2, "is_active": "on"})
    assert "本机关已有同名内设机构" in response.content.decode()
    assert agency_a.units.count() == 1
