"""Benchmark of the audit trail under concurrent writers: prints writes per second and the p50
and p99 latency of one audited action, with the hash chain as shipped and with auditing
switched off (the ceiling any other way of chaining could approach).

    DATABASE_URL=postgres://user@host:port/db .venv/bin/python bench/audit_writers.py
    .venv/bin/python bench/audit_writers.py            # SQLite, in a temporary file

One action is what a workbench request that edits a record does: in one transaction, create
an internal unit, rename it and record a named transition on it, so three audit rows under one
correlation id. Each writer is a thread with its own database connection.
"""

import argparse
import atexit
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    if "DATABASE_URL" not in os.environ:
        folder = Path(tempfile.mkdtemp(prefix="gongkai-bench-audit-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _agency():
    from gongkai.agencies.models import Agency, AgencyKind, AgencyLevel
    from gongkai.core import uscc

    first17 = f"11539902{int(time.time() * 1000) % 10**8:08d}0"
    return Agency.objects.create(
        name=f"基准测试局{first17[-9:]}",
        kind=AgencyKind.GOVERNMENT,
        level=AgencyLevel.COUNTY,
        credit_code=first17 + uscc.check_character(first17),
        disclosure_office="基准测试办公室",
    )


def _one_action(agency, actor, serial: str) -> None:
    from django.db import transaction

    from gongkai.agencies.models import InternalUnit
    from gongkai.core.actor import acting_as
    from gongkai.core.audit import record_transition

    with acting_as(actor), transaction.atomic():
        unit = InternalUnit.objects.create(agency=agency, name=f"科室{serial}")
        unit.name = f"科室{serial}（改）"
        unit.save()
        record_transition(unit, "suspend", reason="基准测试")


def _writer(agency, actor, index: int, until: float, start, latencies: list[float]) -> None:
    from django.db import connection

    start.wait()
    n = 0
    try:
        while time.perf_counter() < until:
            n += 1
            t0 = time.perf_counter()
            _one_action(agency, actor, f"{index}-{n}-{time.monotonic_ns()}")
            latencies.append(time.perf_counter() - t0)
    finally:
        connection.close()


def run(writers: int, seconds: float, agency, actor) -> dict:
    latencies: list[list[float]] = [[] for _ in range(writers)]
    start = threading.Barrier(writers + 1)
    until = time.perf_counter() + seconds + 0.5
    threads = [
        threading.Thread(target=_writer, args=(agency, actor, i, until, start, latencies[i]))
        for i in range(writers)
    ]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    start.wait()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    every = sorted(x for per_writer in latencies for x in per_writer)
    return {
        "actions": len(every),
        "per_second": len(every) / elapsed,
        "p50_ms": statistics.median(every) * 1000,
        "p99_ms": every[min(len(every) - 1, int(len(every) * 0.99))] * 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    options = parser.parse_args(argv)

    _setup()
    from django.db import connection

    from gongkai.core import audit
    from gongkai.core.actor import Actor

    agency = _agency()
    actor = Actor(None, "基准测试")
    print(
        f"{connection.vendor}, {options.writers} writers, {options.seconds:.0f} s each run; "
        "one action = 3 audited rows in one transaction"
    )
    shipped_append = audit.append
    for label, append in (
        ("hash chain (head row locked to commit)", shipped_append),
        ("auditing off (ceiling)", lambda **kwargs: None),
    ):
        audit.append = append
        try:
            figures = run(options.writers, options.seconds, agency, actor)
        finally:
            audit.append = shipped_append
        print(
            f"{label:40} {figures['per_second']:7.1f} actions/s "
            f"({figures['per_second'] * 3:7.1f} audit rows/s)  "
            f"p50 {figures['p50_ms']:6.1f} ms  p99 {figures['p99_ms']:6.1f} ms  "
            f"[{figures['actions']} actions]"
        )
    result = audit.verify()
    print(f"chain after the runs: {result.message()}")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
