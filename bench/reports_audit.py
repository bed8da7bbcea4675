"""Benchmark: audit 1,000 published HTML annual reports with `gongkai report audit FOLDER --json`.

Target (issue 6): under 60 s. One report in ten has one injected inconsistency; the run checks
that exactly those are flagged, so a fast but blind importer does not pass.

    .venv/bin/python bench/reports_audit.py [--reports N]
"""

import argparse
import io
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 60.0


def _setup() -> None:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    import django

    django.setup()


def _write_reports(folder: Path, count: int) -> set[str]:
    from tests.reports.makers import html_report, random_figures

    rng = random.Random(20261201)
    broken = set()
    for index in range(count):
        figures = random_figures(rng)
        name = f"report-{index:04d}.html"
        if index % 10 == 0:
            figures.table3["granted"]["total"] += 1
            broken.add(name)
        page = html_report(figures, "2021", 2021 + index % 4, f"第{index}号行政机关")
        (folder / name).write_text(page, encoding="utf-8")
    return broken


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    options = parser.parse_args()
    _setup()
    from django.core.management import call_command

    with tempfile.TemporaryDirectory() as folder:
        broken = _write_reports(Path(folder), options.reports)
        size = sum(path.stat().st_size for path in Path(folder).iterdir())
        out = io.StringIO()
        started = time.perf_counter()
        call_command("report", "audit", folder, "--json", stdout=out)
        elapsed = time.perf_counter() - started
    results = json.loads(out.getvalue())
    flagged = {
        Path(item["file"]).name
        for item in results
        if any(found["rule"] == "t3_results_sum" for found in item.get("inconsistencies", []))
    }
    clean = sum(1 for item in results if not item.get("inconsistencies"))
    print(f"reports audited:        {len(results)} ({size / 1e6:.1f} MB of HTML)")
    print(f"wall time:              {elapsed:.2f} s (target < {TARGET_SECONDS:.0f} s)")
    print(f"per report:             {elapsed / len(results) * 1000:.1f} ms")
    print(f"ratio to target:        {elapsed / TARGET_SECONDS:.3f}")
    print(f"injected / flagged:     {len(broken)} / {len(flagged)}; clean {clean}")
    if flagged != broken or clean != len(results) - len(broken):
        sys.exit("标记结果与注入的不一致不符")
    if elapsed >= TARGET_SECONDS:
        sys.exit("超过目标时间")


if __name__ == "__main__":
    main()
