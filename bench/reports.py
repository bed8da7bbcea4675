"""Benchmark of building annual reports from the records.

Run: .venv/bin/python bench/reports.py [--cases N] [--agencies N] [--government-cases N]

Seeds a fresh SQLite database file with a fixed seed: one department with N cases (default
100,000) received over two years, a fifth still open, the rest decided with a random outcome;
then a government with --agencies departments (default 200) sharing --government-cases cases
(default 1,000,000). Rows are written in bulk, as the cases' own services would leave them.

Measures, best of three:
- `build_report(agency, year)` for the department (target < 1 s);
- `build_rollup(government, year)` over the government and all its departments (target < 15 s).
Each run also checks that every identity of the built tables holds.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

YEAR = 2025
TARGET_AGENCY_S = 1.0
TARGET_GOVERNMENT_S = 15.0


def _setup(database: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _credit_code(serial: int) -> str:
    from gongkai.core import uscc

    first17 = f"11539902{serial:08d}0"
    return first17 + uscc.check_character(first17)


def _agency(name: str, serial: int, parent=None):
    from gongkai.agencies.models import Agency, AgencyKind, AgencyLevel

    return Agency.objects.create(
        name=name,
        credit_code=_credit_code(serial),
        kind=AgencyKind.DEPARTMENT if parent else AgencyKind.GOVERNMENT,
        level=AgencyLevel.COUNTY,
        parent=parent,
    )


def _cases(agency_ids: list[int], count: int, rng: random.Random, start_number: int) -> None:
    from django.db import connection

    from gongkai.applications.models import Application
    from gongkai.applications.outcomes import ApplicantCategory, Outcome

    categories = list(ApplicantCategory.values)
    outcomes = list(Outcome.values)
    fields = [
        "agency_id",
        "number",
        "tracking_code",
        "applicant_category",
        "applicant_name",
        "phone",
        "channel",
        "received_on",
        "receipt_basis",
        "description",
        "provision_form",
        "delivery_method",
        "status",
        "outcome",
        "decided_on",
        "created_at",
        "id_number_encrypted",
        "id_number_masked",
        "credit_code",
        "legal_representative",
        "contact_person",
        "email",
        "address",
        "postcode",
        "document_number",
        "id_type",
    ]
    table = Application._meta.db_table
    sql = f"INSERT INTO {table} ({', '.join(fields)}) VALUES ({', '.join(['%s'] * len(fields))})"
    first = date(YEAR - 1, 1, 1)
    batch = []
    with connection.cursor() as cursor:
        for n in range(count):
            received = first + timedelta(days=rng.randrange(730))
            decided = None
            outcome = ""
            if rng.random() > 0.2:
                decided = received + timedelta(days=rng.randrange(1, 40))
                outcome = rng.choice(outcomes)
            batch.append(
                (
                    rng.choice(agency_ids),
                    f"B{start_number + n:08d}",
                    f"T{start_number + n:011d}",
                    rng.choice(categories),
                    "申请人",
                    "13800138000",
                    "online",
                    received,
                    "双方确认之日",
                    "某项政府信息",
                    "electronic",
                    "email",
                    "decided" if decided else "in_progress",
                    outcome,
                    decided,
                    "2025-01-01 00:00:00",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                )
            )
            if len(batch) == 20000:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def _best_of_three(run) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(3):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--agencies", type=int, default=200)
    parser.add_argument("--government-cases", type=int, default=1_000_000)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    with tempfile.TemporaryDirectory() as folder:
        _setup(Path(folder) / "bench.sqlite3")
        from django.db import transaction

        from gongkai.reports.build import build_report, build_rollup

        rng = random.Random(6)
        started = time.perf_counter()
        with transaction.atomic():
            alone = _agency("基准测试县单独部门", 1)
            _cases([alone.pk], args.cases, rng, 0)
            government = _agency("基准测试县人民政府", 2)
            departments = [
                _agency(f"基准测试县第{i}部门", 10 + i, government) for i in range(args.agencies)
            ]
            ids = [government.pk] + [d.pk for d in departments]
            _cases(ids, args.government_cases, rng, args.cases)
        print(
            f"seeded {args.cases + args.government_cases:,} cases in "
            f"{time.perf_counter() - started:.1f} s"
        )

        seconds, built = _best_of_three(lambda: build_report(alone, YEAR))
        assert built.inconsistencies == [], built.inconsistencies
        received = built.figures.table3["new_received"]["total"]
        print(
            f"build_report, one agency, {args.cases:,} cases ({received:,} new in {YEAR}): "
            f"{seconds:.2f} s (target < {TARGET_AGENCY_S:.0f} s)"
        )
        agency_ok = seconds < TARGET_AGENCY_S

        seconds, built = _best_of_three(lambda: build_rollup(government, YEAR))
        assert built.inconsistencies == [], built.inconsistencies
        print(
            f"build_rollup, {args.agencies + 1} agencies, {args.government_cases:,} cases: "
            f"{seconds:.2f} s (target < {TARGET_GOVERNMENT_S:.0f} s)"
        )
        government_ok = seconds < TARGET_GOVERNMENT_S
    return 0 if agency_ok and government_ok else 1


if __name__ == "__main__":
    sys.exit(main())
