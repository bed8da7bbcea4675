"""Precision and recall of the checks on the labelled set in labelled_set.yaml."""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from gongkai.checks import check_text

LABELLED_SET = Path(__file__).with_name("labelled_set.yaml")


@dataclass
class Score:
    true_positives: int = 0
    false_positives: list[tuple[str, str, str]] = field(default_factory=list)
    misses: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + len(self.false_positives)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + len(self.misses)
        return self.true_positives / expected if expected else 1.0


def score(path: Path = LABELLED_SET) -> Score:
    """Findings matched to the labels by kind and covered text, each label used once."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    kinds = data["scored_kinds"]
    result = Score()
    for case in data["cases"]:
        expected = Counter((label["kind"], label["text"]) for label in case["expect"])
        found = Counter((f.kind, f.text) for f in check_text(case["text"], kinds=kinds))
        matched = expected & found
        result.true_positives += sum(matched.values())
        source = case["source"]
        result.misses += [(source, *key) for key in (expected - matched).elements()]
        result.false_positives += [(source, *key) for key in (found - matched).elements()]
    return result
