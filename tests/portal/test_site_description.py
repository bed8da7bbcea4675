"""`/site.json` describes the site for monitors: its identity as the footer shows it, and each
public agency's contacts with the address of its page."""

import json
from datetime import date

from django.test import Client
from django.urls import reverse

from tests.conftest import make_agency
from tests.portal.test_footer_shows_the_site_identity import REAL
from tests.profiles.makers import add_leader, draft, editors, publish


def _described(client=None) -> dict:
    response = (client or Client()).get(reverse("portal:site_description"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    # Chinese as text, not as escapes: a monitor's log stays readable.
    assert "政府信息公开平台" in response.content.decode()
    return json.loads(response.content)


def test_the_identity_and_its_examples(db):
    described = _described()
    assert described["format"] == "gongkai-site/1"
    assert described["url"] == "http://testserver/"
    identity = described["identity"]
    assert identity["site_code"] == "5399010001"
    assert set(identity["examples"]) == {
        "conac_url",
        "site_code",
        "icp",
        "psb",
        "sponsor",
        "contact_phone",
        "contact_email",
        "contact_address",
    }


def test_the_deployment_s_identity(settings, db):
    for name, value in REAL.items():
        setattr(settings, name, value)
    identity = _described()["identity"]
    assert identity["examples"] == []
    assert identity["icp"] == "滇ICP备12345678号-2"
    assert identity["icp_url"] == "https://beian.miit.gov.cn/"
    assert identity["psb_url"].endswith("code=53990102000123")
    assert identity["contact"] == {
        "phone": "0878-5200001",
        "email": "web@test.gov.cn",
        "address": "测试县人民路1号",
    }


def test_public_agencies_with_their_contacts(county, agency_a):
    agency_a.address, agency_a.phone, agency_a.postcode = "人民路2号", "0878-5211111", "675500"
    agency_a.save()
    closed = make_agency("测试县已撤销局", county, is_active=False)
    agencies = {a["name"]: a for a in _described()["agencies"]}
    assert closed.name not in agencies
    described = agencies[agency_a.name]
    assert described["url"] == f"http://testserver/agencies/{agency_a.pk}/"
    assert described["parent"] == county.pk
    assert described["contact"]["address"] == "人民路2号"
    assert described["contact"]["phone"] == "0878-5211111"
    assert described["disclosure_office"]["name"] == agency_a.disclosure_office


def test_each_agency_s_current_leaders_in_a_fixed_number_of_queries(
    county, agency_a, agency_b, settings, tmp_path, django_assert_max_num_queries
):
    settings.MEDIA_ROOT = tmp_path
    for agency in (agency_a, agency_b):
        people = editors(agency)
        version = draft(agency, people)
        add_leader(version, people, f"{agency.name}局长", "局长", date(2024, 1, 1))
        add_leader(version, people, f"{agency.name}副局长", "副局长", date(2025, 1, 1), photo=False)
        publish(version, people)
    unpublished = draft(agency_a, editors(agency_a))
    add_leader(unpublished, editors(agency_a), "尚未发布的领导", "副局长", date(2026, 1, 1))
    # The data version, the agencies, their leaders; the request's savepoint and release.
    with django_assert_max_num_queries(3 + 2):
        agencies = {a["name"]: a for a in _described()["agencies"]}
    leaders = agencies[agency_a.name]["leaders"]
    assert [leader["name"] for leader in leaders] == [
        f"{agency_a.name}局长",
        f"{agency_a.name}副局长",
    ]
    assert leaders[0]["post"] == "局长" and leaders[0]["took_office"] == "2024-01-01"
    assert leaders[0]["photo"].startswith(f"http://testserver/agencies/{agency_a.pk}/leaders/")
    assert leaders[1]["photo"] == ""
    assert agencies[county.name]["leaders"] == []
