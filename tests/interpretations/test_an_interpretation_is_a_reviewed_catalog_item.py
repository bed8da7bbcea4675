"""An interpretation is a catalog item of genre 政策解读, its text starting from the element
headings, linked to the documents it interprets; its files pass the item attachments' checks and
it reaches the portal only through the review gate."""

import pytest

from gongkai.agencies.models import InternalUnit
from gongkai.catalog import services as catalog
from gongkai.catalog.attachments import AttachmentError
from gongkai.catalog.models import InfoItem
from gongkai.interpretations import services
from gongkai.interpretations.elements import ELEMENT_HEADINGS
from gongkai.lib.errors import Refused
from tests.catalog.files import png_bytes
from tests.catalog.makers import Team, make_item
from tests.interpretations.makers import make_interpretation, make_policy

pytestmark = pytest.mark.django_db


def test_a_new_interpretation_is_a_draft_item_with_the_element_headings(agency_a):
    team = Team(agency_a)
    unit = InternalUnit.objects.create(agency=agency_a, name="社会救助股")
    document = make_policy(agency_a, team.clerk)
    interpretation = services.create(
        user=team.clerk,
        agency=agency_a,
        data={"title": "图解：低保工作通知", "formed_on": document.current_version.formed_on},
        form="graphic",
        documents=[document],
        author_unit=unit,
    )
    item = interpretation.item
    version = item.current_version
    assert version.genre.name == "政策解读"
    assert item.status == "draft"
    assert [h for h in ELEMENT_HEADINGS if h in version.body] == list(ELEMENT_HEADINGS)
    assert version.body.startswith("一、背景依据")
    assert list(interpretation.documents.all()) == [document]
    assert list(document.interpretations.all()) == [interpretation]
    assert interpretation.get_form_display() == "图解"
    assert interpretation.author_unit == unit


def test_its_files_pass_the_same_checks_and_it_is_published_only_after_review(agency_a):
    team = Team(agency_a)
    document = make_policy(agency_a, team.clerk)
    interpretation = make_interpretation(agency_a, team.clerk, document)
    item = interpretation.item
    catalog.add_attachment(user=team.clerk, item=item, name="图解.png", data=png_bytes())
    with pytest.raises(AttachmentError):
        catalog.add_attachment(user=team.clerk, item=item, name="图解.exe", data=b"MZ\x90\x00")
    assert not InfoItem.objects.public().filter(pk=item.pk).exists()
    team.publish(item)
    assert InfoItem.objects.public().filter(pk=item.pk).exists()


def test_it_interprets_only_its_own_agencys_items_and_not_interpretations(agency_a, agency_b):
    team = Team(agency_a)
    document = make_policy(agency_a, team.clerk)
    other = make_item(agency_b)
    with pytest.raises(Refused, match="只能解读本机关"):
        make_interpretation(agency_a, team.clerk, other)
    interpretation = make_interpretation(agency_a, team.clerk, document)
    with pytest.raises(Refused, match="只能解读本机关"):
        make_interpretation(agency_a, team.clerk, interpretation.item)


def test_a_unit_of_another_agency_is_refused(agency_a, agency_b):
    team = Team(agency_a)
    document = make_policy(agency_a, team.clerk)
    elsewhere = InternalUnit.objects.create(agency=agency_b, name="办公室")
    with pytest.raises(Refused, match="本机关的内设机构"):
        services.create(
            user=team.clerk,
            agency=agency_a,
            data={"title": "解读", "formed_on": document.current_version.formed_on},
            form="text",
            documents=[document],
            author_unit=elsewhere,
        )
