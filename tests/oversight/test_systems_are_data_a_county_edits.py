"""Indicator systems are data: the shipped ones load, export and import as YAML and JSON
unchanged; a county's 主管部门 copies one, edits its points, caps, veto thresholds and adds a
local indicator on the workbench without code, switches it on for its subtree, and a change to
a system once switched on makes its next version. Unconfirmed figures say so."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.lib.errors import Refused
from gongkai.oversight import standing, systems
from gongkai.oversight.models import IndicatorSystem, SystemStatus
from gongkai.oversight.probes import PROBES
from tests.conftest import login, make_agency, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def shipped(db):
    standing.install_shipped()
    return IndicatorSystem.objects.get(code="website-2019", version=1)


@pytest.mark.parametrize("path", systems.shipped_files(), ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_shipped_systems_round_trip(path, fmt):
    system = systems.load(path.read_text(encoding="utf-8"), PROBES)
    assert systems.load(systems.dump(system, fmt), PROBES) == system
    assert system.warnings() == []


def test_unreadable_and_inconsistent_data_is_refused_in_chinese():
    with pytest.raises(Refused, match="格式"):
        systems.load("code: [unclosed")
    with pytest.raises(Refused, match=r"没有名为 no\.such 的自动检测"):
        systems.parse(
            {"code": "x", "name": "x", "kind": "website", "year": 2026,
             "veto": [{"code": "V1", "name": "某项", "probe": "no.such"}]},
            PROBES,
        )  # fmt: skip
    with pytest.raises(Refused, match="末级指标须指定"):
        systems.parse(
            {"code": "x", "name": "x", "kind": "website", "year": 2026,
             "veto": [{"code": "V1", "name": "某项"}]}
        )  # fmt: skip


def test_export_download_and_import_page(county, shipped):
    supervisor = make_staff(county, "supervisor")
    client = login(supervisor)
    exported = client.get(reverse("oversight:system_export", args=[shipped.pk]) + "?as=json")
    assert exported.status_code == 200 and "attachment" in exported["Content-Disposition"]
    upload = SimpleUploadedFile("mine.json", exported.content, content_type="application/json")
    response = client.post(reverse("oversight:system_import"), {"owner": county.pk, "file": upload})
    assert response.status_code == 302
    mine = IndicatorSystem.objects.get(owner=county)
    assert mine.status == SystemStatus.DRAFT and mine.code == f"website-2019-{county.pk}"
    assert mine.system().parts == shipped.system().parts

    broken = SimpleUploadedFile("bad.yaml", b"code: [", content_type="application/yaml")
    response = client.post(reverse("oversight:system_import"), {"owner": county.pk, "file": broken})
    assert response.status_code == 400 and "格式" in response.content.decode()


def test_a_county_copies_edits_and_switches_on_its_own(county, agency_a, shipped):
    other_county = make_agency("邻县人民政府")
    supervisor = make_staff(county, "supervisor")
    client = login(supervisor)
    page = client.get(reverse("oversight:system", args=[shipped.pk])).content.decode()
    assert "待核实" in page and "国办秘函〔2019〕19号" in page

    response = client.post(
        reverse("oversight:system", args=[shipped.pk]), {"do": "copy", "owner": county.pk}
    )
    copy = IndicatorSystem.objects.get(owner=county)
    assert response.url == reverse("oversight:system_edit", args=[copy.pk])
    assert client.get(response.url).status_code == 200

    response = client.post(
        reverse("oversight:system_edit", args=[copy.pk]),
        {
            "gates-posted": "1",
            "name": "某某县政府网站检查指标",
            "pass_mark": "65",
            "bonus_threshold": "85",
            "without_services_scale": "4/3",
            "i-V3.1-threshold": "3",
            "i-D1.4-per_finding": "1",
            "i-D1.4-cap": "3",
            "i-D1.1-measure": "guide.incomplete",
            "new-part": "deduct",
            "new-parent": "D4",
            "new-code": "L1",
            "new-name": "政务新媒体留言回复",
            "new-points": "0",
            "new-per_finding": "1",
            "new-measure": "manual",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    edited = IndicatorSystem.objects.get(pk=copy.pk).system()
    assert edited.name == "某某县政府网站检查指标"
    assert edited.gates.pass_mark == 65 and edited.gates.bonus_threshold == 85
    assert edited.find("V3.1").threshold == 3
    assert (edited.find("D1.4").per_finding, edited.find("D1.4").cap) == (1, 3)
    assert edited.find("D1.1").probe == "guide.incomplete"
    assert edited.find("L1").local and edited.find("L1") in edited.find("D4").children

    client.post(reverse("oversight:system", args=[copy.pk]), {"do": "activate"})
    chosen = standing.active_systems([agency_a, other_county])
    assert {s.kind: s.pk for s in chosen[agency_a.pk]}["website"] == copy.pk
    assert {s.kind: s.pk for s in chosen[other_county.pk]}["website"] == shipped.pk

    # A system once switched on is kept as it was: a change is the next version.
    response = client.post(
        reverse("oversight:system_edit", args=[copy.pk]),
        {"gates-posted": "1", "pass_mark": "70", "i-L1-remove": "on"},
    )
    revised = IndicatorSystem.objects.get(code=copy.code, version=2)
    assert revised.status == SystemStatus.DRAFT and revised.system().gates.pass_mark == 70
    assert revised.system().find("L1") is None
    assert IndicatorSystem.objects.get(pk=copy.pk).system().gates.pass_mark == 65


def test_a_bad_figure_is_refused_on_the_page(county, shipped):
    supervisor = make_staff(county, "supervisor")
    client = login(supervisor)
    client.post(reverse("oversight:system", args=[shipped.pk]), {"do": "copy", "owner": county.pk})
    copy = IndicatorSystem.objects.get(owner=county)
    response = client.post(reverse("oversight:system_edit", args=[copy.pk]), {"i-D1.4-cap": "三分"})
    assert response.status_code == 400 and "不是数字" in response.content.decode()
    response = client.post(
        reverse("oversight:system_edit", args=[copy.pk]), {"i-D1.1-remove": "on"}
    )
    assert response.status_code == 400 and "不能删除" in response.content.decode()


def test_only_the_supervisor_keeps_systems(county, agency_a, shipped):
    clerk = login(make_staff(agency_a, "clerk", "agency_admin"))
    assert clerk.get(reverse("oversight:system", args=[shipped.pk])).status_code == 200
    assert clerk.get(reverse("oversight:system_edit", args=[shipped.pk])).status_code == 403
    assert clerk.get(reverse("oversight:system_import")).status_code == 403
    response = clerk.post(
        reverse("oversight:system", args=[shipped.pk]), {"do": "copy", "owner": agency_a.pk}
    )
    assert response.status_code == 404
    assert not IndicatorSystem.objects.filter(owner__isnull=False).exists()
