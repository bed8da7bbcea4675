"""The national website inspection of 2019 loads from its data file and its gates score as the
circular says (国办秘函〔2019〕19号): any veto fails; below 60 fails; bonus points only above 80
and only for portals; a unit without public services is scored without them and scaled by 4/3.
A pure function of the system and the findings: no database."""

from decimal import Decimal
from fractions import Fraction

import pytest

from gongkai.oversight import systems
from gongkai.oversight.scoring import Finding, Profile, rank, score

WEBSITE = systems.DATA_DIR / "website-2019.yaml"


@pytest.fixture(scope="module")
def system():
    return systems.load(WEBSITE.read_text(encoding="utf-8"))


def lose(code: str, points) -> Finding:
    return Finding(code, points=Fraction(points), source="manual", reason="检查人员扣分")


# Deductions in the 2019 system's leaves that add up to a wanted score (caps respected).
LOSE_41 = [lose("D1.1", 6), lose("D1.5", 6), lose("D2.2", 7), lose("D3.1", 15), lose("D4.1", 7)]
LOSE_19 = [lose("D1.1", 6), lose("D1.5", 6), lose("D2.2", 7)]
LOSE_20 = [*LOSE_19, lose("D4.3", 1)]
STALE_5 = Finding("V3.1", count=5, evidence=({"label": "工作动态"},))
PORTAL = Profile(is_portal=True)
NO_SERVICES = Profile(has_services=False)

# (case, findings, profile, verdict, base, bonus counted, total)
TABLE = [
    ("clean portal", [], PORTAL, "合格", "100.00", "0.00", "100.00"),
    ("a veto fails a perfect score", [STALE_5], PORTAL, "单项否决", "100.00", "0.00", "100.00"),
    (
        "four stale key columns are no veto",
        [Finding("V3.1", count=4)],
        PORTAL,
        "合格",
        "100.00",
        "0.00",
        "100.00",
    ),
    ("59 fails", [*LOSE_41, lose("D4.2", 0)], PORTAL, "不合格", "59.00", "0.00", "59.00"),
    ("60 passes", [*LOSE_41[:-1], lose("D4.1", 6)], PORTAL, "合格", "60.00", "0.00", "60.00"),
    (
        "81 with bonus",
        [*LOSE_19, lose("B1", 5), lose("B3", 3)],
        PORTAL,
        "合格",
        "81.00",
        "8.00",
        "89.00",
    ),
    ("80 earns no bonus", [*LOSE_20, lose("B1", 5)], PORTAL, "合格", "80.00", "0.00", "80.00"),
    (
        "a department's site earns no bonus",
        [*LOSE_19, lose("B1", 5)],
        Profile(),
        "合格",
        "81.00",
        "0.00",
        "81.00",
    ),
    (
        "without services: 60 of 75 scaled by 4/3 is 80",
        [lose("D1.1", 6), lose("D1.5", 6), lose("D2.2", 3), lose("D3.1", 15)],
        NO_SERVICES,
        "合格",
        "80.00",
        "0.00",
        "80.00",
    ),
    (
        "without services: 44 of 75 scaled is 58.67 and fails",
        [*LOSE_19, lose("D4.1", 8), lose("D4.2", 4)],
        NO_SERVICES,
        "不合格",
        "58.67",
        "0.00",
        "58.67",
    ),
    (
        "a probe's count times the per-finding deduction, capped",
        [Finding("D1.4", count=30), Finding("D1.2", count=3)],
        PORTAL,
        "合格",
        "92.00",
        "0.00",
        "92.00",
    ),
    (
        "bonus capped at the part's 30 points",
        [lose("B1", 10), lose("B2", 10), lose("B3", 10), lose("B3", 10)],
        PORTAL,
        "合格",
        "100.00",
        "30.00",
        "130.00",
    ),
]


@pytest.mark.parametrize(("case", "found", "profile", "verdict", "base", "bonus", "total"), TABLE)
def test_gate_table(system, case, found, profile, verdict, base, bonus, total):
    result = score(system, found, profile)
    assert result.verdict == verdict, case
    assert result.shown(result.base) == Decimal(base), case
    assert result.shown(result.bonus) == Decimal(bonus), case
    assert result.shown() == Decimal(total), case


def test_a_veto_names_its_indicator_and_the_evidence(system):
    result = score(system, [STALE_5], PORTAL)
    assert result.vetoes == ["V3.1"]
    assert result.items["V3.1"].findings[0].evidence == ({"label": "工作动态"},)
    assert result.items["V3"].vetoed  # the branch shows it too
    assert [r.indicator.code for r in result.failing_items()] == ["V3.1"]


def test_services_findings_do_not_count_for_a_unit_without_services(system):
    result = score(system, [lose("D3.1", 15), lose("D3.2", 10)], NO_SERVICES)
    assert result.scaled and result.items["D3"].skipped
    assert result.shown() == Decimal("100.00")


def test_ranking_puts_vetoed_units_last_and_shares_ties(system):
    scores = {
        "甲": score(system, LOSE_19, PORTAL),
        "乙": score(system, [], PORTAL),
        "丙": score(system, [STALE_5], PORTAL),
        "丁": score(system, LOSE_19, PORTAL),
    }
    assert rank(scores) == {"乙": 1, "甲": 2, "丁": 2, "丙": 4}


def test_the_2019_system_adds_up(system):
    assert system.warnings() == []
    assert system.part("deduct").points == 100 and system.part("bonus").points == 30
    assert system.gates.without_services_scale == Fraction(4, 3)
    assert system.gates.pass_mark == 60 and system.gates.bonus_threshold == 80
    assert system.gates.bonus_only_portals


def test_what_the_spec_does_not_confirm_is_marked(system):
    confirmed_vetoes = {"V1", "V2", "V3.1", "V3.2", "V3.3", "V4", "V5", "V6.1", "V6.2"}
    for part, indicator in system.leaves():
        if part.code == "veto":
            assert indicator.unconfirmed == (indicator.code not in confirmed_vetoes)
        else:
            assert indicator.unconfirmed, indicator.code
