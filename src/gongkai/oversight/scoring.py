"""Scores, veto results, pass/fail, bonus, scaling and ranking: a pure function of an indicator
system and the findings, with nothing read from the database.

The gates (国办秘函〔2019〕19号, as data in the system):

- any veto leaf found (as many times as its `threshold`) fails the unit, whatever it scores;
- the deduction part scores its points less what its leaves lose — each leaf `per_finding`
  for every finding (or an inspector's stated deduction), at most its `cap`; each branch at
  most its own points; never below zero;
- a unit without public services is scored without the `services` branches and the result
  multiplied by `without_services_scale` (4/3: 75 points of 100 become 100);
- below `pass_mark` (60) the unit fails;
- bonus points (at most the bonus part's points) count only when the score is strictly above
  `bonus_threshold` (80), only for portals where the system says so, and never for a vetoed
  unit;
- a deduction whose 整改 came late or was not accepted costs its leaf as the system's remedy
  rule says: all the leaf's points (it scores 0), or extra points for each such deduction.

Figures are kept as exact fractions and rounded (half up, two places) only when shown.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from .systems import Indicator, Part, Remedies, System, services_points


@dataclass(frozen=True)
class Finding:
    """What was found against one indicator: by a probe (`count` problems) or by an inspector
    (a stated `points` lost or earned, or a veto)."""

    indicator: str
    count: int = 1
    points: Fraction | None = None  # stated deduction (or bonus) instead of count × per_finding
    reason: str = ""
    evidence: tuple = ()
    source: str = "probe"  # probe | manual
    unremedied: bool = False  # its 整改 came late or was not accepted


@dataclass(frozen=True)
class Profile:
    """What a unit is, as far as the gates care."""

    has_services: bool = True
    is_portal: bool = False


@dataclass
class ItemResult:
    indicator: Indicator
    part: str
    count: int = 0
    points: Fraction = Fraction(0)  # lost (deduct) or earned (bonus), after the caps
    uncapped: Fraction = Fraction(0)
    vetoed: bool = False
    skipped: bool = False  # a services item of a unit without services
    findings: list[Finding] = field(default_factory=list)

    @property
    def capped(self) -> bool:
        return self.uncapped > self.points


@dataclass
class Score:
    system: System
    profile: Profile
    items: dict[str, ItemResult]
    vetoes: list[str]  # the codes of the veto leaves found
    deducted: Fraction
    raw: Fraction  # the deduction part's score before scaling
    base: Fraction  # after scaling: what the gates read
    scaled: bool
    bonus_earned: Fraction
    bonus_counted: bool

    @property
    def vetoed(self) -> bool:
        return bool(self.vetoes)

    @property
    def bonus(self) -> Fraction:
        return self.bonus_earned if self.bonus_counted else Fraction(0)

    @property
    def total(self) -> Fraction:
        return self.base + self.bonus

    @property
    def passed(self) -> bool:
        return not self.vetoed and self.base >= self.system.gates.pass_mark

    @property
    def verdict(self) -> str:
        if self.vetoed:
            return "单项否决"
        return "合格" if self.passed else "不合格"

    def shown(self, value: Fraction | None = None) -> Decimal:
        return rounded(self.total if value is None else value)

    def failing_items(self) -> list[ItemResult]:
        """What costs the unit: vetoes first, then deductions, largest first."""
        rows = [r for r in self.items.values() if r.indicator.is_leaf and not r.skipped]
        vetoes = [r for r in rows if r.vetoed]
        lost = sorted(
            (r for r in rows if r.part == "deduct" and r.points > 0),
            key=lambda r: -r.points,
        )
        return vetoes + lost


def rounded(value: Fraction) -> Decimal:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _stated_or_counted(indicator: Indicator, findings: list[Finding]) -> Fraction:
    total = Fraction(0)
    for finding in findings:
        if finding.points is not None:
            total += finding.points
        else:
            total += indicator.loss_per_finding * finding.count
    return total


def _unremedied_loss(indicator: Indicator, findings: list[Finding], remedies: Remedies):
    """What the leaf loses beyond its findings for the deductions left unremedied."""
    left = sum(1 for f in findings if f.unremedied)
    if not left:
        return None
    if remedies.zeroes:
        return indicator.most or Fraction(0)
    return remedies.unremedied * left


def _node(
    indicator: Indicator,
    part: Part,
    by_code: Mapping[str, list[Finding]],
    profile: Profile,
    out: dict[str, ItemResult],
    remedies: Remedies,
    skip: bool = False,
) -> ItemResult:
    skip = skip or (indicator.services and not profile.has_services)
    result = ItemResult(indicator=indicator, part=part.code, skipped=skip)
    out[indicator.code] = result
    if indicator.children:
        for child in indicator.children:
            child_result = _node(child, part, by_code, profile, out, remedies, skip)
            result.count += child_result.count
            result.uncapped += child_result.points
            result.vetoed |= child_result.vetoed
    else:
        findings = list(by_code.get(indicator.code, ()))
        result.findings = findings
        result.count = sum(f.count for f in findings)
        if part.code == "veto":
            result.vetoed = not skip and bool(findings) and result.count >= indicator.threshold
            return result
        result.uncapped = _stated_or_counted(indicator, findings)
        extra = _unremedied_loss(indicator, findings, remedies) if part.code == "deduct" else None
        if extra is not None:
            result.uncapped = (
                max(result.uncapped, extra) if remedies.zeroes else result.uncapped + extra
            )
    most = indicator.most if indicator.is_leaf else indicator.points
    result.points = min(result.uncapped, most) if most is not None else result.uncapped
    if skip:
        result.points = Fraction(0)
    return result


def score(system: System, findings: Iterable[Finding], profile: Profile = Profile()) -> Score:
    """The unit's score under `system` from everything found against it."""
    by_code: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_code[finding.indicator].append(finding)
    items: dict[str, ItemResult] = {}
    totals: dict[str, Fraction] = {}
    for part in system.parts:
        totals[part.code] = sum(
            (
                _node(i, part, by_code, profile, items, system.remedies).points
                for i in part.indicators
            ),
            Fraction(0),
        )
    vetoes = [
        code for code, r in items.items() if r.part == "veto" and r.indicator.is_leaf and r.vetoed
    ]

    deduct = system.part("deduct")
    full = deduct.points or Fraction(0)
    skipped_points = Fraction(0) if profile.has_services else services_points(deduct)
    scaled = not profile.has_services and skipped_points > 0
    kept = full - skipped_points
    deducted = min(totals.get("deduct", Fraction(0)), kept)
    raw = kept - deducted
    if scaled:
        scale = system.gates.without_services_scale
        if scale is None:
            scale = full / kept if kept else Fraction(1)
        base = raw * scale
    else:
        base = raw

    bonus_part = system.part("bonus")
    earned = totals.get("bonus", Fraction(0))
    if bonus_part.points is not None:
        earned = min(earned, bonus_part.points)
    gates = system.gates
    counted = (
        earned > 0
        and not vetoes
        and base > gates.bonus_threshold
        and (profile.is_portal or not gates.bonus_only_portals)
    )
    return Score(
        system=system,
        profile=profile,
        items=items,
        vetoes=vetoes,
        deducted=deducted,
        raw=raw,
        base=base,
        scaled=scaled,
        bonus_earned=earned,
        bonus_counted=counted,
    )


def rank(scores: Mapping) -> dict:
    """Rank (1 = best) per key: vetoed units after all others, then by total, highest first;
    equal results share a rank and the next rank skips (1, 2, 2, 4)."""

    def key(item):
        return (item[1].vetoed, -item[1].total)

    ordered = sorted(scores.items(), key=key)
    ranks: dict = {}
    previous = None
    for position, (unit, result) in enumerate(ordered, start=1):
        if previous is not None and key((unit, result)) == previous[0]:
            ranks[unit] = previous[1]
        else:
            ranks[unit] = position
            previous = (key((unit, result)), position)
    return ranks
