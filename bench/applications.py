"""Benchmark of 依申请公开 at county scale: the overdue dashboard and recomputing deadlines.

Run: .venv/bin/python bench/applications.py [--cases N] [--requests N]

Seeds N cases (default 100,000) over 20 departments of one county into a fresh SQLite database
file, with a fixed seed: every case has its receipt event; about a third also have a 补正, a
consultation or an extension; older cases are mostly decided. Cached status and deadlines come
from replaying each case's events, as in production. "Today" is fixed at 2025-12-15.

Then it measures, as the county's supervisor through Django's test client:
- the overdue queue (`/workbench/cases/?queue=overdue`) and the per-agency counts
  (`/workbench/cases/overview/`), median of --requests requests each (target < 150 ms);
- a holiday schedule import for 2025 that adds one holiday, whose receiver recomputes every
  open case's deadline inside the import (target < 30 s).
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from page_timing import median_ms

TODAY = date(2025, 12, 15)
TARGET_DASHBOARD_MS = 150
TARGET_RECOMPUTE_S = 30
DEPARTMENTS = 20


def _setup(database: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def seed(count: int) -> tuple:
    """The county, its supervisor, and `count` cases with consistent events and caches."""
    from django.db import transaction

    from gongkai.agencies.models import Agency, AgencyKind, AgencyLevel
    from gongkai.agencies.services import create_staff
    from gongkai.applications import ledger, services
    from gongkai.applications.models import Application, CaseEvent
    from gongkai.calendar.workdays import add_workdays
    from gongkai.core import uscc

    def code(n: int) -> str:
        first17 = f"1153990100000{n:03d}0"
        return first17 + uscc.check_character(first17)

    county = Agency.objects.create(
        name="基准县人民政府",
        kind=AgencyKind.GOVERNMENT,
        level=AgencyLevel.COUNTY,
        credit_code=code(0),
    )
    departments = [
        Agency.objects.create(
            name=f"基准县第{n}局",
            parent=county,
            kind=AgencyKind.DEPARTMENT,
            level=AgencyLevel.COUNTY,
            credit_code=code(n),
        )
        for n in range(1, DEPARTMENTS + 1)
    ]
    supervisor = create_staff(
        agency=county,
        username="bench_supervisor",
        full_name="督查",
        password="Bench-passw0rd-2026",
        roles=["supervisor"],
    )
    rng = random.Random(11)
    kinds = ledger.EventKind
    start = date(2025, 1, 2)
    span = (TODAY - start).days
    batch = 5000
    for first in range(0, count, batch):
        cases, stories = [], []
        for n in range(first, min(first + batch, count)):
            agency = departments[n % DEPARTMENTS]
            received = start + timedelta(days=rng.randrange(span))
            events = [ledger.Entry(kinds.RECEIVED, received)]
            roll = rng.random()
            cursor = received
            if roll < 0.1:
                asked = add_workdays(received, 3)
                events.append(
                    ledger.Entry(
                        kinds.CORRECTION_REQUESTED,
                        asked,
                        {"deadline": (asked + timedelta(days=15)).isoformat(), "matters": "范围"},
                    )
                )
                cursor = asked + timedelta(days=rng.randrange(2, 12))
                if cursor <= TODAY:
                    events.append(ledger.Entry(kinds.CORRECTION_RECEIVED, cursor))
            elif roll < 0.25:
                began = add_workdays(received, 4)
                events.append(ledger.Entry(kinds.CONSULTATION_STARTED, began, {"party": "某公司"}))
                cursor = add_workdays(began, rng.randrange(3, 15))
                if cursor <= TODAY:
                    events.append(
                        ledger.Entry(kinds.CONSULTATION_ENDED, cursor, {"answer": "同意"})
                    )
            elif roll < 0.33:
                asked = add_workdays(received, 15)
                events.append(ledger.Entry(kinds.EXTENSION_REQUESTED, asked, {"workdays": 20}))
                events.append(ledger.Entry(kinds.EXTENSION_APPROVED, asked, {"workdays": 20}))
            state = ledger.replay(e for e in events if e.on <= TODAY)
            deadline = ledger.reply_deadline(state)
            age = (TODAY - received).days
            if state.status == "in_progress" and deadline.due and age > 25 and rng.random() < 0.97:
                decided = min(deadline.due, TODAY)
                events.append(
                    ledger.Entry(
                        kinds.DECIDED,
                        decided,
                        {"outcome": "granted", "legal_basis": "第三十六条", "reasons": ""},
                    )
                )
            events = [e for e in events if e.on <= TODAY]
            values = services.derived_values(ledger.replay(events))
            cases.append(
                Application(
                    agency=agency,
                    number=f"{agency.name}依申〔2025〕{n + 1}号",
                    applicant_category="natural_person",
                    applicant_name=f"申请人{n}",
                    id_type="resident_id",
                    id_number_masked="110***********1234",
                    phone="13800000000",
                    channel="online",
                    received_on=received,
                    receipt_basis="双方确认之日",
                    description="某某信息",
                    provision_form="electronic",
                    delivery_method="online",
                    **values,
                )
            )
            stories.append(events)
        with transaction.atomic():
            Application.objects.bulk_create(cases)
            CaseEvent.objects.bulk_create(
                CaseEvent(case=case, kind=e.kind, on=e.on, data=e.data)
                for case, events in zip(cases, stories, strict=True)
                for e in events
            )
    return county, supervisor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    _setup(workdir / "bench.sqlite3")

    import time_machine
    from django.test import Client

    from gongkai.applications.models import Application
    from gongkai.calendar import holidays, workdays

    with time_machine.travel(f"{TODAY.isoformat()} 10:00 +0800", tick=True):
        began = time.perf_counter()
        _, supervisor = seed(args.cases)
        seeded = time.perf_counter() - began
        open_cases = Application.objects.open().count()
        overdue = Application.objects.overdue(TODAY).count()
        print(f"seeded {args.cases:,} cases in {seeded:.1f} s: ", end="")
        print(f"{open_cases:,} open, {overdue:,} overdue")

        client = Client()
        client.force_login(supervisor)
        queue = median_ms(client, "/workbench/cases/?queue=overdue", args.requests)
        overview = median_ms(client, "/workbench/cases/overview/", args.requests)
        print(f"overdue queue: median {queue:.0f} ms over {args.requests} requests")
        print(f"per-agency counts: median {overview:.0f} ms over {args.requests} requests")

        schedule = holidays.parse_schedule(
            {
                "year": 2025,
                "notice": "基准〔2025〕1号",
                "holidays": [
                    {"name": "国庆节", "from": "2025-10-01", "to": "2025-10-08"},
                    {"name": "基准假日", "date": "2025-12-16"},
                ],
                "makeup_workdays": [{"date": "2025-09-28"}, {"date": "2025-10-11"}],
            }
        )
        began = time.perf_counter()
        holidays.import_schedule(schedule)
        recompute = time.perf_counter() - began
        workdays.invalidate()
        print(f"calendar import recomputing {open_cases:,} open deadlines: {recompute:.1f} s")

    ok = max(queue, overview) < TARGET_DASHBOARD_MS and recompute < TARGET_RECOMPUTE_S
    print("ok" if ok else "slower than the targets")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
