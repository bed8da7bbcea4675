"""Benchmark of full-text search: indexing, query latency, memory and relevance, beside LIKE.

Run: .venv/bin/python bench/search.py [--docs N] [--real N] [--best-of N] [--like-queries N]
[--keep DIR]
Serving half alone, on a kept WORK folder: bench/search.py --serve WORK WORK/queries.json [BEST_OF]

Corpus: the 15,048 real documents of shared/corpus/government-texts.jsonl.xz, then synthetic
documents up to N (default 100,000) made by recombining them. The synthetic documents are
indexed first through the rebuild path (`services.reindex`, what `gongkai reindex` runs); the
real ones are then imported into a fresh catalog database with `gongkai import items
--published` (validation, checks, review records, audit trail), which feeds the index through
the change queue as publishing does. Before the rebuild, the frequent-word list is derived
from a sample of the synthetic documents, as `gongkai reindex --derive-words` does.

Each synthetic document takes a run of consecutive paragraphs of one real simplified-Chinese
document (so a topic holds together) until a length drawn from a log-normal distribution
around 800 characters, wrapped in a 公文 template (addressee, body, issuing agency, date) with
a unique 文号 and 索引号, a title built from the source document's subject, one of 3,200 agencies
of a synthetic province (16 cities × 10 counties × 20 departments) and a date in 2000–2026.
A fixed seed makes every run identical.

It then prints, for a fixed mix of 220 queries (rare fragments, common terms, multi-term,
phrases, 文号 in several forms, traditional script, known-item titles, 索引号, filtered
searches), on a warm page cache: p50/p95/p99 of the backend's ranked top 10 with its total
(exact, or estimated from the sample bucket when large), and of the full
service page (facets, highlighting); indexing rate (folding and character bigrams included);
index size; peak memory of a fresh serving process; and the same queries as SQLite
`LIKE '%…%'` over the same documents. nDCG@10 and MRR of the judged set in
tests/search/relevance.yaml are computed on the benchmark index.

The serving half also ranks every query with the backend's ranking shortcuts
(GONGKAI_SEARCH_SHORTCUTS: first passes, covering phrases, one title scorer) off (the same
reader of the index, switched call by call), the two taking turns query by query (so that the
machine's drift falls on both alike), and prints the latency ratios, how many queries got the
same top 10 both ways, and the judged set's figures both ways. `--real N` imports only the
first N real documents (the import is the slow part: about 40 a second), for a run of a few
minutes.
"""

import argparse
import gc
import json
import math
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JUDGED = ROOT / "tests" / "search" / "relevance.yaml"
SEED = 20260501
QUERY_MIX = {
    "fragment": 40,
    "common": 20,
    "multi": 30,
    "phrase": 20,
    "doc_number": 30,
    "traditional": 20,
    "title": 30,
    "index_number": 10,
    "filtered": 20,
}
COMMON = [
    "信息公开",
    "政府",
    "管理",
    "条例",
    "安全生产",
    "社会保障",
    "人民政府",
    "实施",
    "规定",
    "通知",
    "办法",
    "责任",
    "应当",
    "监督管理",
    "行政许可",
    "公共服务",
    "生态环境",
    "教育",
    "卫生",
    "财政",
]
TRADITIONAL = [
    "政府資訊公開",
    "條例",
    "資訊公開",
    "行政機關",
    "國家賠償",
    "環境保護",
    "勞動基準",
    "醫療",
    "稅捐稽徵",
    "檔案",
    "個人資料保護",
    "食品安全衛生",
    "消費者保護",
    "獎勵",
    "補助",
    "營業",
    "土地徵收",
    "戶籍",
    "兒童及少年福利",
    "職業安全衛生",
]
CITIES = [
    "江城",
    "临川",
    "青阳",
    "南屏",
    "北岭",
    "东湖",
    "西山",
    "云溪",
    "石门",
    "桃源",
    "长林",
    "白沙",
    "金川",
    "玉泉",
    "清河",
    "安平",
]
DEPARTMENTS = [
    "人民政府",
    "办公室",
    "发展和改革局",
    "教育局",
    "科学技术局",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化和旅游局",
    "卫生健康委员会",
    "市场监督管理局",
]
# 文号 prefixes of the departments, so that each agency's numbers are its own.
ABBREVIATIONS = [
    "政",
    "政办",
    "发改",
    "教",
    "科",
    "公",
    "民",
    "司",
    "财",
    "人社",
    "自然",
    "环",
    "建",
    "交",
    "水",
    "农",
    "商",
    "文旅",
    "卫健",
    "市监",
]
COUNTY_MARKS = "一二三四五六七八九十"
GENRES = ["通知", "意见", "决定", "办法", "公告", "通告", "批复", "报告"]
_SUBJECT_PREFIX = re.compile(
    r"^(中华人民共和国|最高人民法院|最高人民检察院|.{2,8}?(省|市|自治区)(人民代表大会常务委员会)?)"
)
_SUBJECT_SUFFIX = re.compile(r"(条例|办法|规定|实施细则|细则|若干规定|决定|解释|法)$")


