"""Benchmark of the 12345 hotline at county scale: importing call records and the monthly figures.

Run: .venv/bin/python bench/hotline.py [--calls N] [--orders N] [--import-calls N] [--requests N]

Seeds N calls (default 1,000,000) and N work orders (default 200,000) over 50 departments of
one county into a fresh SQLite database file, with a fixed seed, through 2026: about one call in
twelve missed, one in ten transferred, most rated; most orders answered, a few late or returned.
"Today" is fixed at 2026-12-15.

Then it measures:
- importing --import-calls rows (default 100,000) of the telephone system's CSV into one
  department through `CallImporter`, every row read, checked, its number encrypted (target
  ≥ 5,000 rows/s), and importing the same file again (nothing changes);
- as the county's supervisor through Django's test client, the median of --requests requests of
  the monthly statistics page (`/workbench/hotline/statistics/?year=2026&month=11`) and of the
  API's (target < 300 ms).
"""

import argparse
import csv
import io
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from page_timing import median_ms

TODAY = date(2026, 12, 15)
TARGET_MS = 300
TARGET_ROWS_PER_S = 5000
DEPARTMENTS = 50
HEADERS = ["呼叫流水号", "热线号码", "主叫号码", "振铃时间", "接听时间", "挂机时间"]
HEADERS += ["坐席工号", "科室", "是否转接", "转接成功", "满意度"]


