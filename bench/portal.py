"""Benchmark of the public portal under a surge, on the production stack of docs/deployment.md.

Run (as root, on a machine with PostgreSQL 15, nginx and wrk from Debian's packages):
    .venv/bin/python bench/portal.py [--items N] [--seconds S] [--port P]

Everything listens on 127.0.0.1 only and is removed at the end: a throwaway PostgreSQL
cluster (initdb as the postgres user, socket in /tmp), the demo county with N items made from
the corpus (bench/catalog.py's generator) imported as published through `gongkai import items
--published`, the search index rebuilt, collected static files, gunicorn with the 4 sync
workers the guide recommends, `gongkai.settings.production`. wrk then measures requests/s, p50
and p99 at 64 and 200 clients for each page, with a bare 404 view and a static file as
baselines, first straight to gunicorn (uncached), then through nginx configured as the guide's
portal cache. Last, through nginx, an item is published and the agency column is polled until
it shows, which must happen within the max-age.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_PORT = 55493
CLIENTS = (64, 200)
AGENCY = "某某县民政局"
NEW_TITLE = "关于公布2026年第二批临时救助对象名单的公告"

sys.path.insert(0, str(Path(__file__).resolve().parent))
import catalog  # noqa: E402  (the catalog benchmark's corpus generator)

# Where the corpus is, when not beside the repository (as in the settings).
catalog.CORPUS = Path(os.environ.get("GONGKAI_CORPUS_PATH", catalog.CORPUS))


def run(cmd: list[str], env: dict | None = None, timeout: float = 3600, **kwargs) -> str:
    done = subprocess.run(
        cmd, env=env, timeout=timeout, check=True, capture_output=True, text=True, **kwargs
    )
    return done.stdout


class Stack:
    """The processes of one run, stopped in reverse order whatever happens."""

    def __init__(self, workdir: Path, port: int, max_age: int):
        self.workdir, self.port = workdir, port
        self.pgdata = workdir / "pgdata"
        self.socket = workdir / "gunicorn.sock"
        self.processes: list[subprocess.Popen] = []
        self.env = os.environ | {
            "PYTHONPATH": str(ROOT / "src"),
            "DJANGO_SETTINGS_MODULE": "gongkai.settings.production",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/gongkai",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "GONGKAI_VAR_DIR": str(workdir / "var"),
            "GONGKAI_PUBLIC_MAX_AGE": str(max_age),
            "GONGKAI_SEARCH_SYNC_INLINE": "false",
            "LOG_LEVEL": "WARNING",
        }

    def gongkai(self, *args: str, timeout: float = 3600) -> str:
        return run([str(BIN / "gongkai"), *args], env=self.env, timeout=timeout, cwd=ROOT)

    def start_postgres(self) -> None:
        self.pgdata.mkdir()
        shutil.chown(self.pgdata, "postgres", "postgres")
        as_pg = ["runuser", "-u", "postgres", "--"]
        run(
            [
                *as_pg,
                str(PG_BIN / "initdb"),
                "-D",
                str(self.pgdata),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        )
        # A throwaway cluster: loading may skip the flushes; serving reads are unaffected.
        options = (
            f"-p {PG_PORT} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=100"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        run(
            [
                *as_pg,
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.pgdata),
                "-o",
                options,
                "-w",
                "-l",
                str(self.pgdata / "log"),
                "start",
            ]
        )
        run([*as_pg, str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(PG_PORT), "gongkai"])

    def stop_postgres(self) -> None:
        if (self.pgdata / "postmaster.pid").exists():
            subprocess.run(
                [
                    "runuser",
                    "-u",
                    "postgres",
                    "--",
                    str(PG_BIN / "pg_ctl"),
                    "-D",
                    str(self.pgdata),
                    "-m",
                    "fast",
                    "stop",
                ],
                capture_output=True,
                timeout=60,
            )

    def spawn(self, cmd: list[str]) -> subprocess.Popen:
        # A log file, not a pipe: a full pipe would stop the workers that write to it.
        log = (self.workdir / f"{Path(cmd[0]).name}-{len(self.processes)}.log").open("wb")
        process = subprocess.Popen(cmd, env=self.env, cwd=ROOT, stdout=log, stderr=log)
        process.log = Path(log.name)
        self.processes.append(process)
        return process

    def start_gunicorn(self, bind: str) -> subprocess.Popen:
        process = self.spawn(
            [str(BIN / "gunicorn"), "gongkai.wsgi", "--workers", "4", "--bind", bind]
        )
        target = bind.removeprefix("unix:")
        for _ in range(100):
            if process.poll() is not None:
                raise SystemExit(f"gunicorn stopped: {process.log.read_text()[-2000:]}")
            if bind.startswith("unix:") and Path(target).exists():
                return process
            if not bind.startswith("unix:") and _answers(f"http://{bind}/static/gongkai/site.css"):
                return process
            time.sleep(0.2)
        raise SystemExit("gunicorn did not start")

    def start_nginx(self) -> subprocess.Popen:
        prefix = self.workdir / "nginx"
        cache = prefix / "cache"
        cache.mkdir(parents=True)
        shutil.chown(cache, "nobody", "nogroup")
        conf = prefix / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                prefix=prefix,
                cache=cache,
                socket=self.socket,
                port=self.port,
                static=self.workdir / "var" / "static",
            )
        )
        process = self.spawn(["nginx", "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"])
        for _ in range(50):
            if _answers(f"http://127.0.0.1:{self.port}/static/gongkai/site.css"):
                return process
            time.sleep(0.2)
        raise SystemExit(f"nginx did not start: {process.log.read_text()[-2000:]}")

    def stop(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM if process.args[0] != "nginx" else signal.SIGQUIT)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def stop_all(self) -> None:
        for process in reversed(self.processes):
            self.stop(process)
        self.stop_postgres()


# The portal cache of docs/deployment.md, on loopback and without TLS.
NGINX_CONF = """
user nobody nogroup;
worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    upstream gongkai_app {{ server unix:{socket}; keepalive 32; }}
    proxy_cache_path {cache} levels=1:2 keys_zone=gongkai:50m max_size=2g inactive=10m
                     use_temp_path=off;
    map $http_cookie $gongkai_private {{
        default 0;
        "~*(^|;\\s*)(sessionid|messages)=" 1;
    }}
    server {{
        listen 127.0.0.1:{port};
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-Proto $scheme;
        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        location /static/ {{
            alias {static}/;
            gzip_static on;
            expires 1h;
            add_header Cache-Control "public";
        }}
        location ~ ^/(workbench|api/staff|account)/ {{ proxy_pass http://gongkai_app; }}
        location / {{
            proxy_pass http://gongkai_app;
            proxy_cache gongkai;
            proxy_cache_key "$scheme://$host$request_uri";
            proxy_cache_bypass $gongkai_private;
            proxy_no_cache $gongkai_private;
            proxy_cache_revalidate on;
            proxy_cache_lock on;
            proxy_cache_background_update on;
            proxy_cache_use_stale updating error timeout http_500 http_502 http_503;
            add_header X-Cache-Status $upstream_cache_status always;
        }}
    }}
}}
"""


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _fetch(url: str, timeout: float = 30) -> tuple[int, dict, str]:
    request = urllib.request.Request(url)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), ""


FACTS = """
import json
from gongkai.agencies.models import Agency
from gongkai.catalog.models import InfoItem
agency = Agency.objects.get(name="{agency}")
items = InfoItem.objects.public().filter(agency=agency)
print(json.dumps({{"agency": agency.pk, "code": agency.credit_code, "items": items.count(),
    "all": InfoItem.objects.public().count(),
    "item": ([0] + list(items.order_by("-published_at").values_list("pk", flat=True)[:501]))[-1]}}))
