"""Benchmark of 督查考核: every automatic probe over a province-sized catalog, and scoring.

Run: .venv/bin/python bench/oversight.py [--agencies N] [--items N] [--cases N]

Seeds, into a fresh SQLite database file with a fixed seed, N agencies (default 200) under one
county government, each with its default columns and channels; N public catalog items (default
1,000,000) with their versions — a few published late, undated or policy documents without an
interpretation; N applications (default 100,000), most answered, some overdue, with a reply
letter each for half of the answered ones (a few without remedies); 20 messages per agency,
some long unanswered; one integrity scan with a few defaced pages. Rows are written in bulk
(the probes only read; the review gate's per-save check does not run for bulk rows). "Today"
is fixed at 2026-12-15.

Then it times, once each:
- `standing.record_run`: every probe over every agency, the run and its results kept
  (target < 60 s), with each probe's own time;
- scoring a round: the 2019 website system over every agency's findings (target < 1 s).
"""

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

TODAY = date(2026, 12, 15)
TARGET_PROBE_S = 60
TARGET_SCORE_S = 1
BATCH = 20_000


def _setup(database: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _aware(day: date, hour: int = 9) -> datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime(day.year, day.month, day.day, hour))


def seed(agencies: int, items: int, cases: int) -> list:
    from django.db import transaction

    from gongkai.agencies.models import Agency, AgencyKind, AgencyLevel
    from gongkai.applications.models import Application, Letter, LetterKind
    from gongkai.applications.outcomes import ApplicantCategory
    from gongkai.catalog.models import Genre, InfoItem, ItemStatus, ItemVersion
    from gongkai.checks.models import IntegrityFinding, IntegrityScan
    from gongkai.core import uscc
    from gongkai.engagement.models import Channel, ChannelKind, Message, MessageStatus

    def code(n: int) -> str:
        first17 = f"115399020000{n:04d}0"
        return first17 + uscc.check_character(first17)

    rng = random.Random(23)
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
            address="县府路1号" if n % 7 else "",
            office_hours="工作日",
            phone="0000-1234567",
            disclosure_office="办公室",
        )
        for n in range(1, agencies + 1)
    ]
    ids = [a.pk for a in departments]
    genres = list(Genre.objects.values_list("pk", "name"))
    policy = next(pk for pk, name in genres if name == "规范性文件")
    news = next(pk for pk, name in genres if name == "工作动态")
    start = date(2024, 1, 1)
    span = (TODAY - start).days

    for first in range(0, items, BATCH):
        item_rows, version_rows = [], []
        for n in range(first, min(first + BATCH, items)):
            pk = n + 1
            published = start + timedelta(days=rng.randrange(span))
            genre = policy if n % 50 == 0 else (news if n % 3 else rng.choice(genres)[0])
            late = n % 97 == 0
            version_rows.append(
                ItemVersion(
                    pk=pk,
                    item_id=pk,
                    number=1,
                    title=f"基准信息{n}",
                    publisher="基准县",
                    doc_no=f"基政发〔2026〕{n}号" if n % 4 == 0 else "",
                    written_on=None if n % 1000 == 0 else published,
                    formed_on=published - timedelta(days=40 if late else 3),
                    genre_id=genre,
                    interpretation_url="" if n % 3 else "https://example.cn/jd",
                    approved_at=_aware(published),
                    published_at=_aware(published),
                )
            )
            item_rows.append(
                InfoItem(
                    pk=pk,
                    agency_id=ids[n % len(ids)],
                    index_no=f"BENCH/{n:08d}",
                    status=ItemStatus.PUBLISHED,
                    current_version_id=pk,
                    published_version_id=pk,
                    publish_due=published - timedelta(days=10 if late else -20),
                    published_at=_aware(published),
                    first_published_at=_aware(published),
                    published_late=late,
                )
            )
        with transaction.atomic():  # the foreign keys between the two are checked at commit
            InfoItem.objects.bulk_create(item_rows)
            ItemVersion.objects.bulk_create(version_rows)
        print(f"  items {min(first + BATCH, items):,}", file=sys.stderr)

    letter_serial = 0
    for first in range(0, cases, BATCH):
        case_rows = []
        for n in range(first, min(first + BATCH, cases)):
            received = start + timedelta(days=rng.randrange(span))
            due = received + timedelta(days=28)
            answered = due < TODAY and rng.random() < 0.98
            case_rows.append(
                Application(
                    agency_id=ids[n % len(ids)],
                    number=f"B{n:07d}",
                    applicant_category=ApplicantCategory.NATURAL_PERSON,
                    applicant_name="申请人",
                    phone="13800000000",
                    channel="online",
                    received_on=received,
                    receipt_basis="双方确认之日",
                    description="所需信息",
                    provision_form="electronic",
                    delivery_method="email",
                    status="closed" if answered else "in_progress",
                    due_date=due,
                    outcome="granted" if answered else "",
                    decided_on=(due - timedelta(days=rng.randrange(-2, 20))) if answered else None,
                )
            )
        with transaction.atomic():
            made = Application.objects.bulk_create(case_rows)
            letters = []
            for case in made:
                if case.decided_on and case.pk % 2 == 0:
                    letter_serial += 1
                    remedies = "" if letter_serial % 40 == 0 else "申请行政复议，或者提起行政诉讼。"
                    letters.append(
                        Letter(
                            case=case,
                            kind=LetterKind.REPLY,
                            year=case.decided_on.year,
                            serial=letter_serial,
                            number=f"基依申复〔{case.decided_on.year}〕{letter_serial}号",
                            text=f"根据《条例》第三十六条，予以公开。{remedies}",
                        )
                    )
            Letter.objects.bulk_create(letters)
        print(f"  cases {min(first + BATCH, cases):,}", file=sys.stderr)

    channels = {
        (c.agency_id, c.kind): c.pk
        for c in Channel.objects.filter(agency__in=ids, kind=ChannelKind.QUESTION)
    }
    messages = []
    for n, pk in enumerate(ids * 20):
        received = TODAY - timedelta(days=rng.randrange(1, 300))
        open_ = rng.random() < 0.05
        messages.append(
            Message(
                agency_id=pk,
                channel_id=channels[(pk, ChannelKind.QUESTION)],
                subject=f"咨询{n}",
                text="咨询内容",
                writer_name="留言人",
                phone="13800000000",
                received_on=received,
                due_on=received + timedelta(days=5),
                status=MessageStatus.ACCEPTED if open_ else MessageStatus.REPLIED,
                replied_on=None if open_ else received + timedelta(days=2),
            )
        )
    Message.objects.bulk_create(messages, batch_size=5000)

    scan = IntegrityScan.objects.create(
        started_at=_aware(TODAY - timedelta(days=1)), base_url="http://bench"
    )
    IntegrityFinding.objects.bulk_create(
        IntegrityFinding(
            scan=scan, agency_id=ids[n], item_id=n + 1, url=f"http://bench/{n}", problems=["篡改"]
        )
        for n in range(0, len(ids), 25)
    )
    return departments


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=200)
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=100_000)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="gongkai-oversight-bench-"))
    try:
        return run(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run(args, workdir: Path) -> int:
    _setup(workdir / "bench.sqlite3")
    import time_machine

    from gongkai.oversight import standing
    from gongkai.oversight.models import IndicatorSystem
    from gongkai.oversight.probes import PROBES, Scope
    from gongkai.oversight.scoring import score

    with time_machine.travel(f"{TODAY.isoformat()} 10:00 +0800", tick=True):
        began = time.perf_counter()
        agencies = seed(args.agencies, args.items, args.cases)
        print(
            f"seeded {len(agencies)} agencies, {args.items:,} items, {args.cases:,} cases "
            f"in {time.perf_counter() - began:.0f} s"
        )
        scope = Scope(tuple(a.pk for a in agencies), TODAY)
        for name, probe in sorted(PROBES.items()):
            began = time.perf_counter()
            found = probe.run(scope)
            print(
                f"  {name:<30} {time.perf_counter() - began:6.2f} s  "
                f"{sum(o.count for o in found.values()):>7,} problems at {len(found)} agencies"
            )
        began = time.perf_counter()
        run_record, outcomes = standing.record_run(agencies, TODAY, started_by="bench")
        probed = time.perf_counter() - began
        print(
            f"probe run {run_record.pk}: {len(PROBES)} probes over {len(agencies)} agencies, "
            f"results kept, in {probed:.1f} s (target < {TARGET_PROBE_S} s)"
        )

        system = IndicatorSystem.objects.get(code="website-2019").system()
        profiles = standing.profiles(agencies)
        findings = {
            a.pk: standing.findings_from(system, {name: by[a.pk] for name, by in outcomes.items()})
            for a in agencies
        }
        began = time.perf_counter()
        scores = {a.pk: score(system, findings[a.pk], profiles[a.pk]) for a in agencies}
        scored = time.perf_counter() - began
        vetoed = sum(s.vetoed for s in scores.values())
        print(
            f"scored a round of {len(scores)} agencies in {scored * 1000:.0f} ms "
            f"({vetoed} vetoed; target < {TARGET_SCORE_S} s)"
        )
    ok = probed < TARGET_PROBE_S and scored < TARGET_SCORE_S
    print("ok" if ok else "slower than the target")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
