"""Benchmark of the working-day calendar and the reply clock: prints calls per second and the
time to compute the reply deadline of 100,000 random cases (the budget is 30 s).

    .venv/bin/python bench/workdays.py [--cases 100000] [--calls 1000000] [--seed 2026]

Runs on a migrated in-memory SQLite database unless DATABASE_URL says otherwise; no imported
schedules, so the years come from the chinesecalendar package (2024–2026 are drawn).
"""

import argparse
import os
import random
import sys
import time
from datetime import date, timedelta

BUDGET_SECONDS = 30.0


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _random_cases(rng: random.Random, count: int) -> list[dict]:
    first, span = date(2024, 1, 1), (date(2026, 6, 30) - date(2024, 1, 1)).days
    cases = []
    for _ in range(count):
        received = first + timedelta(days=rng.randrange(span))
        case: dict = {"received": received}
        if rng.random() < 0.3:
            case["correction_received"] = received + timedelta(days=rng.randrange(1, 15))
        pauses, cursor = [], case.get("correction_received", received)
        for _ in range(rng.choice((0, 0, 1, 2))):
            start = cursor + timedelta(days=rng.randrange(1, 10))
            cursor = start + timedelta(days=rng.randrange(1, 20))
            pauses.append((start, cursor))
        case["pauses"] = pauses
        if rng.random() < 0.1:
            case["extension_workdays"] = rng.randrange(1, 21)
        cases.append(case)
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args(argv)

    _setup()
    from gongkai.applications.clock import reply_due_date
    from gongkai.calendar import workdays

    rng = random.Random(options.seed)

    workdays.invalidate()
    began = time.perf_counter()
    for year in (2024, 2025, 2026):
        workdays.is_workday(date(year, 6, 1))
    cold = time.perf_counter() - began
    print(f"首次载入 3 个年度的日历：{cold * 1000:.1f} ms")

    first, span = date(2024, 1, 1), (date(2026, 9, 30) - date(2024, 1, 1)).days
    starts = [first + timedelta(days=rng.randrange(span)) for _ in range(options.calls)]
    counts = [rng.randrange(1, 41) for _ in range(options.calls)]
    began = time.perf_counter()
    for start, n in zip(starts, counts, strict=True):
        workdays.add_workdays(start, n)
    elapsed = time.perf_counter() - began
    rate = options.calls / elapsed
    print(f"add_workdays：{options.calls:,} 次，{elapsed:.2f} s，每秒 {rate:,.0f} 次")

    cases = _random_cases(rng, options.cases)
    began = time.perf_counter()
    for case in cases:
        reply_due_date(**case)
    elapsed = time.perf_counter() - began
    print(
        f"reply_due_date：{options.cases:,} 件随机案件，{elapsed:.2f} s"
        f"（每件 {elapsed / options.cases * 1e6:.1f} µs；上限 {BUDGET_SECONDS:.0f} s，"
        f"占 {elapsed / BUDGET_SECONDS:.1%}）"
    )
    return 0 if elapsed < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
