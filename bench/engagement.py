"""Benchmark of 政民互动 at county scale: the overdue queue and the supervisor's statistics.

Run: .venv/bin/python bench/engagement.py [--messages N] [--requests N]

Seeds N messages (default 100,000) over 50 departments of one county into a fresh SQLite
database file, with a fixed seed: every channel, received through 2026; older messages are
mostly answered (a few late), about one in twenty of them published; the rest are open, some
past their limit. "Today" is fixed at 2026-12-15.

Then it measures, as the county's supervisor through Django's test client, the median of
--requests requests each (target < 150 ms):
- the overdue queue (`/workbench/engagement/?queue=messages_overdue`);
- the statistics per agency and channel for the year (`/api/staff/messages/statistics/`).
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

TODAY = date(2026, 12, 15)
TARGET_MS = 150
DEPARTMENTS = 50


def _setup(database: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def seed(count: int):
    """The county, its supervisor, and `count` messages with consistent dates and caches."""
    from django.db import transaction

    from gongkai.agencies.models import Agency, AgencyKind, AgencyLevel
    from gongkai.agencies.services import create_staff
    from gongkai.calendar.workdays import add_workdays, workdays_between
    from gongkai.core import uscc
    from gongkai.engagement.models import Channel, Message, MessageStatus

    def code(n: int) -> str:
        first17 = f"1153990200000{n:03d}0"
        return first17 + uscc.check_character(first17)

    county = Agency.objects.create(
        name="基准县人民政府",
        kind=AgencyKind.GOVERNMENT,
        level=AgencyLevel.COUNTY,
        credit_code=code(0),
    )
    for n in range(1, DEPARTMENTS + 1):
        Agency.objects.create(
            name=f"基准县第{n}局",
            parent=county,
            kind=AgencyKind.DEPARTMENT,
            level=AgencyLevel.COUNTY,
            credit_code=code(n),
        )
    supervisor = create_staff(
        agency=county,
        username="bench_supervisor",
        full_name="督查",
        password="Bench-passw0rd-2026",
        roles=["supervisor"],
    )
    channels = list(Channel.objects.exclude(agency=county).select_related("agency"))
    rng = random.Random(17)
    start = date(2026, 1, 4)
    span = (TODAY - start).days
    batch = 5000
    for first in range(0, count, batch):
        rows = []
        for n in range(first, min(first + batch, count)):
            channel = channels[n % len(channels)]
            received = start + timedelta(days=rng.randrange(span))
            due = add_workdays(received, channel.reply_workdays)
            message = Message(
                agency=channel.agency,
                channel=channel,
                subject=f"留言{n}",
                text="咨询内容",
                writer_name="留言人",
                phone="13800000000",
                received_on=received,
                due_on=due,
            )
            if (TODAY - received).days > 10 and rng.random() < 0.97:
                replied = min(
                    add_workdays(received, rng.randrange(1, channel.reply_workdays + 3)), TODAY
                )
                message.status = MessageStatus.REPLIED
                message.accepted_on = received
                message.replied_on = replied
                message.reply_workdays = max(0, workdays_between(received, replied))
                message.reply_text = message.public_reply = "答复内容"
                message.reply_unit = channel.agency.name
                message.publish_consent = message.publish_reply = rng.random() < 0.05
            else:
                message.status = MessageStatus.ACCEPTED
            rows.append(message)
        with transaction.atomic():
            Message.objects.bulk_create(rows)
    return supervisor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    _setup(workdir / "bench.sqlite3")

    import time_machine
    from django.test import Client

    from gongkai.engagement.models import Message

    with time_machine.travel(f"{TODAY.isoformat()} 10:00 +0800", tick=True):
        began = time.perf_counter()
        supervisor = seed(args.messages)
        seeded = time.perf_counter() - began
        overdue = Message.objects.overdue(TODAY).count()
        print(f"seeded {args.messages:,} messages in {seeded:.1f} s: {overdue:,} overdue")

        client = Client()
        client.force_login(supervisor)
        queue = median_ms(client, "/workbench/engagement/?queue=messages_overdue", args.requests)
        stats = median_ms(client, "/api/staff/messages/statistics/?year=2026", args.requests)
        print(f"overdue queue: median {queue:.0f} ms over {args.requests} requests")
        print(f"supervisor statistics: median {stats:.0f} ms over {args.requests} requests")

    ok = max(queue, stats) < TARGET_MS
    print("ok" if ok else "slower than the target")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