def _setup(database: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def seed(calls: int, orders: int):
    """The county, its supervisor, `calls` calls and `orders` work orders."""
    from django.db import transaction
    from django.utils import timezone

    from gongkai.agencies.models import Agency, AgencyKind, AgencyLevel, InternalUnit
    from gongkai.agencies.services import create_staff
    from gongkai.calendar.workdays import add_workdays, workdays_between
    from gongkai.core import uscc
    from gongkai.hotline.calls import insert_calls, new_call
    from gongkai.hotline.models import CallbackStatus, OrderCategory, OrderStatus, WorkOrder

    def code(n: int) -> str:
        first17 = f"1153990300000{n:03d}0"
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
    units = {
        agency.pk: [
            InternalUnit.objects.create(agency=agency, name=name) for name in ("咨询科", "业务科")
        ]
        for agency in departments
    }
    supervisor = create_staff(
        agency=county,
        username="bench_supervisor",
        full_name="督查",
        password="Bench-passw0rd-2026",
        roles=["supervisor"],
    )
    rng = random.Random(23)
    zone = timezone.get_current_timezone()
    start = datetime(2026, 1, 1, 8, 0, tzinfo=zone)
    span = int((datetime(2026, 12, 15, 8, 0, tzinfo=zone) - start).total_seconds())
    batch = 10_000
    for first in range(0, calls, batch):
        rows = []
        for n in range(first, min(first + batch, calls)):
            agency = departments[n % DEPARTMENTS]
            ring = start + timedelta(seconds=rng.randrange(span))
            missed = rng.random() < 0.08
            wait = None if missed else rng.randrange(1, 40)
            talk = None if missed else rng.randrange(20, 600)
            transferred = not missed and rng.random() < 0.1
            rows.append(
                new_call(
                    {
                        "agency_id": agency.pk,
                        "call_id": f"B{n}",
                        "line": "96128",
                        "unit_id": None if missed else rng.choice(units[agency.pk]).pk,
                        "caller_phone_masked": "138****0000",
                        "ring_at": ring,
                        "answered_at": None if missed else ring + timedelta(seconds=wait),
                        "ended_at": ring + timedelta(seconds=(wait or 0) + (talk or 30)),
                        "wait_seconds": wait,
                        "talk_seconds": talk,
                        "transferred": transferred,
                        "transfer_succeeded": (rng.random() < 0.94) if transferred else None,
                        "satisfaction": ""
                        if missed or rng.random() < 0.3
                        else rng.choice(["satisfied"] * 20 + ["basic", "unsatisfied"]),
                        "callback_status": (
                            CallbackStatus.DONE if missed else CallbackStatus.NOT_NEEDED
                        ),
                    }
                )
            )
        insert_calls(rows)
    categories = {
        (c.agency_id, c.kind): c for c in OrderCategory.objects.filter(agency__in=departments)
    }
    kinds = ["consult", "help", "suggest", "complaint", "report"]
    for first in range(0, orders, batch):
        rows = []
        for n in range(first, min(first + batch, orders)):
            agency = departments[n % DEPARTMENTS]
            category = categories[(agency.pk, kinds[n % len(kinds)])]
            received = date(2026, 1, 4) + timedelta(days=rng.randrange(340))
            order = WorkOrder(
                agency=agency,
                category=category,
                number=f"W{n}",
                subject="工单",
                content="诉求内容",
                dispatched_at=datetime.combine(received, datetime.min.time(), tzinfo=zone),
                received_on=received,
                due_on=add_workdays(received, category.limit_workdays),
            )
            if rng.random() < 0.02:
                order.status = OrderStatus.RETURNED
            elif (TODAY - received).days > 20:
                replied = min(
                    add_workdays(received, rng.randrange(1, category.limit_workdays + 2)), TODAY
                )
                order.status = OrderStatus.CLOSED
                order.replied_on = order.closed_on = replied
                order.reply_workdays = max(0, workdays_between(received, replied))
                order.satisfaction = rng.choice(["satisfied"] * 30 + ["basic", "unsatisfied"])
                order.callback_on = replied
            else:
                order.status = OrderStatus.ACCEPTED
            rows.append(order)
        with transaction.atomic():
            WorkOrder.objects.bulk_create(rows)
    return departments[0], supervisor


def call_file(count: int) -> bytes:
    rng = random.Random(5)
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    ring = datetime(2026, 12, 1, 8, 0)
    for n in range(count):
        ring += timedelta(seconds=rng.randrange(1, 20))
        missed = rng.random() < 0.08
        answered = None if missed else ring + timedelta(seconds=rng.randrange(1, 40))
        ended = (answered or ring) + timedelta(seconds=rng.randrange(20, 600))
        writer.writerow(
            [
                f"IMP{n}",
                "96128",
                f"139{rng.randrange(10**8):08d}",
                f"{ring:%Y-%m-%d %H:%M:%S}",
                f"{answered:%Y-%m-%d %H:%M:%S}" if answered else "",
                f"{ended:%Y-%m-%d %H:%M:%S}",
                "8001",
                "咨询科",
                "否",
                "",
                "" if missed else "满意",
            ]
        )
    return out.getvalue().encode("utf-8-sig")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--orders", type=int, default=200_000)
    parser.add_argument("--import-calls", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    _setup(workdir / "bench.sqlite3")

    import time_machine
    from django.test import Client

    from gongkai.agencies.access import PLATFORM_ORDER_IMPORT
    from gongkai.hotline.calls import CallImporter

    with time_machine.travel(f"{TODAY.isoformat()} 10:00 +0800", tick=True):
        began = time.perf_counter()
        department, supervisor = seed(args.calls, args.orders)
        print(
            f"seeded {args.calls:,} calls and {args.orders:,} work orders "
            f"in {time.perf_counter() - began:.1f} s"
        )

        data = call_file(args.import_calls)
        began = time.perf_counter()
        report = CallImporter(user=PLATFORM_ORDER_IMPORT, agency=department).run(data, "话单.csv")
        seconds = time.perf_counter() - began
        rate = args.import_calls / seconds
        print(f"import: {report.summary()} in {seconds:.1f} s, {rate:,.0f} rows/s")
        began = time.perf_counter()
        again = CallImporter(user=PLATFORM_ORDER_IMPORT, agency=department).run(data, "话单.csv")
        print(
            f"import again: {again.created} new, {again.unchanged:,} unchanged "
            f"in {time.perf_counter() - began:.1f} s"
        )

        client = Client()
        client.force_login(supervisor)
        page = median_ms(client, "/workbench/hotline/statistics/?year=2026&month=11", args.requests)
        api = median_ms(client, "/api/staff/calls/statistics/?year=2026&month=11", args.requests)
        print(f"monthly statistics page: median {page:.0f} ms over {args.requests} requests")
        print(f"monthly statistics API: median {api:.0f} ms over {args.requests} requests")

    ok = max(page, api) < TARGET_MS and rate >= TARGET_ROWS_PER_S and again.created == 0
    print("ok" if ok else "below a target")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
