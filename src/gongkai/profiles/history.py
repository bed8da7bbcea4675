"""The dated history of an agency's leaders, read from its published versions in order.

Pure: it takes what each published version listed (`Listed`) and says what changed from one to
the next — who took office (on their 任职日期), whose post or portfolio changed (on the
version's 生效日期) and who left (on their 离任日期) — newest first.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Listed:
    """A leader as one published version listed them."""

    leader_id: int
    name: str
    post: str
    portfolio: str
    took_office: date
    left_on: date | None


@dataclass(frozen=True)
class Change:
    on: date
    name: str
    what: str  # 任职 / 职务变更 / 分工调整 / 离任
    detail: str


def changes(versions: list[tuple[date, list[Listed]]]) -> list[Change]:
    """`versions`: each published version's 生效日期 and its leaders, oldest first."""
    found: list[Change] = []
    serving: dict[int, Listed] = {}
    for effective_on, listed in versions:
        for entry in listed:
            before = serving.get(entry.leader_id)
            if before is None and entry.left_on is None:
                found.append(Change(entry.took_office, entry.name, "任职", entry.post))
            elif before is not None:
                if before.post != entry.post:
                    detail = f"由{before.post}改任{entry.post}"
                    found.append(Change(effective_on, entry.name, "职务变更", detail))
                if before.portfolio != entry.portfolio:
                    found.append(Change(effective_on, entry.name, "分工调整", entry.portfolio))
            if entry.left_on is not None and before is not None:
                found.append(Change(entry.left_on, entry.name, "离任", f"原任{entry.post}"))
        serving = {e.leader_id: e for e in listed if e.left_on is None}
    return sorted(found, key=lambda change: change.on, reverse=True)