def _setup(work: Path) -> None:
    """Django on the benchmark's own catalog database and index, both in `work`."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    os.environ["DATABASE_URL"] = f"sqlite:///{work / 'catalog.sqlite3'}"
    sys.path.insert(0, str(ROOT / "src"))
    import django
    from django.conf import settings

    django.setup()
    # The test settings give each process a fresh temporary index; this one is shared.
    settings.GONGKAI_SEARCH_INDEX_DIR = str(work / "index")


def _import_line(row: dict) -> dict:
    """A corpus record as a line of `gongkai import items` (docs/import.md). Without a date
    (or with one that is not an ISO date) the import registers the day of the import."""
    from gongkai.search.corpus import is_repealed, issued_on

    written = issued_on(row)
    line = {
        "title": row["title"],
        "publisher": row["agency"],
        "doc_no": row.get("doc_no", ""),
        "index_no": row.get("index_no", ""),
        "written_on": written.isoformat() if written else "",
        "validity": "废止" if is_repealed(row) else "有效",
        "body": row["body"],
    }
    return {name: value for name, value in line.items() if value}


def import_corpus(work: Path, count: int) -> tuple[float, str]:
    """The first `count` real documents through the catalog's bulk import, as a county
    government migrating its legacy catalog would: seconds taken and the import's summary."""
    import io

    from django.core.management import call_command

    from gongkai.agencies.models import Agency
    from gongkai.demo import data
    from gongkai.search.corpus import records

    source = work / "corpus-import.jsonl"
    with source.open("w", encoding="utf-8") as lines:
        for row in records()[:count]:
            lines.write(json.dumps(_import_line(row), ensure_ascii=False) + "\n")
    county = Agency.objects.get(name=data.COUNTY)
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    try:
        call_command(
            "import",
            "items",
            str(source),
            "--agency",
            county.credit_code,
            "--user",
            "county_admin",
            "--published",
            stdout=out,
            stderr=err,
        )
    except SystemExit:
        sys.exit(f"导入出错：\n{err.getvalue()[-2000:]}")
    return time.perf_counter() - started, out.getvalue().strip().splitlines()[-1]


def _agencies() -> list[tuple[int, str, str, str]]:
    """(id, path, name, 文号 prefix) of a synthetic province's departments."""
    found, next_id = [], 100_000
    for c, city in enumerate(CITIES):
        for k in range(10):
            county = f"{city}市{COUNTY_MARKS[k]}县"
            for d, department in enumerate(DEPARTMENTS):
                next_id += 1
                path = f"/{c + 1:010d}/{c * 10 + k + 100:010d}/{next_id:010d}/"
                prefix = f"{city[0]}{COUNTY_MARKS[k]}{ABBREVIATIONS[d]}"
                found.append((next_id, path, county + department, prefix))
    return found


