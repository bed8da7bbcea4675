"""Relevance measures for a judged query set: hit@1, reciprocal rank, nDCG@10.

A judged query names the titles that answer it with a grade (2 = the item sought, 1 = on
topic); a ranked result list is judged by its titles.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Judged:
    kind: str
    query: str
    relevant: dict[str, int]


@dataclass(frozen=True)
class Scores:
    query: Judged
    titles: tuple[str, ...]
    hit_at_1: bool
    reciprocal_rank: float
    ndcg_at_10: float


def load(path: Path) -> list[Judged]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Judged(row["kind"], str(row["query"]), dict(row["relevant"])) for row in data]


def _dcg(grades: Sequence[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(grades))


def score(judged: Judged, titles: Sequence[str]) -> Scores:
    # A title answers once: a second document of the same title adds nothing.
    seen: set[str] = set()
    grades = []
    for title in titles[:10]:
        grades.append(0 if title in seen else judged.relevant.get(title, 0))
        seen.add(title)
    best = max(judged.relevant.values())
    first = next((i for i, t in enumerate(titles) if judged.relevant.get(t) == best), None)
    ideal = _dcg(sorted(judged.relevant.values(), reverse=True)[:10])
    return Scores(
        query=judged,
        titles=tuple(titles[:10]),
        hit_at_1=bool(titles) and judged.relevant.get(titles[0]) == best,
        reciprocal_rank=0.0 if first is None else 1 / (first + 1),
        ndcg_at_10=_dcg(grades) / ideal if ideal else 0.0,
    )


def evaluate(judged: list[Judged], ranked: Callable[[str], list[str]]) -> list[Scores]:
    """Score every judged query with `ranked(query)` → the top titles in order."""
    return [score(j, ranked(j.query)) for j in judged]


def summary(scores: list[Scores]) -> dict[str, dict[str, float]]:
    """Mean hit@1, MRR and nDCG@10, overall and per kind of query."""
    groups: dict[str, list[Scores]] = {"all": scores}
    for s in scores:
        groups.setdefault(s.query.kind, []).append(s)
    return {
        kind: {
            "queries": len(group),
            "hit@1": sum(s.hit_at_1 for s in group) / len(group),
            "mrr": sum(s.reciprocal_rank for s in group) / len(group),
            "ndcg@10": sum(s.ndcg_at_10 for s in group) / len(group),
        }
        for kind, group in groups.items()
    }
