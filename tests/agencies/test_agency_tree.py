"""Agencies form a tree whose subtrees are found by path, and stay right when moved."""

from gongkai.agencies.models import Agency
from tests.conftest import make_agency


def test_children_sit_below_their_parent(county, agency_a, agency_b):
    town = make_agency("测试县某镇人民政府", county, kind="government", level="township")
    office = make_agency("测试县某镇综合办", town)
    assert set(Agency.objects.subtree_of(county)) == {county, agency_a, agency_b, town, office}
    assert set(Agency.objects.subtree_of(town)) == {town, office}
    assert office.ancestors() == [county, town]
    assert office.depth == 2


def test_moving_an_agency_moves_its_subtree(county, agency_a, agency_b):
    sub = make_agency("测试县甲局下属中心", agency_a)
    agency_a.parent = agency_b
    agency_a.save()
    sub.refresh_from_db()
    assert sub.path == f"{county.path}{agency_b.pk:010d}/{agency_a.pk:010d}/{sub.pk:010d}/"
    assert set(Agency.objects.subtree_of(agency_b)) == {agency_b, agency_a, sub}