def _subject(title: str) -> str:
    subject = _SUBJECT_SUFFIX.sub("", _SUBJECT_PREFIX.sub("", title)) or title
    return subject.strip("《》“”关于") or title


def synthetic(count: int, rng: random.Random):
    """`count` recombined documents (see the module docstring), deterministic for the seed."""
    from gongkai.search.corpus import records
    from gongkai.search.documents import SearchDocument

    sources = [r for r in records() if r["script"] == "hans" and len(r["body"]) > 400]
    paragraphs = [[p for p in r["body"].split("\n") if p.strip()] for r in sources]
    agencies = _agencies()
    start = date(2000, 1, 1)
    for n in range(count):
        i = rng.randrange(len(sources))
        paras = paragraphs[i]
        target = min(6000, max(120, int(rng.lognormvariate(math.log(800), 0.6))))
        first = rng.randrange(len(paras))
        chosen, length = [], 0
        for p in paras[first:] + paras[:first]:
            chosen.append(p)
            length += len(p)
            if length >= target:
                break
        agency_id, path, agency, prefix = agencies[n % len(agencies)]
        day = start + timedelta(days=rng.randrange(9600))
        genre = GENRES[n % len(GENRES)]
        serial = n // len(agencies) + 1
        yield SearchDocument(
            key=f"bench:{n}",
            title=f"{agency}关于{_subject(sources[i]['title'])}的{genre}",
            index_number=f"{agency_id:09d}/{day.year}-{serial:05d}",
            doc_number=f"{prefix}{'办' if n % 3 else ''}发〔{day.year}〕{serial}号",
            agency_id=agency_id,
            agency_path=path,
            agency_name=agency,
            issued_on=day,
            topic=sources[i].get("cat", "") if sources[i]["src"] != "lawrefbook" else "法规",
            genre=genre,
            validity="repealed" if n % 17 == 0 else "valid",
            disclosure="proactive",
            body="各有关单位：\n"
            + "\n".join(chosen)
            + f"\n{agency}\n{day.year}年{day.month}月{day.day}日",
        )


def queries(docs_sample: list, real: list, rng: random.Random) -> list[tuple[str, str, dict]]:
    """The fixed mix: (kind, query, filters)."""
    from gongkai.search import text

    mix: list[tuple[str, str, dict]] = []
    bodies = [d.body for d in docs_sample]
    while len([q for q in mix if q[0] == "fragment"]) < QUERY_MIX["fragment"]:
        runs = re.findall(r"[\u4e00-\u9fff]{8,}", rng.choice(bodies))
        if runs:
            run = rng.choice(runs)
            length = rng.randint(3, 5)
            at = rng.randrange(len(run) - length)
            mix.append(("fragment", run[at : at + length], {}))
    mix += [("common", term, {}) for term in COMMON[: QUERY_MIX["common"]]]
    while len([q for q in mix if q[0] == "multi"]) < QUERY_MIX["multi"]:
        words = [w for w in text.segment(rng.choice(docs_sample).title) if len(w) >= 2]
        if len(words) >= 3:
            mix.append(("multi", " ".join(rng.sample(words[1:], 2)), {}))
    while len([q for q in mix if q[0] == "phrase"]) < QUERY_MIX["phrase"]:
        runs = re.findall(r"[\u4e00-\u9fff]{10,}", rng.choice(bodies))
        if runs:
            run = rng.choice(runs)
            mix.append(("phrase", f'"{run[2:8]}"', {}))
    forms = ["{p}〔{y}〕{n}号", "{p}[{y}]{n}号", "{p}{y}年{n}号", "{p}（{y}）{n}号"]
    for i, d in enumerate(rng.sample(docs_sample, QUERY_MIX["doc_number"])):
        m = re.match(r"(.+?)〔(\d{4})〕(\d+)号", d.doc_number)
        mix.append(("doc_number", forms[i % 4].format(p=m[1], y=m[2], n=m[3]), {}))
    mix += [("traditional", term, {}) for term in TRADITIONAL[: QUERY_MIX["traditional"]]]
    titles = rng.sample(real, QUERY_MIX["title"] // 2) + rng.sample(
        docs_sample, QUERY_MIX["title"] // 2
    )
    mix += [("title", d.title, {}) for d in titles]
    with_numbers = [d for d in real if d.index_number]
    mix += [
        ("index_number", d.index_number, {})
        for d in rng.sample(with_numbers, min(QUERY_MIX["index_number"], len(with_numbers)))
    ]
    for i in range(QUERY_MIX["filtered"]):
        d = rng.choice(docs_sample)
        filters = [
            {"agency_path": d.agency_path.rsplit("/", 2)[0] + "/"},
            {"year": d.issued_on.year},
            {"genre": d.genre},
            {"date_from": date(2015, 1, 1), "date_to": date(2019, 12, 31)},
        ][i % 4]
        mix.append(("filtered", COMMON[i % len(COMMON)], filters))
    return mix


