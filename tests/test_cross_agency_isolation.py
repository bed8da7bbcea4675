"""No staff endpoint lets a user of agency A read or change agency B's non-public data.

The test walks the URL configuration, so an endpoint added later is covered (or makes this
test fail until it is classified): by id, by list filter and by export, for every method.
"""

from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from drf_spectacular.generators import SchemaGenerator

from tests.conftest import login, make_agency, make_staff
from tests.owned import OWNED

MARKER = "乙局内部资料"
# Pages anyone may see, or that concern only the logged-in user's own account.
PUBLIC_NAMESPACES = {
    "portal",
    "accounts",
    "apply",
    "disclosure",
    "search",
    "annual_reports",
    "engage",
    "jiedu",
    "notices",
    "kiosk",
}
PUBLIC_NAMES = {"api:schema", "api:docs"}
PUBLIC_PREFIX = "api:public-"
WRITE_METHODS = ("post", "put", "patch", "delete")


@dataclass
class Endpoint:
    name: str
    kwargs: tuple[str, ...]
    view: type

    @property
    def model(self):
        view = self.view
        if getattr(view, "queryset", None) is not None:
            return view.queryset.model
        return getattr(view, "model", None)


def _walk(resolver: URLResolver, namespace: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            yield from _walk(entry, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry


def _view_class(pattern: URLPattern):
    callback = pattern.callback
    return getattr(callback, "view_class", None) or getattr(callback, "cls", None)


def staff_endpoints() -> list[Endpoint]:
    found = []
    for name, pattern in _walk(get_resolver()):
        namespace = name.split(":")[0]
        if namespace in PUBLIC_NAMESPACES or name in PUBLIC_NAMES:
            continue
        if name.startswith(PUBLIC_PREFIX):
            continue
        view = _view_class(pattern)
        assert view is not None and (
            getattr(view, "action", None) or getattr(view, "view_action", None)
        ), f"{name} is a staff endpoint but does not declare the access action it needs"
        kwargs = tuple(pattern.pattern.converters) or tuple(pattern.pattern.regex.groupindex)
        found.append(Endpoint(name, kwargs, view))
    return found


ENDPOINTS = staff_endpoints()


@pytest.fixture
def b_rows(agency_b, user_b):
    rows = {model: spec.make(agency_b, MARKER) for model, spec in OWNED.items()}
    agency_b.name = f"{agency_b.name}{MARKER}"
    agency_b.save()
    return rows


def _url(endpoint: Endpoint, rows, agency_b) -> str:
    values = {}
    for kwarg in endpoint.kwargs:
        if kwarg == "agency_pk":
            values[kwarg] = agency_b.pk
        elif kwarg == "pk":
            assert endpoint.model in rows, (
                f"{endpoint.name}: add {endpoint.model} to tests/owned.py so isolation is tested"
            )
            values[kwarg] = rows[endpoint.model].pk
        elif kwarg == "format":
            values[kwarg] = "json"
        else:
            pytest.fail(f"{endpoint.name}: teach this test what the URL argument {kwarg} means")
    return reverse(endpoint.name, kwargs=values)


def _counts():
    return {model: model._default_manager.count() for model in OWNED}


def _state(rows):
    return {
        model: {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields}
        for model, obj in rows.items()
    }


def test_every_staff_endpoint_is_found():
    names = {e.name for e in ENDPOINTS}
    assert {"workbench:agency_detail", "workbench:staff_export", "api:staff-unit-detail"} <= names


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_agency_a_cannot_read_agency_b(endpoint, user_a, agency_b, b_rows):
    client = login(user_a)
    url = _url(endpoint, b_rows, agency_b)
    for query in (
        "",
        f"?agency={agency_b.pk}",
        f"?parent={agency_b.pk}",
        f"?agency_pk={agency_b.pk}",
    ):
        response = client.get(url + query)
        body = response.content.decode("utf-8", "replace")
        if {"pk", "agency_pk"} & set(endpoint.kwargs):
            assert response.status_code in (403, 404), f"{url}{query}: {response.status_code}"
        else:
            assert response.status_code in (200, 400, 403, 405), f"{url}{query}"
        assert MARKER not in body, f"{url}{query} shows agency B's data"


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
def test_agency_a_cannot_change_agency_b(endpoint, user_a, agency_b, b_rows):
    client = login(user_a)
    url = _url(endpoint, b_rows, agency_b)
    payload = OWNED[endpoint.model].payload(agency_b, "篡改") if endpoint.model in OWNED else {}
    before_counts, before_state = _counts(), _state(b_rows)
    for method in WRITE_METHODS:
        call = getattr(client, method)
        if method == "post":
            response = call(url, payload)
        else:
            response = call(url, payload, content_type="application/json")
        # A tool that owns no records (e.g. checking a text) may answer; it must still change
        # nothing, which the comparison below proves.
        refused = (400, 403, 404, 405)
        allowed = (*refused, 200) if endpoint.model is None else refused
        assert response.status_code in allowed, f"{method} {url}: {response.status_code}"
    for obj in b_rows.values():
        obj.refresh_from_db()
    assert _state(b_rows) == before_state
    after_counts = _counts()
    # Only audit rows of the refused requests' own bookkeeping may appear; none exist today.
    assert after_counts == before_counts


@pytest.mark.parametrize(
    "endpoint",
    [e for e in ENDPOINTS if "pk" in e.kwargs or "agency_pk" in e.kwargs],
    ids=lambda e: e.name,
)
def test_agency_b_staff_do_reach_the_same_urls(endpoint, user_b, agency_b, b_rows):
    """The refusals above come from scoping, not from URLs that lead nowhere."""
    response = login(user_b).get(_url(endpoint, b_rows, agency_b))
    assert response.status_code == 200, response.content[:300]


def test_the_api_schema_lists_no_staff_path_the_walk_missed():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    walked = {
        reverse(e.name, kwargs={k: 1 for k in e.kwargs if k != "format"})
        for e in ENDPOINTS
        if "format" not in e.kwargs
    }
    walked_shapes = {_shape(u) for u in walked}
    for path in schema["paths"]:
        if path.startswith("/api/staff/"):
            assert _shape(path) in walked_shapes, path


def _shape(path: str) -> str:
    return "/".join("{}" if (p.isdigit() or p.startswith("{")) else p for p in path.split("/"))


def test_supervisors_read_subordinates_but_not_siblings(county, agency_a, agency_b):
    supervisor = make_staff(agency_a, "supervisor")
    client = login(supervisor)
    sub = make_agency("甲局下属中心", agency_a, kind="office")
    assert client.get(reverse("workbench:agency_detail", args=[sub.pk])).status_code == 200
    assert client.get(reverse("workbench:agency_detail", args=[agency_b.pk])).status_code == 404
    # Supervision grants reading only.
    assert client.get(reverse("workbench:agency_edit", args=[sub.pk])).status_code == 403
