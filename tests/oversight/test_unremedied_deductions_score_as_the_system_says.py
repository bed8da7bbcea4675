"""A deduction whose 整改 came late or was not accepted costs its indicator as the system's
remedy rule says: the shipped systems (whose sources set no rule) zero the indicator, marked
待核实; a county's copy may instead take extra points per unremedied deduction, within the
indicator's cap. Pure: no database."""

from decimal import Decimal
from fractions import Fraction

import pytest

from gongkai.lib.errors import Refused
from gongkai.oversight import systems
from gongkai.oversight.scoring import Finding, score

WEBSITE = systems.DATA_DIR / "website-2019.yaml"


@pytest.fixture(scope="module")
def system():
    return systems.load(WEBSITE.read_text(encoding="utf-8"))


def manual(code, points, unremedied=False):
    return Finding(code, points=Fraction(points), source="manual", unremedied=unremedied)


def extra_points(system, points):
    data = systems.to_dict(system) | {"remedy": {"due_days": 10, "unremedied": points}}
    return systems.parse(data)


# (case, findings, rule: None for the shipped one or the extra points, base score)
TABLE = [
    ("remedied", [manual("D1.5", 2)], None, "98.00"),
    ("unremedied: D1.5 scores 0 of 6", [manual("D1.5", 2, True)], None, "94.00"),
    (
        "two on one leaf, one unremedied",
        [manual("D1.5", 1), manual("D1.5", 1, True)],
        None,
        "94.00",
    ),
    ("extra 1 point", [manual("D1.5", 2, True)], 1, "97.00"),
    ("extra within the cap", [manual("D1.5", 5, True)], 2, "94.00"),
    ("other leaves untouched", [manual("D1.5", 2, True), manual("D5.2", 1)], None, "93.00"),
]


@pytest.mark.parametrize(("case", "findings", "rule", "base"), TABLE, ids=[r[0] for r in TABLE])
def test_unremedied_deductions(system, case, findings, rule, base):
    scored = score(system if rule is None else extra_points(system, rule), findings)
    assert scored.shown(scored.base) == Decimal(base)


def test_the_shipped_rule_is_data_and_marked_unconfirmed(system):
    assert system.remedies.due_days == 15
    assert system.remedies.zeroes and system.remedies.unconfirmed
    assert systems.to_dict(system)["remedy"] == {
        "due_days": 15,
        "unremedied": "all",
        "unconfirmed": True,
    }
    assert extra_points(system, "1.5").remedies.unremedied == Fraction(3, 2)


def test_a_system_without_the_rule_gets_the_default_marked_unconfirmed(system):
    data = systems.to_dict(system)
    del data["remedy"]
    assert systems.parse(data).remedies == systems.Remedies(unconfirmed=True)


def test_a_bad_rule_is_refused_in_chinese(system):
    data = systems.to_dict(system)
    with pytest.raises(Refused, match="整改期限"):
        systems.parse(data | {"remedy": {"due_days": 0}})
    with pytest.raises(Refused, match="整改不到位的扣分"):
        systems.parse(data | {"remedy": {"unremedied": "很多"}})
