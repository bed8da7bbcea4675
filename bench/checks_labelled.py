"""Precision and recall of the privacy and publication checks on the labelled set.

    .venv/bin/python bench/checks_labelled.py

The set is tests/checks/labelled_set.yaml: real corpus and sample-report texts, and rows in the
layout of published 公示 lists and 简报 heads. Every miss and every unexpected finding is listed.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    from tests.checks.labelled import score

    result = score()
    found = result.true_positives + len(result.false_positives)
    expected = result.true_positives + len(result.misses)
    print(f"precision {result.precision:.3f} ({result.true_positives}/{found})")
    print(f"recall    {result.recall:.3f} ({result.true_positives}/{expected})")
    for source, kind, text in result.misses:
        print(f"missed     {kind:16} {text}  [{source}]")
    for source, kind, text in result.false_positives:
        print(f"unexpected {kind:16} {text}  [{source}]")


if __name__ == "__main__":
    main()
