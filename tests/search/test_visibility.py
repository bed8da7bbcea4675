"""The public sees published current items only; staff also see their own agency's drafts."""

import re

import pytest

from gongkai.agencies.models import Role
from gongkai.search import services
from gongkai.search.documents import Status
from tests.conftest import make_agency, make_staff

from .conftest import doc

pytestmark = pytest.mark.django_db


@pytest.fixture
def agencies():
    county = make_agency("甲县人民政府")
    return (
        county,
        make_agency("甲县民政局", parent=county),
        make_agency("甲县教育局", parent=county),
    )


def _at(agency, title, **fields):
    return doc(
        title, agency_id=agency.pk, agency_path=agency.path, agency_name=agency.name, **fields
    )


@pytest.fixture
def items(indexed, agencies):
    _, welfare, education = agencies
    return indexed(
        _at(welfare, "民政局已公开的救助办法"),
        _at(welfare, "民政局救助办法草稿", status=Status.DRAFT),
        _at(welfare, "民政局救助办法旧版本", is_current=False),
        _at(education, "教育局救助办法草稿", status=Status.DRAFT),
        _at(welfare, "民政局已撤回的救助办法", status=Status.REVOKED),
    )


def _titles(user=None, drafts=False):
    request = services.SearchRequest(q="救助办法", include_drafts=drafts)
    return {r.hit.title for r in services.search(request, user).results}


def test_public_sees_only_published_current_items(items):
    assert _titles() == {"民政局已公开的救助办法"}


def test_staff_see_their_own_agency_drafts_when_they_ask(items, agencies):
    clerk = make_staff(agencies[1], Role.CLERK)
    assert _titles(clerk) == {"民政局已公开的救助办法"}
    assert _titles(clerk, drafts=True) == {
        "民政局已公开的救助办法",
        "民政局救助办法草稿",
        "民政局救助办法旧版本",
        "民政局已撤回的救助办法",
    }


def test_staff_never_see_another_agency_drafts(items, agencies):
    teacher = make_staff(agencies[2], Role.CLERK)
    assert _titles(teacher, drafts=True) == {"民政局已公开的救助办法", "教育局救助办法草稿"}


def test_a_supervisor_sees_drafts_of_the_subtree(items, agencies):
    supervisor = make_staff(agencies[0], Role.SUPERVISOR)
    assert "教育局救助办法草稿" in _titles(supervisor, drafts=True)
    assert "民政局救助办法草稿" in _titles(supervisor, drafts=True)


def _page_text(response) -> str:
    return re.sub(r"<[^>]+>", "", response.content.decode())


def test_drafts_on_the_portal_need_a_login(items, client, agencies):
    response = client.get("/search/", {"q": "救助办法", "drafts": "on"})
    assert "草稿" not in _page_text(response)
    clerk = make_staff(agencies[1], Role.CLERK)
    client.force_login(clerk)
    response = client.get("/search/", {"q": "救助办法", "drafts": "on"})
    assert "民政局救助办法草稿" in _page_text(response)
    assert "教育局救助办法草稿" not in _page_text(response)


def test_the_public_api_never_shows_drafts(items, client, agencies):
    clerk = make_staff(agencies[1], Role.CLERK)
    client.force_login(clerk)
    data = client.get("/api/public/search/", {"q": "救助办法", "drafts": "true"}).json()
    assert [r["title"] for r in data["results"]] == ["民政局已公开的救助办法"]
