"""Publishing queues the item for search in the same transaction; revoking queues its removal;
a rebuild sees exactly the published items."""

import pytest

from gongkai.catalog.search_feed import CatalogSource, key_for
from gongkai.review import services as review
from gongkai.search.models import IndexChange
from tests.catalog.makers import Team, make_item

pytestmark = pytest.mark.django_db


def test_publication_and_revocation_reach_the_search_queue(agency_a, settings):
    settings.GONGKAI_SEARCH_SYNC_INLINE = False
    team = Team(agency_a)
    draft = make_item(team.agency, team.clerk, title="仍是草稿")
    item = team.publish(make_item(team.agency, team.clerk, title="已公开的通知"))
    change = IndexChange.objects.get()
    assert (change.key, change.op) == (key_for(item), IndexChange.Op.UPSERT)
    assert change.payload["title"] == "已公开的通知"
    assert [d.title for d in CatalogSource().documents()] == ["已公开的通知"]
    assert key_for(draft) not in IndexChange.objects.values_list("key", flat=True)
    review.revoke(user=team.leader, item=item, reason="内容有误")
    assert IndexChange.objects.latest("pk").op == IndexChange.Op.DELETE
    assert CatalogSource().count() == 0
