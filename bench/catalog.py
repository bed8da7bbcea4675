"""Benchmark of the catalog: bulk import from JSON Lines and the public browse page.

Run: .venv/bin/python bench/catalog.py [--items N] [--published-items N] [--browse-requests N]

Input: N items made from the real simplified-Chinese texts of
shared/corpus/government-texts.jsonl.xz. Runs of consecutive paragraphs of one document are
wrapped in a 通知 template with a unique 文号, title, issuing agency and date; body lengths are
log-normal around 800 characters. The items are imported as drafts through
`gongkai import items` (the same Importer, checks run on every item) into a fresh SQLite database
file, then marked published in bulk rows that carry an approved review each, so the browse page
sees an agency with N published items. The browse page is then requested repeatedly through
Django's test client and the median reported. In the same run, the first --published-items lines
are migrated into another agency as a legacy catalog (`gongkai import items --published`: every
item confirmed by its one-step migration review and published), and both rates are printed with
their ratio.
"""

import argparse
import json
import lzma
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "government-texts.jsonl.xz"
TARGET_ITEMS_PER_S = 500
TARGET_BROWSE_MS = 100
# A legacy catalog's migration should run at no less than half the draft import's rate.
TARGET_PUBLISHED_RATIO = 0.5
AGENCIES = ["某某县民政局", "某某县财政局", "某某县人民政府", "某某县住房和城乡建设局"]
KINDS = ["通知", "意见", "公告", "通告", "决定", "批复", "函"]


def paragraphs(corpus: Path = CORPUS) -> list[list[str]]:
    docs = []
    with lzma.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["script"] != "hans":
                continue
            paras = [p.strip() for p in record["body"].split("\n") if len(p.strip()) > 10]
            if len(paras) >= 3:
                docs.append(paras)
    return docs


def make_lines(count: int, seed: int = 7, corpus: Path = CORPUS) -> list[str]:
    rng = random.Random(seed)
    docs = paragraphs(corpus)
    lines = []
    for n in range(count):
        doc = rng.choice(docs)
        target = int(rng.lognormvariate(6.55, 0.6))  # median ≈ 700, mean ≈ 830 characters
        start = rng.randrange(len(doc))
        body, i = [], start
        while sum(map(len, body)) < target and i < len(doc):
            body.append(doc[i])
            i += 1
        year = 2015 + n % 11
        kind = rng.choice(KINDS)
        subject = body[0][:18].rstrip("，。；：、")
        lines.append(
            json.dumps(
                {
                    "title": f"关于{subject}的{kind}（{n}）",
                    "doc_no": f"某政发〔{year}〕{n + 1}号",
                    "agency": rng.choice(AGENCIES),
                    "date": f"{year}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                    "body": "\n".join(body),
                },
                ensure_ascii=False,
            )
        )
    return lines


