"""An agency's leader or admin rewrites a letter's wording; a broken template is refused and
an empty one restores the built-in wording."""

from django.urls import reverse

from gongkai.applications.models import LetterTemplate
from tests.conftest import login, make_staff


def test_edit_refuse_and_restore(agency_a):
    client = login(make_staff(agency_a, "agency_admin"))
    url = reverse("cases:letter_templates", args=[agency_a.pk])
    page = client.get(url, {"kind": "correction"}).content.decode()
    assert "一次性告知您需要补正的事项" in page

    saved = client.post(url, {"kind": "correction", "body": "{{ 申请人 }}：请补正{{ 补正事项 }}。"})
    assert saved.status_code == 302
    assert LetterTemplate.objects.get(agency=agency_a, kind="correction").body.startswith("{{")

    broken = client.post(url, {"kind": "correction", "body": "{% if %}"})
    assert "模板格式有误" in broken.content.decode()
    assert "请补正" in LetterTemplate.objects.get(agency=agency_a, kind="correction").body

    client.post(url, {"kind": "correction", "body": ""})
    assert not LetterTemplate.objects.filter(agency=agency_a).exists()


def test_a_clerk_may_not_edit_templates(agency_a):
    client = login(make_staff(agency_a, "clerk"))
    url = reverse("cases:letter_templates", args=[agency_a.pk])
    assert client.get(url).status_code in (403, 404)
