"""Saving an item refuses with `Refused` (message and field) on every rule, the model's own
field checks included, and the API answers with that field and message."""

from datetime import date

import pytest
from rest_framework.test import APIClient

from gongkai.catalog import services
from gongkai.lib.errors import Refused
from tests.catalog.makers import Team, make_item

pytestmark = pytest.mark.django_db


def test_cross_field_and_model_rules_are_refusals_with_their_field(agency_a):
    team = Team(agency_a)
    item = make_item(team.agency, team.clerk)
    with pytest.raises(Refused) as dates:
        services.update_item(
            user=team.clerk,
            item=item,
            data={"effective_on": date(2026, 5, 1), "expires_on": date(2026, 4, 1)},
        )
    assert (dates.value.field, dates.value.message) == ("expires_on", "失效日期不能早于生效日期。")
    with pytest.raises(Refused) as too_long:
        services.update_item(user=team.clerk, item=item, data={"title": "长" * 1000})
    assert too_long.value.field == "title"
    assert too_long.value.message.startswith("标题：")


def test_the_api_answers_with_the_field_and_the_reason(agency_a):
    team = Team(agency_a)
    item = make_item(team.agency, team.clerk)
    api = APIClient()
    api.force_authenticate(team.clerk)
    answer = api.patch(
        f"/api/staff/items/{item.pk}/",
        {"effective_on": "2026-05-01", "expires_on": "2026-04-01"},
        format="json",
    )
    assert answer.status_code == 400
    assert answer.json() == {"expires_on": ["失效日期不能早于生效日期。"]}
