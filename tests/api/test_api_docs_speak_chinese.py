"""What Swagger UI shows a clerk as text — group names, each operation's summary, the
explanations — is Chinese; paths, field names and codes stay identifiers."""

import re

import pytest

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_WORDS = re.compile(r"\b[A-Za-z]{3,}\b(?:\s+[A-Za-z]{2,}\b)+")  # a phrase, not a code


@pytest.fixture(scope="module")
def document(django_db_setup, django_db_blocker):
    from django.test import Client

    with django_db_blocker.unblock():
        response = Client().get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def operations(document):
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def test_every_operation_has_a_chinese_group_and_summary(document):
    for name, operation in operations(document):
        tags = operation.get("tags") or []
        assert tags and all(CJK.search(t) and not t.startswith("（") for t in tags), name
        assert CJK.search(operation.get("summary") or ""), f"{name} 缺少中文摘要"


def test_no_english_prose_is_published(document):
    texts = [("info", document["info"]["description"])]
    for name, operation in operations(document):
        texts.append((name, operation.get("description", "")))
        for code, response in operation.get("responses", {}).items():
            texts.append((f"{name} {code}", response.get("description", "")))
    for name, schema in document["components"]["schemas"].items():
        texts.append((name, schema.get("description", "")))
    for name, scheme in document["components"].get("securitySchemes", {}).items():
        texts.append((name, scheme.get("description", "")))
    english = [(where, text) for where, text in texts if text and ENGLISH_WORDS.search(text)]
    assert english == []


def test_the_transitions_endpoints_read_alike(document):
    summaries = {
        name: operation["summary"]
        for name, operation in operations(document)
        if name.endswith(("/transitions/", "/moves/"))
    }
    assert summaries["GET /api/staff/items/{id}/transitions/"] == "查看政府信息及当前可执行的操作"
    assert summaries["POST /api/staff/reports/{id}/transitions/"].startswith("对")
