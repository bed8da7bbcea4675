"""Property-based test of every public page, feed and file against its query string: the names
the portal reads (and unknown ones) with values drawn from numbers past any database integer,
decimals, «²», control characters, long and mixed text, and bytes that are no UTF-8. Whatever
arrives, the answer is never a server error.

Bounded for CI (marked `fuzz`: it runs in the SQLite pass, not again on PostgreSQL or in
the date guard): a fixed number of queries per address, derandomized so a run is repeatable.
"""

from urllib.parse import urlencode, urlsplit

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.public_pages import feed_urls, page_urls, public_page_names, publish_everything

pytestmark = pytest.mark.fuzz

# What the public pages, the search form, the look-ups and the downloads read (web/params.py,
# search/forms.py, catalog/public.py, notices/views.py, engagement/portal.py,
# applications/portal.py).
NAMES = [
    "q", "agency", "topic", "genre", "year", "page", "page_size", "kind", "sort", "date_from",
    "date_to", "validity", "disclosure", "drafts", "as", "excerpt", "start", "workdays", "code",
    "phone", "cell", "limit", "offset", "size",
]  # fmt: skip
NASTY = [
    "²", "٣", "-1", "0", "0.0", "1e400", "NaN", "9223372036854775808",
    "99999999999999999999999999", " ", "\x00", "'\"<>", "../../etc/passwd", "2026-13-45",
    "中" * 2000,
]  # fmt: skip
# Percent-escapes a browser would never send: invalid UTF-8, an encoded lone surrogate, a NUL.
RAW = ["", "&q=%FF%FE", "&agency=%ED%A0%80", "&year=%00", "&page=%C0%AF"]

values = st.one_of(
    st.sampled_from(NASTY),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=60),
)
queries = st.tuples(
    st.dictionaries(st.one_of(st.sampled_from(NAMES), st.text(min_size=1, max_size=6)), values),
    st.sampled_from(RAW),
)


@pytest.fixture
def addresses(county, agency_a):
    published = publish_everything(county, agency_a)
    return page_urls(published) | feed_urls(published)


# Every public page by its URL name (new pages join by themselves), and the feeds and files
# tests/public_pages.py gives an address for; listed at collection so that the addresses spread
# over the test workers.
FEEDS = [
    "portal:site_description", "engage:consultation_draft", "disclosure:feed",
    "disclosure:agency_feed", "disclosure:topic_feed", "disclosure:sitemap",
    "disclosure:sitemap_section", "annual_reports:download", "notices:item", "notices:guide",
    "notices:catalog", "notices:report",
]  # fmt: skip
ADDRESS_NAMES = sorted(public_page_names()) + FEEDS


def test_every_address_is_fuzzed(addresses):
    assert set(addresses) == set(ADDRESS_NAMES)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ADDRESS_NAMES)
def test_no_query_string_causes_a_server_error(name, addresses):
    path = urlsplit(addresses[name]).path
    client = Client(raise_request_exception=False)

    @settings(
        max_examples=8,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(queries)
    def answer(query):
        params, raw = query
        response = client.get(f"{path}?{urlencode(params)}{raw}")
        assert response.status_code < 500, (path, params, raw, response.status_code)

    answer()
