"""Anonymous visits to public pages and feeds are cacheable by a proxy: no cookie, no
`Vary: Cookie`, a short public max-age and an ETag that a publication changes; a conditional
request is answered 304. The forms that change something set their CSRF cookie and are never
cached; a visit with a session is private."""

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from gongkai.review import services as review
from gongkai.web.public_cache import PublicCacheMiddleware, public_page
from tests.catalog.makers import make_item
from tests.conftest import login
from tests.public_pages import (
    feed_urls,
    page_urls,
    public_patterns,
    publish_everything,
    written_before_today,
)

# A redirect to the page that replaced it carries no content of its own.
REDIRECTS = {"disclosure:reports"}
FORM_PAGES = {
    "apply:form",
    "apply:status",
    "engage:write",
    "engage:lookup",
    "engage:consultation",
}
PRIVATE_PAGES = {
    "apply:receipt",
    "apply:reply_download",
    "apply:reply_file_download",
    "engage:receipt",
}


@pytest.fixture
def published(county, agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.GONGKAI_PUBLIC_MAX_AGE = 60
    return publish_everything(county, agency_a)


def _cacheable_urls(published) -> dict[str, str]:
    urls = page_urls(published) | feed_urls(published)
    return {name: url for name, url in urls.items() if name not in FORM_PAGES | PRIVATE_PAGES}


def test_every_public_address_says_how_it_may_be_cached():
    policies = {
        name: getattr(pattern.callback, "cache_policy", None)
        for name, pattern in public_patterns().items()
        if name not in REDIRECTS
    }
    assert {n for n, p in policies.items() if p == "form"} == FORM_PAGES
    assert {n for n, p in policies.items() if p == "private"} == PRIVATE_PAGES
    assert {n for n, p in policies.items() if p not in ("public", "form", "private")} == set()


def test_every_cacheable_address_is_visited_here(published):
    public = {
        n
        for n, p in public_patterns().items()
        if getattr(p.callback, "cache_policy", "") == "public"
    }
    # The published files and paper forms are public too; their own tests download them.
    assert public - set(_cacheable_urls(published)) == {
        "disclosure:attachment",
        "portal:leader_photo",
        "apply:paper_form_docx",
        "apply:paper_form_pdf",
    }


def test_anonymous_public_pages_set_no_cookie_and_may_be_kept(published):
    client = Client()
    for name, url in _cacheable_urls(published).items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert response.cookies == {}, name
        assert "cookie" not in response.get("Vary", "").lower(), name
        assert response["Cache-Control"] == "public, max-age=60", name
        assert response["ETag"].startswith('"'), name
        assert client.cookies == {}, name


def test_a_page_whose_etag_holds_is_answered_304(published, django_assert_max_num_queries):
    client = Client()
    for name, url in _cacheable_urls(published).items():
        etag = client.get(url)["ETag"]
        # The data version, inside the request's savepoint and its release: no page is built.
        with django_assert_max_num_queries(3):
            again = client.get(url, headers={"if-none-match": etag})
        assert again.status_code == 304, name
        assert again["ETag"] == etag and again["Cache-Control"] == "public, max-age=60"


def test_a_publication_changes_the_etag_of_the_pages_that_show_it(published):
    urls = page_urls(published)
    client = Client()
    before = {name: client.get(urls[name])["ETag"] for name in ("portal:home", "disclosure:item")}
    team = published["team"]
    team.publish(
        make_item(
            team.agency,
            team.clerk,
            title="关于公布2026年临时救助对象名单的公告",
            **written_before_today(),
        )
    )
    for name, etag in before.items():
        response = client.get(urls[name], headers={"if-none-match": etag})
        assert response.status_code == 200 and response["ETag"] != etag, name
    column = client.get(reverse("disclosure:agency", args=[team.agency.pk]))
    assert "关于公布2026年临时救助对象名单的公告" in column.content.decode()


def test_a_withdrawal_changes_the_etag_and_the_page_is_gone(published):
    url = page_urls(published)["disclosure:item"]
    client = Client()
    etag = client.get(url)["ETag"]
    item, team = published["item"], published["team"]
    review.revoke(user=team.leader, item=item, reason="内容有误，撤回更正")
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")


def test_forms_set_their_csrf_cookie_and_are_never_kept(published):
    urls = page_urls(published)
    for name in FORM_PAGES:
        response = Client().get(urls[name])
        assert "csrftoken" in response.cookies, name
        assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
        assert 'name="csrfmiddlewaretoken"' in response.content.decode(), name


def test_the_application_form_still_submits_with_its_csrf_cookie(published):
    client = Client(enforce_csrf_checks=True)
    page = client.get(page_urls(published)["apply:form"])
    token = page.cookies["csrftoken"].value
    refused = Client(enforce_csrf_checks=True).post(reverse("apply:form"), {})
    assert refused.status_code == 403
    checked = client.post(reverse("apply:form"), {"csrfmiddlewaretoken": token})
    assert checked.status_code == 400  # past the CSRF check, to the form's own errors


def test_a_visit_with_a_session_is_private(published):
    client = login(published["team"].clerk)
    response = client.get(page_urls(published)["disclosure:item"])
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_a_page_that_sets_a_cookie_anyway_is_made_private(rf, db):
    def sets_a_cookie(request):
        response = HttpResponse("x")
        response.set_cookie("tracker", "1")
        return response

    request = rf.get("/")
    response = PublicCacheMiddleware(lambda r: public_page(sets_a_cookie)(r))(request)
    assert "private" in response["Cache-Control"] and not response.has_header("ETag")
