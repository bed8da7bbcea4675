"""The demo's 民政局 has a published 机构概况 with two leaders in office and a deputy who left,
so the portal's agency page shows the profile, the leaders and the dated change."""

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from gongkai.agencies.models import Agency
from gongkai.profiles.public import public_profile


def test_the_demo_bureau_shows_two_leaders_and_a_departure(db):
    call_command("demo", "load", "--if-empty")
    bureau = Agency.objects.get(name="某某县民政局")
    profile = public_profile(bureau)
    assert [e.leader.name for e in profile.leaders] == ["孙立新", "何静"]
    assert [leader.name for leader in profile.former] == ["刘建军"]
    page = Client().get(reverse("portal:agency_detail", args=[bureau.pk])).content.decode()
    assert "社会救助" in page and "2026-03-16</time> 刘建军 离任：原任副局长" in page
