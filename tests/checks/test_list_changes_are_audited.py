"""Every add, change and deactivation of a word-list entry is a row of the audit trail, and
the entry's page shows those rows as its versions."""

from django.urls import reverse

from gongkai.checks.models import CheckListEntry
from gongkai.core.audit import verify
from gongkai.core.models import AuditEvent
from tests.conftest import login, make_staff


def test_each_change_writes_an_audit_row_shown_as_a_version(county):
    admin = make_staff(county, "system_admin", full_name="王管理")
    client = login(admin)
    client.post(
        f"{reverse('checks:list')}?name=spam_injection.brands",
        {"entry": "金冠国际", "note": "首页被植入"},
    )
    entry = CheckListEntry.objects.get()
    url = f"{reverse('checks:entry')}?id={entry.pk}"
    client.post(url, {"entry": "金冠国际娱乐", "note": "首页被植入"})
    client.post(url, {"op": "deactivate"})

    rows = AuditEvent.objects.filter(
        record_type="checks.checklistentry", record_id=str(entry.pk)
    ).order_by("seq")
    assert [row.action for row in rows] == ["create", "change", "change"]
    assert rows[0].after["entry"] == "金冠国际" and rows[0].actor_id == admin.pk
    assert (rows[1].before, rows[1].after) == ({"entry": "金冠国际"}, {"entry": "金冠国际娱乐"})
    assert (rows[2].before, rows[2].after) == ({"is_active": True}, {"is_active": False})
    assert verify().ok

    page = client.get(url).content.decode()
    assert "历史版本" in page
    assert page.count('<span class="badge">修改</span>') == 2
    assert "<del>金冠国际</del> → <ins>金冠国际娱乐</ins>" in page
    assert "<del>是</del> → <ins>否</ins>" in page
    assert "王管理" in page
