"""Each public page is built from a fixed, small number of queries, however many items, rooms
or reports it lists: a query per row would make the uncached portal slow under a surge."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gongkai.agencies.models import ReadingRoom
from gongkai.profiles import services
from tests.applications.cases import make_case
from tests.catalog.makers import make_item
from tests.conftest import make_staff
from tests.profiles.makers import add_leader, draft, editors, publish
from tests.public_pages import (
    page_urls,
    public_page_names,
    publish_everything,
    written_before_today,
)

# Queries per page on an anonymous visit, the data version for the ETag included; the
# request's savepoint and its release come on top (ATOMIC_REQUESTS).
MOST_QUERIES = {
    "portal:home": 2,
    "portal:agency_list": 2,
    # The 机构概况: the published version, its units, every shown leader entry (current, former
    # and history in one).
    "portal:agency_detail": 7,
    "portal:new_media": 2,
    "disclosure:index": 3,
    "disclosure:browse": 7,
    "disclosure:item": 5,  # its interpretations, or the documents it interprets: one query
    "disclosure:history": 3,
    "disclosure:agency": 4,  # the columns with their last update: one query
    "disclosure:guide": 5,
    "disclosure:rules": 3,
    "disclosure:apply": 3,
    "apply:form": 2,
    "apply:receipt": 0,
    "apply:status": 0,
    "apply:deadline": 1,
    "annual_reports:list": 2,
    "annual_reports:agency": 3,
    "annual_reports:detail": 2,
    "search:search": 1,
    "engage:write": 2,
    "engage:receipt": 0,
    "engage:lookup": 0,
    "engage:replies": 4,
    "engage:reply": 2,
    "jiedu:agency": 4,
    "engage:consultations": 3,
    "engage:consultation": 2,
    "engage:consultation_result": 4,
    "kiosk:home": 1,
    "kiosk:agencies": 2,
    "kiosk:browse": 4,
    "kiosk:item": 3,
    "kiosk:search": 1,
    "kiosk:guides": 2,
    "kiosk:guide": 5,
    "kiosk:apply": 2,
}
SAVEPOINT_AND_RELEASE = 2
# Expired lookups cleared, this address's recent ones counted, this one recorded, the case
# found with its agency (its status and deadline are cached on the row).
STATUS_LOOKUP_QUERIES = 4


@pytest.fixture
def busy_county(county, agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    published = publish_everything(county, agency_a)
    team = published["team"]
    for n in range(4):
        team.publish(
            make_item(
                agency_a,
                team.clerk,
                title=f"关于公布第{n + 1}批救助对象的公告",
                **written_before_today(),
            )
        )
    for n in range(3):
        ReadingRoom.objects.create(agency=agency_a, name=f"第{n + 1}查阅点", address="人民路1号")
    people = editors(agency_a)
    for version_number in range(2):
        version = draft(agency_a, people, effective_on=date(2025 + version_number, 1, 1))
        for n in range(3):
            services.save_unit(
                version,
                user=people.clerk,
                unit=None,
                name=f"第{n}股{version_number}",
                duties="职责",
                phone="",
                sort_order=n,
            )
            add_leader(version, people, f"领导{version_number}{n}", "副局长", date(2024, 1, 1))
        publish(version, people)
    return published


def test_every_public_page_has_its_count():
    assert set(MOST_QUERIES) == public_page_names()


@pytest.mark.parametrize("name", sorted(MOST_QUERIES))
def test_a_public_page_takes_a_fixed_number_of_queries(
    name, busy_county, django_assert_max_num_queries
):
    url = page_urls(busy_county)[name]
    client = Client()
    with django_assert_max_num_queries(MOST_QUERIES[name] + SAVEPOINT_AND_RELEASE):
        response = client.get(url)
    assert response.status_code in (200, 302), name


def test_a_status_lookup_takes_a_fixed_number_of_queries(agency_a, django_assert_max_num_queries):
    case = make_case(agency_a, timezone.localdate(), user=make_staff(agency_a, "clerk"))
    form = {"tracking_code": case.tracking_code, "phone": "138-0013-8000"}
    with django_assert_max_num_queries(STATUS_LOOKUP_QUERIES + SAVEPOINT_AND_RELEASE):
        response = Client().post(reverse("apply:status"), form)
    assert case.number in response.content.decode()