def _setup(database: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def publish_all(agency, admin) -> None:
    """Publish every imported item through rows an approved migration review would write."""
    from django.db import transaction
    from django.utils import timezone

    from gongkai.catalog.models import InfoItem, ItemStatus, ItemVersion
    from gongkai.review.models import Decision, Review, ReviewOpinion, ReviewState

    now = timezone.now()
    items = list(InfoItem.objects.filter(agency=agency).values_list("pk", "current_version_id"))
    with transaction.atomic():
        reviews = Review.objects.bulk_create(
            Review(
                version_id=version_id,
                agency=agency,
                steps=[{"name": "迁移确认", "role": "agency_admin"}],
                submitted_by=admin,
                submitted_at=now,
                decided_at=now,
                state=ReviewState.APPROVED,
                is_migration=True,
            )
            for _, version_id in items
        )
        ReviewOpinion.objects.bulk_create(
            ReviewOpinion(
                review=review,
                step_index=0,
                step_name="迁移确认",
                reviewer=admin,
                decision=Decision.APPROVE,
                legal_basis="基准测试",
                signed_at=now,
            )
            for review in reviews
        )
        ItemVersion.objects.filter(item__agency=agency).update(approved_at=now)
        for offset, (pk, version_id) in enumerate(items):
            InfoItem.objects.filter(pk=pk).update(
                published_version_id=version_id,
                status=ItemStatus.PUBLISHED,
                published_at=now - timezone.timedelta(minutes=offset),
                first_published_at=now - timezone.timedelta(minutes=offset),
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--published-items", type=int, default=20_000)
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the shared corpus file")
    parser.add_argument("--browse-requests", type=int, default=200)
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="gongkai-catalog-bench-"))
    try:
        return run(args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def run(args: argparse.Namespace, workdir: Path) -> int:
    _setup(workdir / "bench.sqlite3")

    from django.test import Client
    from django.test.utils import setup_test_environment

    from gongkai.core.actor import acting_as, actor_for_user
    from gongkai.demo import data
    from gongkai.review.importer import Importer, open_lines

    data.load()
    from gongkai.accounts.models import User
    from gongkai.agencies.models import Agency
    from gongkai.catalog.models import InfoItem

    agency = Agency.objects.get(name="某某县民政局")
    admin = User.objects.get(username="mz_admin")
    source = workdir / "items.jsonl"
    started = time.monotonic()
    source.write_text(
        "\n".join(make_lines(args.items, corpus=args.corpus)) + "\n", encoding="utf-8"
    )
    chars = sum(len(json.loads(line)["body"]) for line in open_lines(source))
    print(
        f"corpus: {args.items} items from recombined corpus paragraphs, "
        f"{chars / args.items:.0f} characters of body on average "
        f"({time.monotonic() - started:.1f} s to make)"
    )

    with acting_as(actor_for_user(admin)):
        importer = Importer(
            user=admin,
            agency=agency,
            published=False,
            mapping={"agency": "publisher", "date": "written_on"},
        )
        report = importer.run(
            open_lines(source),
            progress=lambda r: print(f"  {r.processed} …", file=sys.stderr),
            every=10_000,
        )
    rate = report.processed / report.seconds
    print(f"import: {report.summary()}")
    print(f"import rate: {rate:.0f} items/s (target ≥ {TARGET_ITEMS_PER_S})")

    legacy = workdir / "legacy.jsonl"
    with source.open(encoding="utf-8") as lines, legacy.open("w", encoding="utf-8") as out:
        for _, line in zip(range(args.published_items), lines, strict=False):
            out.write(line)
    county_admin = User.objects.get(username="county_admin")
    with acting_as(actor_for_user(county_admin)):
        migrated = Importer(
            user=county_admin,
            agency=Agency.objects.get(name=data.COUNTY),
            published=True,
            mapping={"agency": "publisher", "date": "written_on"},
        ).run(open_lines(legacy))
    published_rate = migrated.processed / migrated.seconds
    ratio = published_rate / rate
    print(f"published import: {migrated.summary()}")
    print(
        f"published import rate: {published_rate:.0f} items/s, {ratio:.2f} of the draft "
        f"import's rate (target ≥ {TARGET_PUBLISHED_RATIO})"
    )

    publish_all(agency, admin)
    public = InfoItem.objects.public().filter(agency=agency).count()
    setup_test_environment()
    client = Client()
    url = f"/xxgk/items/?agency={agency.pk}"
    assert client.get(url).status_code == 200
    timings = []
    for n in range(args.browse_requests):
        page = "" if n % 2 == 0 else f"&page={1 + n % 50}"
        t0 = time.perf_counter()
        response = client.get(url + page)
        timings.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200
    median = statistics.median(timings)
    print(
        f"browse: agency with {public} published items, {args.browse_requests} requests, "
        f"median {median:.1f} ms, p95 {sorted(timings)[int(len(timings) * 0.95)]:.1f} ms "
        f"(target < {TARGET_BROWSE_MS} ms)"
    )
    ok = (
        rate >= TARGET_ITEMS_PER_S
        and ratio >= TARGET_PUBLISHED_RATIO
        and median < TARGET_BROWSE_MS
        and not report.errors
        and not migrated.errors
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
