"""The government's roll-up adds up its departments' entered table 2 figures, as it adds up
their records."""

from decimal import Decimal

from django.urls import reverse

from gongkai.reports import services
from gongkai.reports.build import Entered, build_rollup, rollup_members, summed
from tests.conftest import login, make_staff

YEAR = 2025


def test_summed_adds_field_by_field_and_keeps_blanks_blank():
    total = summed(
        [Entered(10, None, 2, Decimal("1.5")), Entered(5, None, None, Decimal("2")), Entered()]
    )
    assert total == Entered(15, None, 2, Decimal("3.5"))


def test_rollup_table2_carries_the_departments_entered_figures(county, agency_a, agency_b):
    for agency, licensing, fees in ((agency_a, "10", "1.5"), (agency_b, "5", "2")):
        user = make_staff(agency, "agency_admin")
        report = services.create_draft(agency, YEAR, user=user)
        services.enter_figures(
            report, user=user, licensing=licensing, punishment="", coercion="3", fees=fees
        )
    members = rollup_members(county)
    built = build_rollup(county, YEAR, services.rollup_entered(members, YEAR))
    table2 = built.figures.table2
    assert table2.licensing == 15 and table2.coercion == 6
    assert table2.punishment is None
    assert table2.fees == Decimal("3.5")

    supervisor = make_staff(county, "supervisor")
    page = login(supervisor).get(reverse("reports:rollup", args=[county.pk]) + f"?year={YEAR}")
    assert page.status_code == 200
    assert ">15<" in page.content.decode().replace(" ", "")
