"""`gongkai import items --published`: a legacy catalog is migrated a batch at a time — every
item still has its own approved one-step review signed by the admin, its publication time, its
fingerprint for the integrity scan and its search change — with a fixed number of audit records
per batch, however many items it holds, so a large catalog migrates at the draft import's pace."""

import json

import pytest
from django.core.management import call_command

from gongkai.catalog.models import InfoItem, ItemStatus
from gongkai.checks.integrity import approved_fingerprint, fingerprint
from gongkai.core.models import AuditEvent
from gongkai.review.models import Review, ReviewState
from gongkai.search.models import IndexChange
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db


def _migrate(tmp_path, agency, admin, count, first=0):
    rows = [
        {
            "title": f"关于某某事项的通知（{n}）",
            "doc_no": f"某政发〔2019〕{n + 1}号",
            "written_on": "2019-03-01",
            "published_at": f"2019-03-{n % 28 + 1:02d} 10:30:00",
            "body": f"第{n}份通知的正文。",
        }
        for n in range(first, first + count)
    ]
    path = tmp_path / f"legacy-{first}.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    before = AuditEvent.objects.count()
    call_command(
        "import", "items", str(path), "--agency", agency.credit_code,
        "--user", admin.username, "--published",
    )  # fmt: skip
    return AuditEvent.objects.count() - before


def test_each_item_is_confirmed_and_the_audit_grows_per_batch_not_per_item(agency_a, tmp_path):
    admin = make_staff(agency_a, "agency_admin")
    few = _migrate(tmp_path, agency_a, admin, 2)
    many = _migrate(tmp_path, agency_a, admin, 12, first=2)
    assert few == many
    items = InfoItem.objects.select_related("published_version").order_by("pk")
    assert items.count() == 14
    for n, item in enumerate(items):
        version = item.published_version
        assert item.status == ItemStatus.PUBLISHED and version == item.current_version
        assert item.first_published_at.isoformat() == f"2019-03-{n % 28 + 1:02d}T02:30:00+00:00"
        assert version.published_at == item.first_published_at
        review = Review.objects.get(version=version)
        assert (review.state, review.is_migration) == (ReviewState.APPROVED, True)
        assert review.opinions.get().reviewer == admin
        assert approved_fingerprint(version) == fingerprint(version.title, version.body)
    assert InfoItem.objects.public().count() == 14
    assert IndexChange.objects.filter(key__startswith="item:").count() == 14
    event = AuditEvent.objects.filter(action="publish_migrated").order_by("seq").last()
    assert event.actor_id == admin.pk
    assert [row[1] for row in event.after["items"]] == [i.index_no for i in items[2:]]
