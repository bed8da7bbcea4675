"""Re-runs two of the outside audit's figures (issue 加固): a DOCX bomb refused, and identical
application posts arriving at once.

    DATABASE_URL=postgres://user@host:port/db .venv/bin/python bench/hardening.py
    .venv/bin/python bench/hardening.py            # SQLite, in a temporary file

1. The bomb: a DOCX of about 1 MB whose image member inflates to 1 GB, given to the attachment
   check and to the on-line check's text extraction; prints the time to refusal and the peak
   memory allocated meanwhile (tracemalloc).
2. Double submission: 40 pairs of identical public application posts, the two of each pair
   sent at once from two threads with their own database connections; prints the server errors
   and how many cases each pair registered (1 is right).
"""

import argparse
import atexit
import os
import shutil
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings.test")
    if "DATABASE_URL" not in os.environ:
        folder = Path(tempfile.mkdtemp(prefix="gongkai-bench-hardening-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def bomb() -> None:
    from tests.catalog.bombs import docx_bomb

    from gongkai.catalog.attachments import AttachmentError, prepare
    from gongkai.checks.extract import ExtractionError, extract_bytes

    data = docx_bomb(1024)
    print(f"bomb: {len(data) / 1048576:.1f} MB inflating to 1024 MB")
    for label, call, refusal in (
        ("attachment", lambda: prepare(data), AttachmentError),
        ("on-line check", lambda: extract_bytes(data, ".docx"), ExtractionError),
    ):
        tracemalloc.start()
        started = time.perf_counter()
        try:
            call()
            outcome = "ACCEPTED"
        except refusal as error:
            outcome = f"refused: {error}"
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / 1048576
        tracemalloc.stop()
        print(f"  {label}: {seconds * 1000:.1f} ms, peak {peak:.1f} MB, {outcome}")


def double_submission(pairs: int) -> None:
    from django.db import connection
    from django.test import Client

    from gongkai.agencies.models import Agency
    from gongkai.applications.models import Application
    from gongkai.core import uscc

    first17 = f"11539903{int(time.time() * 1000) % 10**8:08d}0"
    agency = Agency.objects.create(
        name=f"重复提交基准局{first17[-6:]}",
        kind="government",
        level="county",
        credit_code=first17 + uscc.check_character(first17),
        disclosure_office="基准测试办公室",
    )
    # Django's test client re-raises a server error in every thread waiting on a response at
    # that moment (its signal receiver is global), so errors are counted by pair.
    errors, codes = [], []

    def post(token: str, address: str, barrier: threading.Barrier) -> None:
        client = Client(REMOTE_ADDR=address, HTTP_HOST="localhost")
        form = {
            "agency": agency.pk,
            "submission_token": token,
            "applicant_category": "natural_person",
            "applicant_name": "李四",
            "id_type": "resident_id",
            "id_number": "11010519491231002X",
            "phone": "13900139000",
            "description": "某某文件",
            "provision_form": "electronic",
            "delivery_method": "online",
        }
        try:
            barrier.wait()
            codes.append(client.post("/apply/", form).status_code)
        except Exception as error:  # a server error is what is counted
            errors.append((token, type(error).__name__))
        finally:
            connection.close()

    started = time.perf_counter()
    for pair in range(pairs):
        token = f"bench-{first17}-{pair}"
        barrier = threading.Barrier(2)
        address = f"192.0.2.{pair % 250 + 1}"
        threads = [threading.Thread(target=post, args=(token, address, barrier)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    seconds = time.perf_counter() - started
    counts = [
        Application.objects.filter(submission_token=f"bench-{first17}-{pair}").count()
        for pair in range(pairs)
    ]
    print(
        f"double submission on {connection.vendor}: {pairs} pairs in {seconds:.1f} s, "
        f"{len({token for token, _ in errors})} pairs with a server error "
        f"{sorted({name for _, name in errors})}, {len(codes)} answers {sorted(set(codes))}, "
        f"cases per pair {sorted(set(counts))}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=40)
    arguments = parser.parse_args()
    _setup()
    from django.test.utils import override_settings

    bomb()
    with override_settings(GONGKAI_PUBLIC_SUBMISSIONS_PER_HOUR=10**6):
        double_submission(arguments.pairs)


if __name__ == "__main__":
    main()
