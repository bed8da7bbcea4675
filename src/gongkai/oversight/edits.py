"""The workbench's edit of a system copy, applied to its data: gates, each indicator's points,
per-finding deduction, cap, veto threshold and how it is measured, local indicators added or
removed. Pure: a definition and the posted fields in, a new definition out (which
`systems.parse` then checks)."""

import copy
from collections.abc import Iterator, Mapping

from gongkai.lib.errors import Refused

from .systems import PART_LABELS

NUMBERS = ("points", "per_finding", "cap")
MANUAL = "manual"


def indicators(data: dict) -> Iterator[tuple[str, dict, list]]:
    """(part, indicator, the list holding it) for every indicator of a definition."""

    def walk(part: str, items: list):
        for item in items:
            yield part, item, items
            yield from walk(part, item.get("children") or [])

    for part in PART_LABELS:
        block = data.get(part)
        if isinstance(block, list):
            block = data[part] = {"indicators": block}
        if block:
            yield from walk(part, block.setdefault("indicators", []))


def field(code: str, key: str) -> str:
    return f"i-{code}-{key}"


def _set_number(target: dict, key: str, raw: str | None) -> None:
    if raw is None:
        return
    raw = raw.strip()
    if raw == "":
        target.pop(key, None)
    else:
        target[key] = raw


def _threshold(raw: str, code: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise Refused(f"指标 {code}：触发否决的问题数应为正整数") from None
    if value < 1:
        raise Refused(f"指标 {code}：触发否决的问题数应为正整数")
    return value


def apply(definition: dict, post: Mapping[str, str]) -> dict:
    data = copy.deepcopy(definition)
    for key in ("name",):
        if post.get(key, "").strip():
            data[key] = post[key].strip()
    if post.get("year", "").strip():
        try:
            data["year"] = int(post["year"])
        except ValueError:
            raise Refused("适用年度应为数字", "year") from None
    gates = data.setdefault("gates", {})
    for key in ("pass_mark", "bonus_threshold", "without_services_scale"):
        _set_number(gates, key, post.get(key))
    if "gates-posted" in post:
        gates["bonus_only_portals"] = bool(post.get("bonus_only_portals"))
    removed = []
    for _part, item, holder in list(indicators(data)):
        code = item["code"]
        for key in NUMBERS:
            _set_number(item, key, post.get(field(code, key)))
        raw = post.get(field(code, "threshold"))
        if raw is not None and raw.strip():
            item["threshold"] = _threshold(raw.strip(), code)
        measure = post.get(field(code, "measure"))
        if measure and not item.get("children"):
            if measure == MANUAL:
                item.pop("probe", None)
                item["manual"] = True
            else:
                item.pop("manual", None)
                item["probe"] = measure
        if post.get(field(code, "remove")):
            if not item.get("local"):
                raise Refused(f"指标 {code} 来自原指标体系，不能删除（可将分值改为0）")
            removed.append((item, holder))
    for item, holder in removed:
        holder.remove(item)
    _add_local(data, post)
    return data


def _add_local(data: dict, post: Mapping[str, str]) -> None:
    code = post.get("new-code", "").strip()
    name = post.get("new-name", "").strip()
    if not code and not name:
        return
    if not code or not name:
        raise Refused("新增地方指标须填写编号和名称", "new-code")
    part = post.get("new-part", "deduct")
    if part not in PART_LABELS:
        raise Refused("请选择新增指标所属部分", "new-part")
    item: dict = {"code": code, "name": name, "local": True}
    if post.get("new-rule", "").strip():
        item["rule"] = post["new-rule"].strip()
    for key in NUMBERS:
        _set_number(item, key, post.get(f"new-{key}"))
    measure = post.get("new-measure") or MANUAL
    if measure == MANUAL:
        item["manual"] = True
    else:
        item["probe"] = measure
    parent_code = post.get("new-parent", "").strip()
    if parent_code:
        for found_part, parent, _holder in indicators(data):
            if parent["code"] == parent_code:
                if found_part != part:
                    raise Refused(f"上级指标 {parent_code} 不在{PART_LABELS[part]}中", "new-parent")
                if parent.get("probe") or parent.get("manual"):
                    raise Refused(f"上级指标 {parent_code} 是末级指标，不能再加下级", "new-parent")
                parent.setdefault("children", []).append(item)
                return
        raise Refused(f"没有编号为 {parent_code} 的上级指标", "new-parent")
    block = data.setdefault(part, {"indicators": []})
    if part != "veto" and "points" not in block:
        block["points"] = item.get("points", 0)
    block.setdefault("indicators", []).append(item)
