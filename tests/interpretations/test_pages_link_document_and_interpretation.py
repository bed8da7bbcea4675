"""Item and interpretation pages link to each other, on the workbench and on the portal; the
portal has each agency's 政策解读 column; interpretations are drafted from the document's page
with the element headings in the text."""

import pytest
from django.urls import reverse

from gongkai.interpretations.models import Interpretation
from tests.catalog.makers import Team
from tests.conftest import login
from tests.interpretations.makers import make_interpretation, make_policy, sync

pytestmark = pytest.mark.django_db


def test_the_workbench_pages_link_both_ways_and_say_what_the_rule_waits_for(agency_a):
    team = Team(agency_a)
    sync(agency_a)
    document = make_policy(agency_a, team.clerk)
    client = login(team.clerk)
    page = client.get(reverse("review:item", args=[document.pk])).content.decode()
    assert "尚无政策解读" in page and "同步审签" in page
    assert reverse("interpretations:create", args=[document.pk]) in page
    interpretation = make_interpretation(agency_a, team.clerk, document)
    page = client.get(reverse("review:item", args=[document.pk])).content.decode()
    assert reverse("review:item", args=[interpretation.item.pk]) in page
    own = client.get(reverse("review:item", args=[interpretation.item.pk])).content
    assert reverse("review:item", args=[document.pk]) in own.decode()
    assert "图解形式的政策解读" in own.decode()


def test_a_clerk_drafts_an_interpretation_from_the_document(agency_a):
    team = Team(agency_a)
    document = make_policy(agency_a, team.clerk)
    client = login(team.clerk)
    url = reverse("interpretations:create", args=[document.pk])
    form = client.get(url).content.decode()
    assert "一、背景依据" in form and "八、新旧政策差异" in form
    response = client.post(
        url,
        {
            "title": "图解：低保通知",
            "form": "graphic",
            "documents": [document.pk],
            "formed_on": "2026-11-03",
            "body": "一、背景依据\n根据有关规定。",
        },
    )
    interpretation = Interpretation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("review:item", args=[interpretation.item.pk])
    assert interpretation.item.current_version.genre.name == "政策解读"
    bad = client.post(url, {"title": "缺少文件", "form": "text", "formed_on": "2026-11-03"})
    assert bad.status_code == 400
    assert Interpretation.objects.count() == 1


def test_the_portal_pages_link_both_ways_and_the_agency_column_lists_it(agency_a, client):
    team = Team(agency_a)
    document = team.publish(make_policy(agency_a, team.clerk))
    interpretation = make_interpretation(agency_a, team.clerk, document)
    team.publish(interpretation.item)
    doc_page = client.get(reverse("disclosure:item", args=[document.pk])).content.decode()
    own_page = client.get(reverse("disclosure:item", args=[interpretation.item.pk]))
    assert reverse("disclosure:item", args=[interpretation.item.pk]) in doc_page
    assert "政策解读：" in doc_page and "（图解）" in doc_page
    assert reverse("disclosure:item", args=[document.pk]) in own_page.content.decode()
    column = client.get(reverse("jiedu:agency", args=[agency_a.pk])).content.decode()
    assert "图解：" in column and reverse("disclosure:item", args=[document.pk]) in column
    agency_page = client.get(reverse("disclosure:agency", args=[agency_a.pk])).content.decode()
    assert reverse("jiedu:agency", args=[agency_a.pk]) in agency_page


def test_an_unpublished_interpretation_is_not_linked_on_the_portal(agency_a, client):
    team = Team(agency_a)
    document = team.publish(make_policy(agency_a, team.clerk))
    interpretation = make_interpretation(agency_a, team.clerk, document)
    doc_page = client.get(reverse("disclosure:item", args=[document.pk])).content.decode()
    assert reverse("disclosure:item", args=[interpretation.item.pk]) not in doc_page
    column = client.get(reverse("jiedu:agency", args=[agency_a.pk])).content.decode()
    assert "本机关暂无政策解读" in column


def test_the_setting_is_edited_on_the_review_chain_page(agency_a, user_a):
    client = login(user_a)
    chain = client.get(reverse("review:chain", args=[agency_a.pk])).content.decode()
    assert (
        "政策解读同步" in chain and reverse("interpretations:setting", args=[agency_a.pk]) in chain
    )
    response = client.post(
        reverse("interpretations:setting", args=[agency_a.pk]), {"mode": "follow", "days": "3"}
    )
    assert response.status_code == 302
    assert agency_a.interpretation_setting.mode == "follow"
    refused = client.post(
        reverse("interpretations:setting", args=[agency_a.pk]), {"mode": "follow", "days": "99"}
    )
    assert refused.status_code == 400
    clerk = login(Team(agency_a).clerk)
    denied = clerk.post(
        reverse("interpretations:setting", args=[agency_a.pk]), {"mode": "off", "days": "3"}
    )
    assert denied.status_code in (403, 404)
