"""The agency's staff start and edit a draft on the workbench (a leader with a photo, a unit's
duties filled in from its row) or through the staff API (the photo as multipart); a reviewer
finds it in the 待审核 tab and approves it; those without the right are turned away."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.profiles.models import ProfileStatus, ProfileVersion
from tests.catalog.files import pdf_bytes, png_bytes
from tests.conftest import login, make_staff
from tests.profiles.makers import draft, editors, entry_of

pytestmark = pytest.mark.django_db


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def test_a_clerk_drafts_and_a_reviewer_approves_on_the_workbench(agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    people = editors(agency_a)
    clerk = login(people.clerk)
    start = reverse("profiles:start", args=[agency_a.pk])
    assert "起草修改稿" in clerk.get(start).content.decode()
    response = clerk.post(start)
    version = ProfileVersion.objects.get(agency=agency_a)
    assert response.url == reverse("profiles:detail", args=[version.pk])
    assert clerk.post(start).url == response.url  # the open draft, not a second one

    page = response.url
    refused = clerk.post(
        page,
        {
            "transition": "add_leader",
            "add_leader-name": "王明",
            "add_leader-post": "局长",
            "add_leader-took_office": "2024-01-01",
            "add_leader-photo": _upload("照片.png", pdf_bytes()),
        },
    )
    assert refused.status_code == 400
    assert "照片只能是 PNG 或 JPEG 图片" in refused.content.decode()
    done = clerk.post(
        page,
        {
            "transition": "add_leader",
            "add_leader-name": "王明",
            "add_leader-post": "局长",
            "add_leader-took_office": "2024-01-01",
            "add_leader-portfolio": "主持全面工作",
            "add_leader-photo": _upload("照片.png", png_bytes()),
        },
        follow=True,
    )
    assert "领导已新增" in done.content.decode()
    entry = entry_of(version, "王明")
    assert clerk.get(reverse("profiles:photo", args=[entry.pk]))["Content-Type"] == "image/png"

    unit = version.units.create(name="社会救助股", phone="0878-5210001")
    filled = clerk.get(f"{page}?unit={unit.pk}").content.decode()
    assert 'name="save_unit-name" value="社会救助股"' in filled
    clerk.post(
        page,
        {
            "transition": "save_unit",
            "save_unit-unit": unit.pk,
            "save_unit-name": "社会救助股",
            "save_unit-duties": "负责城乡低保和特困供养。",
            "save_unit-phone": "0878-5210001",
            "save_unit-sort_order": "1",
        },
    )
    unit.refresh_from_db()
    assert unit.duties == "负责城乡低保和特困供养。"
    draft(agency_a, people)  # duties and basic information
    clerk.post(page, {"transition": "submit"})

    reviewer = login(people.reviewer)
    listed = reviewer.get(reverse("profiles:list") + "?queue=profiles_to_review")
    assert [v.pk for v in listed.context["object_list"]] == [version.pk]
    reviewer.post(page, {"transition": "approve"})
    version.refresh_from_db()
    assert version.status == ProfileStatus.PUBLISHED


def test_the_api_starts_a_draft_and_takes_a_photo_as_multipart(agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    people = editors(agency_a)
    api = APIClient()
    api.force_authenticate(people.clerk)
    created = api.post("/api/staff/profiles/", {"agency": agency_a.pk}, format="json")
    assert created.status_code == 201, created.content
    version_id = created.json()["id"]
    url = f"/api/staff/profiles/{version_id}/transitions/"
    response = api.post(
        url,
        {
            "transition": "add_leader",
            "fields.name": "王明",
            "fields.post": "局长",
            "fields.took_office": "2024-01-01",
            "photo": _upload("照片.png", png_bytes()),
        },
        format="multipart",
    )
    assert response.status_code == 200, response.content
    assert response.json()["leaders"][0] | {"id": 0} == {
        "id": 0,
        "name": "王明",
        "post": "局长",
        "portfolio": "",
        "cv": "",
        "took_office": "2024-01-01",
        "left_on": None,
        "sort_order": 10,
        "has_photo": True,
    }
    listed = {row["transition"] for row in api.get(url).json()["transitions"]}
    # A clerk does not approve; nor is a draft without its duties ready to submit.
    assert "approve" not in listed and "submit" not in listed and "add_leader" in listed


def test_others_are_turned_away(agency_a, agency_b):
    version = draft(agency_a, editors(agency_a))
    outsider = login(make_staff(agency_b, "clerk", "reviewer"))
    assert outsider.get(reverse("profiles:detail", args=[version.pk])).status_code == 404
    assert outsider.post(reverse("profiles:start", args=[agency_a.pk])).status_code == 404
    # A reviewer reads the draft but does not edit it.
    reviewer = login(make_staff(agency_a, "reviewer"))
    response = reviewer.post(
        reverse("profiles:detail", args=[version.pk]),
        {"transition": "edit", "edit-effective_on": date(2026, 1, 1).isoformat()},
        follow=True,
    )
    assert "您没有执行此操作的权限" in response.content.decode()
