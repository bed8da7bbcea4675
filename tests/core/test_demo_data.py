"""`gongkai demo load` builds the demo county once and keeps existing data on later runs."""

from django.core.management import call_command

from gongkai.agencies.models import Agency, Membership, Role
from gongkai.core.audit import verify
from gongkai.demo import data


def test_demo_county_has_departments_town_and_every_role(db, capsys):
    call_command("demo", "load", "--if-empty")
    county = Agency.objects.get(name=data.COUNTY)
    names = set(county.children.values_list("name", flat=True))
    for wanted in (
        "某某县移民局",
        "某某县民政局",
        "某某县信访局",
        "某某县扶贫和移民办公室",
        "某某县住房和城乡建设局",
        "某某县统计局",
        "某某县经济和商务局",
        data.TOWN,
    ):
        assert wanted in names
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    out = capsys.readouterr().out
    assert "mz_clerk" in out and data.DEMO_PASSWORD in out
    assert verify().ok


def test_second_run_keeps_existing_data(db, capsys):
    call_command("demo", "load", "--if-empty")
    before = Agency.objects.count()
    Agency.objects.filter(name=data.COUNTY).update(phone="0878-9999999")
    call_command("demo", "load", "--if-empty")
    assert Agency.objects.count() == before
    assert Agency.objects.get(name=data.COUNTY).phone == "0878-9999999"
    assert "保留现有数据" in capsys.readouterr().out