"""


def facts_of(stack: Stack) -> dict:
    """The agency measured, its credit code and an item well down its column."""
    out = stack.gongkai("shell", "--no-imports", "-c", FACTS.format(agency=AGENCY))
    return json.loads(out.strip().splitlines()[-1])


def load(stack: Stack, items: int) -> dict:
    stack.gongkai("migrate", "--no-input")
    stack.gongkai("demo", "load")
    code = facts_of(stack)["code"]
    source = stack.workdir / "items.jsonl"
    source.write_text("\n".join(catalog.make_lines(items)) + "\n", encoding="utf-8")
    started = time.monotonic()
    stack.gongkai(
        "import",
        "items",
        str(source),
        "--agency",
        code,
        "--user",
        "mz_admin",
        "--published",
        "--map",
        "publisher=agency",
        "--map",
        "written_on=date",
        timeout=4 * 3600,
    )
    print(f"import of {items} items, published: {time.monotonic() - started:.0f} s", flush=True)
    started = time.monotonic()
    stack.gongkai("reindex", timeout=3600)
    print(f"search index rebuilt: {time.monotonic() - started:.0f} s", flush=True)
    stack.gongkai("collectstatic", "--no-input")
    return facts_of(stack)


def targets(facts: dict) -> list[tuple[str, str]]:
    return [
        ("bare 404 view (baseline)", "/bench-no-such-page/"),
        ("static file (baseline)", "/static/gongkai/site.css"),
        ("home", "/"),
        ("agency column 公开目录", f"/xxgk/agencies/{facts['agency']}/"),
        ("agency 法定主动公开内容, page 3", f"/xxgk/items/?agency={facts['agency']}&page=3"),
        ("item page", f"/xxgk/items/{facts['item']}/"),
        ("search", "/search/?q=%E5%9F%8E%E4%B9%A1%E5%B1%85%E6%B0%91"),
        ("status lookup (form, never cached)", "/apply/status/"),
    ]


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, clients: int, seconds: int, expect_404: bool) -> dict:
    out = run(
        ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s", "--latency", url],
        timeout=seconds + 60,
    )
    latency = {
        p: float(v) * UNITS[u]
        for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    }
    socket = re.search(r"connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    total = int(re.search(r"(\d+) requests in", out).group(1))
    not_ok = int(non_2xx.group(1)) if non_2xx else 0
    # The baseline's answers are all 404s; any other page's must all be 200.
    errors = (sum(map(int, socket.groups())) if socket else 0) + (
        total - not_ok if expect_404 else not_ok
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency["50"],
        "p99": latency["99"],
        "errors": errors,
    }


def measure(base: str, facts: dict, seconds: int) -> dict:
    results = {}
    for name, path in targets(facts):
        # Waits behind what the last run left queued, and warms the workers and the cache.
        _fetch(base + path, timeout=300)
        for clients in CLIENTS:
            results[name, clients] = wrk(base + path, clients, seconds, "404" in name)
            r = results[name, clients]
            print(
                f"  {name} @{clients}: {r['rps']:.0f}/s p50 {r['p50']:.1f} ms "
                f"p99 {r['p99']:.1f} ms errors {r['errors']}",
                flush=True,
            )
    return results


def table(title: str, results: dict, facts: dict, ratio_to: str) -> str:
    base = {c: results[ratio_to, c]["rps"] for c in CLIENTS}
    lines = [
        f"{title}",
        "",
        "| page | clients | requests/s | p50 | p99 | errors | ÷ " + ratio_to.split(" (")[0] + " |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, _ in targets(facts):
        for c in CLIENTS:
            r = results[name, c]
            lines.append(
                f"| {name} | {c} | {r['rps']:,.0f} | {r['p50']:.1f} ms | {r['p99']:.1f} ms "
                f"| {r['errors']} | {r['rps'] / base[c]:.2f} |"
            )
    return "\n".join(lines)


def freshness(stack: Stack, facts: dict, max_age: int) -> float:
    """Seconds from a publication's commit until the cached agency column shows it."""
    column = f"http://127.0.0.1:{stack.port}/xxgk/agencies/{facts['agency']}/"
    _fetch(column)
    _, headers, page = _fetch(column)
    assert headers.get("X-Cache-Status") in ("HIT", "UPDATING"), headers
    assert NEW_TITLE not in page
    source = stack.workdir / "one.jsonl"
    source.write_text(
        json.dumps({"title": NEW_TITLE, "body": "经审核，现将名单公告如下。"}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    stack.gongkai(
        "import",
        "items",
        str(source),
        "--agency",
        facts["code"],
        "--user",
        "mz_admin",
        "--published",
    )
    published = time.monotonic()
    while time.monotonic() - published < max_age + 30:
        if NEW_TITLE in _fetch(column)[2]:
            return time.monotonic() - published
        time.sleep(0.5)
    raise SystemExit(f"the publication did not show within {max_age + 30} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=5, help="per page and client count")
    parser.add_argument("--port", type=int, default=8778)
    parser.add_argument("--max-age", type=int, default=60)
    args = parser.parse_args()
    for tool in ("nginx", "wrk", "runuser", str(PG_BIN / "initdb")):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is missing: apt-get install nginx-light wrk postgresql-15")
    workdir = Path(tempfile.mkdtemp(prefix="gongkai-portal-bench-"))
    workdir.chmod(0o755)  # the postgres and nobody users reach their folders inside
    stack = Stack(workdir, args.port, args.max_age)
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    try:
        stack.start_postgres()
        facts = load(stack, args.items)
        print(f"published items: {facts['all']:,} ({facts['items']:,} at {AGENCY})", flush=True)
        print("uncached, straight to gunicorn (4 sync workers):", flush=True)
        gunicorn = stack.start_gunicorn(f"127.0.0.1:{args.port}")
        direct = measure(f"http://127.0.0.1:{args.port}", facts, args.seconds)
        stack.stop(gunicorn)
        print("through nginx's portal cache:", flush=True)
        stack.start_gunicorn(f"unix:{stack.socket}")
        stack.start_nginx()
        cached = measure(f"http://127.0.0.1:{args.port}", facts, args.seconds)
        shown = freshness(stack, facts, args.max_age)
        load_average = " ".join(f"{x:.2f}" for x in os.getloadavg())
    except BaseException:
        for process in stack.processes:
            print(f"--- {process.args[0]}: {process.log.read_text()[-1500:]}", file=sys.stderr)
        if (error_log := workdir / "nginx" / "error.log").exists():
            print(f"--- nginx's error log: {error_log.read_text()[-1500:]}", file=sys.stderr)
        raise
    finally:
        stack.stop_all()
        shutil.rmtree(workdir, ignore_errors=True)
    print()
    print(table("Uncached (gunicorn)", direct, facts, "bare 404 view (baseline)"))
    print()
    print(table("Through nginx", cached, facts, "static file (baseline)"))
    print()
    print(
        f"a publication showed on the cached agency column after {shown:.1f} s "
        f"(max-age {args.max_age} s)"
    )
    print(f"load average at the end: {load_average}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
