"""Indicator systems (检查指标体系 / 考核指标体系) as versioned data: read, checked and written.

A system is a tree of indicators in three parts (国办秘函〔2019〕19号 has all three):

- `veto` (单项否决): any one leaf found fails the unit, whatever its score; a leaf may need a
  number of findings first (`threshold`: five stale columns, say);
- `deduct` (扣分指标): the part's points (100) less what its leaves lose, each leaf losing
  `per_finding` for every finding up to its `cap`, each branch at most its own points;
- `bonus` (加分指标): points earned the same way, counted only above the bonus threshold.

Each leaf is measured either by an automatic probe, named (`probe: columns.stale`), or by an
inspector's manual score with evidence (`manual: true`). A leaf marked `services: true` belongs
to the public services (办事服务): a unit without public services is scored without those
leaves and its score scaled up (`gates.without_services_scale`, 4/3 in 2019). Any figure the
source text does not confirm carries `unconfirmed: true` and shows as such wherever it is read.

This module is pure: dictionaries (from YAML or JSON) in, frozen dataclasses out, and back.
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path

import yaml

from gongkai.lib.errors import Refused

DATA_DIR = Path(__file__).resolve().parent / "data"


class KIND:
    WEBSITE = "website"
    DISCLOSURE = "disclosure"


KIND_LABELS = {KIND.WEBSITE: "政府网站检查", KIND.DISCLOSURE: "政务公开工作考核"}
PART_LABELS = {"veto": "单项否决指标", "deduct": "扣分指标", "bonus": "加分指标"}
PARTS = tuple(PART_LABELS)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    rule: str = ""  # what is checked and how it scores, as the source says it
    points: Fraction | None = None  # a deduction or bonus node's points (its cap as a branch)
    per_finding: Fraction | None = None  # lost (or earned) per finding; default: the points
    cap: Fraction | None = None  # a leaf's most lost (or earned); default: the points
    threshold: int = 1  # findings that trigger a veto leaf
    probe: str = ""  # the automatic probe measuring the leaf; empty: scored by hand
    services: bool = False  # a public-services item (办事服务)
    unconfirmed: bool = False
    note: str = ""
    local: bool = False  # added by the owner of a copy (地方指标)
    children: tuple["Indicator", ...] = ()

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def manual(self) -> bool:
        return self.is_leaf and not self.probe

    @property
    def loss_per_finding(self) -> Fraction:
        return self.per_finding if self.per_finding is not None else (self.points or Fraction(0))

    @property
    def most(self) -> Fraction | None:
        return self.cap if self.cap is not None else self.points

    def walk(self) -> Iterator["Indicator"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Part:
    code: str  # veto | deduct | bonus
    points: Fraction | None = None
    unconfirmed: bool = False
    indicators: tuple[Indicator, ...] = ()

    @property
    def label(self) -> str:
        return PART_LABELS[self.code]

    def walk(self) -> Iterator[Indicator]:
        for indicator in self.indicators:
            yield from indicator.walk()


@dataclass(frozen=True)
class Gates:
    pass_mark: Fraction = Fraction(60)  # below it the unit fails
    bonus_threshold: Fraction = Fraction(80)  # bonus points count only above it
    bonus_only_portals: bool = False  # 加分指标 for portals (门户网站) only
    without_services_scale: Fraction | None = None  # 4/3: a unit without public services
    unconfirmed: tuple[str, ...] = ()  # the names of the gates the source does not confirm


@dataclass(frozen=True)
class Remedies:
    """How a deduction's 整改 is set and what an unremedied one costs. The spec's source says
    only that a late or inadequate remedy "can score 0" (local rules, not the 2019 text), so a
    system that says nothing gets these defaults, marked 待核实."""

    due_days: int = 15  # calendar days from the deduction to the remedy's due date
    # What a deduction whose remedy came late or was not accepted costs its indicator: "all"
    # (the indicator scores 0: it loses its full points) or extra points per such deduction.
    unremedied: Fraction | None = None  # None: "all"
    unconfirmed: bool = True

    @property
    def zeroes(self) -> bool:
        return self.unremedied is None


@dataclass(frozen=True)
class System:
    code: str
    name: str
    kind: str
    year: int
    source: str = ""
    note: str = ""
    unconfirmed: bool = False
    gates: Gates = field(default_factory=Gates)
    parts: tuple[Part, ...] = ()
    remedies: Remedies = field(default_factory=Remedies)

    def part(self, code: str) -> Part:
        return next((p for p in self.parts if p.code == code), Part(code))

    def indicators(self) -> Iterator[tuple[Part, Indicator]]:
        for part in self.parts:
            for indicator in part.walk():
                yield part, indicator

    def leaves(self) -> list[tuple[Part, Indicator]]:
        return [(p, i) for p, i in self.indicators() if i.is_leaf]

    def find(self, code: str) -> Indicator | None:
        return next((i for _, i in self.indicators() if i.code == code), None)

    @property
    def probes(self) -> set[str]:
        return {i.probe for _, i in self.leaves() if i.probe}

    def warnings(self) -> list[str]:
        """What does not add up, without making the system unusable."""
        found = []
        for part in self.parts:
            if part.code == "veto" or part.points is None:
                continue
            top = sum((i.points or 0 for i in part.indicators), Fraction(0))
            if top != part.points:
                found.append(
                    f"{part.label}各项分值合计{number(top)}分，与总分{number(part.points)}分不符"
                )
        scale = self.gates.without_services_scale
        deduct = self.part("deduct")
        if scale is not None and deduct.points:
            kept = deduct.points - services_points(deduct)
            if kept and kept * scale != deduct.points:
                found.append(
                    f"无办事服务的单位按{number(kept)}分计、乘以{number(scale)}后为"
                    f"{number(kept * scale)}分，不等于满分{number(deduct.points)}分"
                )
        return found


def services_points(part: Part) -> Fraction:
    """The points of the public-services branches (the highest marked node of each)."""

    def of(indicator: Indicator) -> Fraction:
        if indicator.services:
            return indicator.points or Fraction(0)
        return sum((of(c) for c in indicator.children), Fraction(0))

    return sum((of(i) for i in part.indicators), Fraction(0))


# Reading ------------------------------------------------------------------------------------


def fraction(value, where: str) -> Fraction:
    """A number as the data writes it: 5, 0.5, "4/3"."""
    if isinstance(value, bool):
        raise Refused(f"{where}：应为数字")
    try:
        result = Fraction(str(value).strip())
    except (ValueError, ZeroDivisionError):
        raise Refused(f"{where}：“{value}”不是数字") from None
    if result < 0:
        raise Refused(f"{where}：不能为负数")
    return result


def _optional(data: dict, key: str, where: str) -> Fraction | None:
    value = data.get(key)
    return None if value is None or value == "" else fraction(value, f"{where}的{key}")


_INDICATOR_KEYS = {
    "code", "name", "rule", "points", "per_finding", "cap", "threshold", "probe", "manual",
    "services", "unconfirmed", "note", "local", "children",
}  # fmt: skip


def _indicator(data, part: str, known_probes: set[str] | None, seen: set[str]) -> Indicator:
    if not isinstance(data, dict):
        raise Refused(f"{PART_LABELS[part]}中有一项不是指标（应为键值对）")
    code = str(data.get("code") or "").strip()
    name = str(data.get("name") or "").strip()
    if not code or not name:
        raise Refused(f"{PART_LABELS[part]}中有指标缺少编号（code）或名称（name）")
    where = f"指标 {code}"
    if code in seen:
        raise Refused(f"{where}：编号重复")
    seen.add(code)
    unknown = set(data) - _INDICATOR_KEYS
    if unknown:
        raise Refused(f"{where}：不认识的字段 {'、'.join(sorted(unknown))}")
    children = tuple(
        _indicator(child, part, known_probes, seen) for child in data.get("children") or ()
    )
    probe = str(data.get("probe") or "").strip()
    if children and probe:
        raise Refused(f"{where}：有下级指标的项不能直接指定自动检测")
    if not children and not probe and not data.get("manual"):
        raise Refused(f"{where}：末级指标须指定自动检测（probe）或人工评分（manual: true）")
    if probe and known_probes is not None and probe not in known_probes:
        raise Refused(f"{where}：没有名为 {probe} 的自动检测")
    points = _optional(data, "points", where)
    if part != "veto" and points is None:
        raise Refused(f"{where}：扣分和加分指标须写明分值（points）")
    threshold = data.get("threshold", 1)
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise Refused(f"{where}：触发否决的问题数（threshold）应为正整数")
    return Indicator(
        code=code,
        name=name,
        rule=str(data.get("rule") or "").strip(),
        points=points,
        per_finding=_optional(data, "per_finding", where),
        cap=_optional(data, "cap", where),
        threshold=threshold,
        probe=probe,
        services=bool(data.get("services")),
        unconfirmed=bool(data.get("unconfirmed")),
        note=str(data.get("note") or "").strip(),
        local=bool(data.get("local")),
        children=children,
    )


def parse(data, known_probes: Iterable[str] | None = None) -> System:
    """A system from its data, or `Refused` naming what is wrong (in Chinese)."""
    if not isinstance(data, dict):
        raise Refused("指标体系应为一个键值对象")
    known = set(known_probes) if known_probes is not None else None
    code = str(data.get("code") or "").strip()
    name = str(data.get("name") or "").strip()
    if not code or not name:
        raise Refused("指标体系须有编号（code）和名称（name）")
    kind = data.get("kind")
    if kind not in KIND_LABELS:
        raise Refused(f"指标体系的类别（kind）应为 {' 或 '.join(KIND_LABELS)}")
    year = data.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise Refused("指标体系须写明适用年度（year）")
    gates_data = data.get("gates") or {}
    if not isinstance(gates_data, dict):
        raise Refused("门槛（gates）应为键值对象")
    gates = Gates(
        pass_mark=fraction(gates_data.get("pass_mark", 60), "及格分（pass_mark）"),
        bonus_threshold=fraction(
            gates_data.get("bonus_threshold", 80), "加分门槛（bonus_threshold）"
        ),
        bonus_only_portals=bool(gates_data.get("bonus_only_portals")),
        without_services_scale=_optional(gates_data, "without_services_scale", "门槛"),
        unconfirmed=tuple(gates_data.get("unconfirmed") or ()),
    )
    seen: set[str] = set()
    parts = []
    remedies = _remedies(data.get("remedy"))
    for part_code in PARTS:
        part_data = data.get(part_code)
        if part_data is None:
            continue
        if isinstance(part_data, list):
            part_data = {"indicators": part_data}
        if not isinstance(part_data, dict):
            raise Refused(f"{PART_LABELS[part_code]}应为指标列表")
        indicators = tuple(
            _indicator(item, part_code, known, seen) for item in part_data.get("indicators") or ()
        )
        points = _optional(part_data, "points", PART_LABELS[part_code])
        if part_code != "veto" and points is None:
            raise Refused(f"{PART_LABELS[part_code]}须写明总分（points）")
        parts.append(
            Part(
                code=part_code,
                points=points,
                unconfirmed=bool(part_data.get("unconfirmed")),
                indicators=indicators,
            )
        )
    if not any(p.indicators for p in parts):
        raise Refused("指标体系中没有任何指标")
    return System(
        code=code,
        name=name,
        kind=kind,
        year=year,
        source=str(data.get("source") or "").strip(),
        note=str(data.get("note") or "").strip(),
        unconfirmed=bool(data.get("unconfirmed")),
        gates=gates,
        parts=tuple(parts),
        remedies=remedies,
    )


def _remedies(data) -> Remedies:
    if data is None:
        return Remedies()
    if not isinstance(data, dict):
        raise Refused("整改规则（remedy）应为键值对象")
    due_days = data.get("due_days", 15)
    if isinstance(due_days, bool) or not isinstance(due_days, int) or not 1 <= due_days <= 365:
        raise Refused("整改期限（remedy.due_days）应为1至365之间的天数")
    unremedied = data.get("unremedied", "all")
    return Remedies(
        due_days=due_days,
        unremedied=None
        if unremedied == "all"
        else fraction(unremedied, "整改不到位的扣分（remedy.unremedied）"),
        unconfirmed=bool(data.get("unconfirmed")),
    )


# Writing ------------------------------------------------------------------------------------


def number(value: Fraction | None):
    """A figure as the data writes it: an integer, a short decimal, or a fraction ("4/3")."""
    if value is None:
        return None
    if value.denominator == 1:
        return int(value)
    as_float = float(value)
    if Fraction(str(as_float)) == value and len(str(as_float)) <= 8:
        return as_float
    return f"{value.numerator}/{value.denominator}"


def _indicator_dict(indicator: Indicator) -> dict:
    out: dict = {"code": indicator.code, "name": indicator.name}
    if indicator.rule:
        out["rule"] = indicator.rule
    for key in ("points", "per_finding", "cap"):
        value = getattr(indicator, key)
        if value is not None:
            out[key] = number(value)
    if indicator.threshold != 1:
        out["threshold"] = indicator.threshold
    if indicator.children:
        out["children"] = [_indicator_dict(child) for child in indicator.children]
    elif indicator.probe:
        out["probe"] = indicator.probe
    else:
        out["manual"] = True
    for key in ("services", "unconfirmed", "local"):
        if getattr(indicator, key):
            out[key] = True
    if indicator.note:
        out["note"] = indicator.note
    return out


def to_dict(system: System) -> dict:
    gates: dict = {
        "pass_mark": number(system.gates.pass_mark),
        "bonus_threshold": number(system.gates.bonus_threshold),
    }
    if system.gates.bonus_only_portals:
        gates["bonus_only_portals"] = True
    if system.gates.without_services_scale is not None:
        gates["without_services_scale"] = number(system.gates.without_services_scale)
    if system.gates.unconfirmed:
        gates["unconfirmed"] = list(system.gates.unconfirmed)
    out: dict = {"code": system.code, "name": system.name, "kind": system.kind}
    out["year"] = system.year
    for key in ("source", "note"):
        if getattr(system, key):
            out[key] = getattr(system, key)
    if system.unconfirmed:
        out["unconfirmed"] = True
    out["gates"] = gates
    for part in system.parts:
        part_out: dict = {}
        if part.points is not None:
            part_out["points"] = number(part.points)
        if part.unconfirmed:
            part_out["unconfirmed"] = True
        part_out["indicators"] = [_indicator_dict(i) for i in part.indicators]
        out[part.code] = part_out
    remedy: dict = {
        "due_days": system.remedies.due_days,
        "unremedied": "all" if system.remedies.zeroes else number(system.remedies.unremedied),
    }
    if system.remedies.unconfirmed:
        remedy["unconfirmed"] = True
    out["remedy"] = remedy
    return out


def dump(system: System, fmt: str = "yaml") -> str:
    data = to_dict(system)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def load(text: str, known_probes: Iterable[str] | None = None) -> System:
    """A system from YAML or JSON text (JSON is YAML too)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"（第{mark.line + 1}行）" if mark else ""
        raise Refused(f"无法读取指标体系文件{where}：请检查 YAML/JSON 格式") from None
    return parse(data, known_probes)


def shipped_files() -> list[Path]:
    return sorted(DATA_DIR.glob("*.yaml"))


def replace_indicator(system: System, code: str, **changes) -> System:
    """The system with one indicator's fields changed (points, caps, veto threshold …)."""

    def swap(indicator: Indicator) -> Indicator:
        if indicator.code == code:
            return replace(indicator, **changes)
        return replace(indicator, children=tuple(swap(c) for c in indicator.children))

    parts = tuple(
        replace(part, indicators=tuple(swap(i) for i in part.indicators)) for part in system.parts
    )
    return replace(system, parts=parts)