def _status_mb(field: str) -> float:
    """A memory figure of this process from /proc/self/status, in MiB: VmHWM, the peak
    resident size (unlike ru_maxrss, not inherited at exec); RssAnon, its own memory now,
    without the index pages it maps from the page cache (shared, dropped when needed)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _read_through(folder: Path) -> None:
    """Read every index file once, so that queries run on a warm page cache as on a server
    that has been answering for a while (the index files are mapped, not loaded)."""
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as handle:
                while handle.read(1 << 24):
                    pass


def _speed_probe() -> float:
    """Seconds for a fixed pure-Python loop: how fast the machine is right now. On a shared
    virtual machine this varies from run to run, and every figure here varies with it."""
    started = time.perf_counter()
    sum(i * i for i in range(5_000_000))
    return time.perf_counter() - started


def _percentiles(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    return at(0.50), at(0.95), at(0.99)


def _like_baseline(database: Path, mix, limit: int) -> list[float]:
    """SQLite LIKE '%…%' over title, 文号 and body: exact total plus the newest 10."""
    connection = sqlite3.connect(database)
    timings = []
    for _, q, _filters in mix[:limit]:
        words = [w.strip('"') for w in q.split() if w.strip('"')] or [q]
        where = " AND ".join("(title LIKE ? OR doc_number LIKE ? OR body LIKE ?)" for _ in words)
        args = [f"%{w}%" for w in words for _ in range(3)]
        started = time.perf_counter()
        connection.execute(f"SELECT count(*) FROM doc WHERE {where}", args).fetchone()
        connection.execute(
            f"SELECT title FROM doc WHERE {where} ORDER BY issued DESC LIMIT 10", args
        ).fetchall()
        timings.append((time.perf_counter() - started) * 1000)
    connection.close()
    return timings


def serve(work: Path, mix_file: Path, best_of: int = 1) -> None:
    """The serving half, in a fresh process: latency and peak memory of queries only.

    With `best_of` above 1, the mix is run that many times and each query keeps its quickest
    time: a steadier figure on a machine whose speed drifts, for comparing two versions of
    the code on one index (run this file of each version with `--serve` on the same WORK).
    """
    _setup(work)
    from gongkai.search import evaluation, services, text
    from gongkai.search.backends.base import Filters
    from gongkai.search.query import parse

    mix = json.loads(mix_file.read_text(encoding="utf-8"))
    engine = services.backend()
    engine.refresh()
    # One reader of the index, its ranking shortcuts switched per call (the backend reads
    # its switch at every call), so that memory is counted once.
    ways = (True, False)
    documents = engine.index.searcher().num_docs
    # What a server loads on its first query of a kind: the script converter, the dictionary.
    text.fold("政府資訊公開")
    text.segment("政府信息公开条例")
    for _, q, _ in mix[:20]:
        services.find(engine, parse(q), Filters(), limit=10)
    page, by_kind, own_mb = [], {}, 0.0
    for _, _, filters in mix:
        for name in ("date_from", "date_to"):
            if name in filters:
                filters[name] = date.fromisoformat(filters[name])
    core = {on: [math.inf] * len(mix) for on in ways}
    tops: dict[bool, list[list[str]]] = {on: [[] for _ in mix] for on in ways}
    for round_number in range(best_of):
        for i, (_, q, filters) in enumerate(mix):
            # Each way goes first in every other round.
            for on in ways if (i + round_number) % 2 == 0 else ways[::-1]:
                engine.shortcuts = on
                started = time.perf_counter()
                _, found = services.find(engine, parse(q), Filters(**filters), limit=10)
                core[on][i] = min(core[on][i], (time.perf_counter() - started) * 1000)
                tops[on][i] = [hit.key for hit in found.hits]
            own_mb = max(own_mb, _status_mb("RssAnon"))
    engine.shortcuts = True
    by_kind_off: dict[str, list[float]] = {}
    for (kind, _, _), elapsed, off in zip(mix, core[True], core[False], strict=True):
        by_kind.setdefault(kind, []).append(elapsed)
        by_kind_off.setdefault(kind, []).append(off)
    for _, q, filters in mix:
        request = services.SearchRequest(
            q=q, year=filters.get("year"), genre=filters.get("genre", "")
        )
        started = time.perf_counter()
        services.search(request)
        page.append((time.perf_counter() - started) * 1000)
        own_mb = max(own_mb, _status_mb("RssAnon"))

    def ranked(q: str) -> list[str]:
        found = services.search(services.SearchRequest(q=q), with_facets=False)
        return [r.hit.title for r in found.results]

    relevance = evaluation.summary(evaluation.evaluate(evaluation.load(JUDGED), ranked))

    def ranked_by(on: bool):
        def titles(q: str) -> list[str]:
            engine.shortcuts = on
            _, found = services.find(engine, parse(q), Filters(), limit=10)
            return [hit.title for hit in found.hits]

        return titles

    judged = evaluation.load(JUDGED)
    relevance_by = {
        on: evaluation.summary(evaluation.evaluate(judged, ranked_by(on))) for on in ways
    }
    engine.shortcuts = True
    peak_mb = _status_mb("VmHWM")
    p50, p95, p99 = _percentiles(core[True])
    print(
        f"检索（前 10 条 + 总数，{best_of} 次取最快）  p50 {p50:.2f} ms  p95 {p95:.2f} ms  "
        f"p99 {p99:.2f} ms",
        file=sys.stderr,
    )
    print(
        json.dumps(
            {
                "core": core[True],
                "page": page,
                "shortcuts": {
                    "core_off": core[False],
                    "by_kind_off": by_kind_off,
                    "same_top": sum(a == b for a, b in zip(tops[True], tops[False], strict=True)),
                    "relevance_on": relevance_by[True],
                    "relevance_off": relevance_by[False],
                },
                "by_kind": by_kind,
                "peak_mb": peak_mb,
                "own_mb": own_mb,
                "relevance": relevance,
                "documents": documents,
                "speed_probe": _speed_probe(),
            }
        )
    )


def build(args) -> None:
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="gongkai-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    index_dir, database = work / "index", work / "like.sqlite3"
    shutil.rmtree(index_dir, ignore_errors=True)
    for stale in (database, work / "catalog.sqlite3"):
        stale.unlink(missing_ok=True)
    _setup(work)
    from django.conf import settings
    from django.core.management import call_command

    from gongkai.demo import data
    from gongkai.search import services, words
    from gongkai.search.corpus import CorpusSource
    from gongkai.search.documents import ListedSource

    call_command("migrate", verbosity=0)
    data.load()

    probe = _speed_probe()
    rng = random.Random(SEED)
    real = list(CorpusSource().documents())[: min(args.docs, args.real)]
    extra = max(0, args.docs - len(real))
    print(f"语料：真实文件 {len(real):,} 篇 + 重组文件 {extra:,} 篇（见文件头说明）")
    started = time.perf_counter()
    made = list(synthetic(extra, rng))
    # A million documents held for the run: keep the collector from walking them again and again.
    gc.freeze()
    print(
        f"生成语料 {time.perf_counter() - started:.1f} 秒，"
        f"平均 {statistics.mean(len(d.body) for d in real + made):.0f} 字"
    )

    sqlite = sqlite3.connect(database)
    sqlite.execute("CREATE TABLE doc (title TEXT, doc_number TEXT, body TEXT, issued TEXT)")
    sqlite.executemany(
        "INSERT INTO doc VALUES (?, ?, ?, ?)",
        (
            (d.title, d.doc_number, d.body, d.issued_on.isoformat() if d.issued_on else "")
            for d in real + made
        ),
    )
    sqlite.commit()
    sqlite.close()

    # As `gongkai reindex --derive-words` does: the frequent-word list from a sample of the
    # catalog, in the data folder, taken up by the rebuild.
    started = time.perf_counter()
    settings.GONGKAI_SEARCH_DATA_DIR = str(work)
    listed = words.derive(words.sample_texts(made, len(made)))
    words.WordFinder(listed).save(work / words.FILE_NAME)
    print(
        f"高频词表（同 gongkai reindex --derive-words）：{len(listed):,} 个词，"
        f"{time.perf_counter() - started:.0f} 秒"
    )

    started = time.perf_counter()
    done = 0

    def progress(count: int) -> None:
        nonlocal done
        done += count
        rate = done / (time.perf_counter() - started)
        print(f"\r重建索引 {done:,}/{extra:,}  {rate:,.0f} 篇/秒", end="", flush=True)

    services.reindex(ListedSource(made), progress=progress, batch=5_000)
    index_seconds = time.perf_counter() - started
    print()
    index_peak = _status_mb("VmHWM")
    import_seconds, import_summary = import_corpus(work, len(real))
    print(f"真实语料经 gongkai import items --published 导入：{import_summary}")
    size = sum(f.stat().st_size for f in index_dir.rglob("*") if f.is_file())

    mix = queries(made or real, real, rng)
    mix_file = work / "queries.json"
    mix_file.write_text(json.dumps(mix, ensure_ascii=False, default=str), encoding="utf-8")
    del made, real
    services.reset_backend()
    _read_through(index_dir)
    served = subprocess.run(
        [sys.executable, __file__, "--serve", str(work), str(mix_file), str(args.best_of)],
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(served.stdout.strip().splitlines()[-1])
    like = _like_baseline(database, mix, args.like_queries)
    if result["documents"] < args.docs * 0.99:
        sys.exit(f"服务进程只看到 {result['documents']:,} 篇文档，少于 {args.docs:,} 篇")

    n = args.docs
    print(
        f"\n本机速度探针（固定的纯 Python 循环）：开始 {probe:.3f} 秒，查询后 "
        f"{result['speed_probe']:.3f} 秒；数值越大机器越慢，各项数字随之变化"
    )
    print(
        f"\n文档 {n:,} 篇；查询 {len(mix)} 条（"
        + ", ".join(f"{k} {v}" for k, v in QUERY_MIX.items())
        + "）"
    )
    if extra:
        print(
            f"重建索引：{extra / index_seconds:,.0f} 篇/秒（{extra:,} 篇 {index_seconds:.0f} 秒，"
            f"含繁简归一和字二元切分、提交与合并），建索引进程峰值内存 {index_peak:,.0f} MiB"
        )
    imported = n - extra
    print(
        f"目录导入：{imported:,} 篇 {import_seconds:.0f} 秒"
        f"（{imported / import_seconds:,.0f} 篇/秒，含校验、检查、审查记录、审计和索引），"
        f"索引大小 {size / 2**20:,.0f} MiB"
    )
    print(
        f"服务进程峰值内存 {result['peak_mb']:,.0f} MiB（含映射的索引文件页），"
        f"其中进程自身内存最多 {result['own_mb']:,.0f} MiB（目标 ≤ 1024）"
    )
    p50, p95, p99 = _percentiles(result["core"])
    print(
        f"检索（前 10 条 + 总数）  p50 {p50:.2f} ms  p95 {p95:.2f} ms  p99 {p99:.2f} ms"
        "（目标 p50 ≤ 2，p99 ≤ 20）"
    )
    p50, p95, p99 = _percentiles(result["page"])
    print(f"整页（含分面、高亮、纠错）    p50 {p50:.2f} ms  p95 {p95:.2f} ms  p99 {p99:.2f} ms")
    for kind, values in result["by_kind"].items():
        k50, _, k99 = _percentiles(values)
        print(f"  {kind:13} p50 {k50:7.2f} ms  p99 {k99:7.2f} ms")
    l50, l95, l99 = _percentiles(like)
    print(
        f"LIKE 基线（前 {len(like)} 条查询）  p50 {l50:.1f} ms  p95 {l95:.1f} ms  p99 {l99:.1f} ms"
    )
    for kind, figures in result["relevance"].items():
        print(
            f"相关性 {kind:13} n={figures['queries']:3}  hit@1 {figures['hit@1']:.3f}  "
            f"MRR {figures['mrr']:.3f}  nDCG@10 {figures['ndcg@10']:.3f}"
        )
    _compare_shortcuts(mix, result)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def _compare_shortcuts(mix, result: dict) -> None:
    """What the ranking shortcuts save, and that they rank as scoring every match does."""
    off = result["shortcuts"]
    print("\n排序捷径（首轮排序、覆盖短语、标题合并计分）开 / 关，逐条查询轮流计时：")
    a, b = _percentiles(result["core"]), _percentiles(off["core_off"])
    print(
        f"  检索（前 10 条 + 总数）  开 p50 {a[0]:.2f} / p95 {a[1]:.2f} / p99 {a[2]:.2f} ms，"
        f"关 p50 {b[0]:.2f} / p95 {b[1]:.2f} / p99 {b[2]:.2f} ms，"
        f"关/开 {b[0] / a[0]:.2f} / {b[1] / a[1]:.2f} / {b[2] / a[2]:.2f}"
    )
    for kind, values in result["by_kind"].items():
        a, b = _percentiles(values), _percentiles(off["by_kind_off"][kind])
        print(
            f"  {kind:13} p50 开 {a[0]:7.2f} 关 {b[0]:7.2f} ms  关/开 {b[0] / a[0]:.2f}   "
            f"p99 开 {a[2]:7.2f} 关 {b[2]:7.2f} ms  关/开 {b[2] / a[2]:.2f}"
        )
    print(f"  前 10 条完全相同的查询：{off['same_top']} / {len(mix)}")
    for kind, figures in off["relevance_on"].items():
        other = off["relevance_off"][kind]
        print(
            f"  相关性 {kind:13} nDCG@10 开 {figures['ndcg@10']:.3f} 关 {other['ndcg@10']:.3f}"
            f"  MRR 开 {figures['mrr']:.3f} 关 {other['mrr']:.3f}"
        )


def main() -> None:
    if len(sys.argv) in (4, 5) and sys.argv[1] == "--serve":
        serve(Path(sys.argv[2]), Path(sys.argv[3]), *map(int, sys.argv[4:]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--real", type=int, default=10**9, help="经目录导入的真实文件篇数上限")
    parser.add_argument(
        "--best-of", type=int, default=1, help="每条查询跑几遍取最快（较稳的开关对比）"
    )
    parser.add_argument("--like-queries", type=int, default=220, help="LIKE 基线跑的查询条数")
    parser.add_argument("--keep", help="在此目录建索引并保留")
    build(parser.parse_args())


if __name__ == "__main__":
    main()
