"""A leader's photo goes through the attachments' checks: its type is read from its bytes (a
PDF or a program named .jpg is refused), an image claiming too many pixels is refused before it
is decoded, what a camera wrote into it is stripped; the portal serves it as the image it is,
and only while the published profile lists its leader."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from gongkai.lib.errors import Refused
from gongkai.profiles import services
from gongkai.profiles.photos import Upload
from tests.catalog.bombs import huge_png
from tests.catalog.files import pdf_bytes, png_bytes
from tests.profiles.makers import add_leader, draft, editors, entry_of, publish

pytestmark = pytest.mark.django_db


def _add(version, people, data: bytes, name="照片.jpg"):
    return services.add_leader(
        version,
        user=people.clerk,
        name="王明",
        post="局长",
        took_office=date(2024, 1, 1),
        photo=Upload(name, data),
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (pdf_bytes(), "照片只能是 PNG 或 JPEG 图片"),
        (b"MZ\x90\x00" + b"\x00" * 100, "可执行程序"),
        (huge_png(), "百万像素"),
        (b"", "文件为空"),
    ],
)
def test_what_is_not_a_photo_is_refused(agency_a, data, reason, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    people = editors(agency_a)
    version = draft(agency_a, people)
    with pytest.raises(Refused, match=reason) as refused:
        _add(version, people, data)
    assert refused.value.field == "photo"
    assert not version.leaders.exists()


def test_the_photo_is_stripped_and_served_only_while_published(agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    people = editors(agency_a)
    version = draft(agency_a, people)
    add_leader(version, people, "王明", "局长", date(2024, 1, 1))
    entry = entry_of(version, "王明")
    assert b"camera" not in entry.photo.read() and entry.photo_kind == "png"
    url = reverse("portal:leader_photo", args=[agency_a.pk, entry.pk])
    assert Client().get(url).status_code == 404  # a draft's photo is not public

    publish(version, people)
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert Client().get(reverse("portal:leader_photo", args=[0, entry.pk])).status_code == 404

    second = draft(agency_a, people)
    services.leader_leaves(
        second, user=people.clerk, leader=entry_of(second, "王明"), left_on=date(2026, 6, 30)
    )
    publish(second, people)
    assert Client().get(url).status_code == 404


def test_a_new_photo_replaces_the_old_one(agency_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    people = editors(agency_a)
    version = draft(agency_a, people)
    add_leader(version, people, "王明", "局长", date(2024, 1, 1), photo=False)
    entry = entry_of(version, "王明")
    assert not entry.photo
    services.change_leader(
        version,
        user=people.clerk,
        leader=entry,
        post="局长",
        portfolio="",
        cv="",
        sort_order=10,
        photo=Upload("新照片.png", png_bytes()),
    )
    entry.refresh_from_db()
    assert entry.photo_kind == "png" and len(entry.photo_sha256) == 64
