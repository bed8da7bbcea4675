"""Search fixtures: a fresh index per test, documents made to order, the corpus index."""

import itertools
from datetime import date
from pathlib import Path

import pytest

from gongkai.search import services
from gongkai.search.backends.tantivy_backend import TantivyBackend
from gongkai.search.corpus import CorpusSource, corpus_path
from gongkai.search.documents import SearchDocument

_serial = itertools.count(1)
COUNTY = {"agency_id": 1, "agency_path": "/0000000001/", "agency_name": "甲县人民政府"}


def doc(title: str, **fields) -> SearchDocument:
    """A published document of the county government unless `fields` say otherwise."""
    values = {
        "key": f"t:{next(_serial)}",
        "title": title,
        "issued_on": date(2024, 3, 1),
        "topic": "综合政务",
        "genre": "通知",
        "validity": "valid",
        "disclosure": "proactive",
        "body": "",
    }
    values |= COUNTY
    values |= fields
    return SearchDocument(**values)


@pytest.fixture
def index(settings, tmp_path):
    """An empty index of the configured backend, used by the service for this test."""
    settings.GONGKAI_SEARCH_INDEX_DIR = str(tmp_path / "index")
    services.reset_backend()
    yield services.backend()
    services.reset_backend()


@pytest.fixture
def indexed(index):
    """Index the given documents and make them searchable."""

    def add(*documents: SearchDocument) -> list[SearchDocument]:
        index.upsert(documents)
        index.commit()
        return list(documents)

    return add


def search(q: str = "", **params) -> services.SearchPage:
    return services.search(services.SearchRequest(q=q, **params))


def titles(q: str = "", **params) -> list[str]:
    return [r.hit.title for r in search(q, **params).results]


@pytest.fixture(scope="session")
def corpus_index_dir(tmp_path_factory) -> Path:
    """The whole shared corpus indexed once per test run (about a minute)."""
    if not corpus_path().is_file():
        pytest.skip(f"the shared corpus is not at {corpus_path()} (GONGKAI_CORPUS_PATH)")
    path = tmp_path_factory.mktemp("corpus-index")
    backend = TantivyBackend(path)
    backend.add_new(CorpusSource().documents())
    backend.commit()
    return path


@pytest.fixture
def corpus_index(settings, corpus_index_dir):
    settings.GONGKAI_SEARCH_INDEX_DIR = str(corpus_index_dir)
    services.reset_backend()
    yield services.backend()
    services.reset_backend()
