"""`gongkai integrity scan` fetches the published pages from the running portal and reports a
page whose content no longer matches the approved version or carries injected text."""

import json
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from gongkai.agencies.models import Agency
from gongkai.catalog.models import ItemVersion
from gongkai.checks.integrity import FINGERPRINT_ACTION
from gongkai.core.audit import verify
from gongkai.core.models import AuditEvent
from tests.catalog.makers import Team, make_item
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def published(agency_a):
    team = Team(agency_a)
    items = [team.publish(make_item(agency_a, team.clerk, title=f"通知{i}")) for i in (1, 2)]
    admin = make_staff(agency_a, "agency_admin")
    admin.email = "admin@example.gov.cn"
    admin.save()
    return items


def _scan(live_server) -> tuple[int, list[dict]]:
    out = StringIO()
    try:
        call_command("integrity", "scan", "--base-url", live_server.url, "--json", stdout=out)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


def test_publishing_records_a_fingerprint_in_the_audit_chain(published):
    version = published[0].published_version
    event = AuditEvent.objects.get(record_id=str(version.pk), action=FINGERPRINT_ACTION)
    assert len(event.after["sha256"]) == 64
    assert verify().ok


def test_untouched_pages_pass(published, live_server):
    code, reports = _scan(live_server)
    assert code == 0
    assert [r["ok"] for r in reports] == [True, True]


def test_a_body_changed_behind_the_review_gate_is_caught(published, live_server):
    victim = published[1]
    ItemVersion.objects.filter(pk=victim.published_version_id).update(body="篡改后的正文。")
    code, reports = _scan(live_server)
    assert code == 1
    by_item = {r["item"]: r for r in reports}
    assert by_item[published[0].pk]["ok"]
    assert "与审查通过的版本不一致" in by_item[victim.pk]["problems"][0]
    assert AuditEvent.objects.filter(record_id=str(victim.pk), action="integrity_alert").exists()
    assert mail.outbox and "admin@example.gov.cn" in mail.outbox[0].to


def test_injected_spam_around_the_body_is_caught(published, live_server, agency_a):
    Agency.objects.filter(pk=agency_a.pk).update(name="测试县甲局澳门新葡京官网入口")
    code, reports = _scan(live_server)
    assert code == 1
    assert all(not r["ok"] for r in reports)
    assert any("植入内容" in p for p in reports[0]["problems"])


def test_an_unreachable_portal_is_reported(published):
    code, reports = _scan(type("Dead", (), {"url": "http://127.0.0.1:9"})())
    assert code == 1
    assert all("无法访问" in r["problems"][0] for r in reports)
