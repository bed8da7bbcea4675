"""`make run` serves with DEBUG off: a mistyped address gets the project's Chinese 404 page, never
Django's English debug page with the URL list."""

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "gongkai").exists(), reason="make install first")
def test_a_mistyped_address_gets_the_chinese_404_page(tmp_path):
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DEBUG", "DATABASE_URL")
    }
    env |= {"GONGKAI_VAR_DIR": str(tmp_path), "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        ["make", "--no-print-directory", "run", f"PORT={port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 240
        while True:
            try:
                status, page = _get(f"http://127.0.0.1:{port}/no-such-page/")
                break
            except (ConnectionError, urllib.error.URLError):
                assert server.poll() is None, server.stdout.read().decode()
                assert time.monotonic() < deadline, "the server did not come up"
                time.sleep(1)
        assert status == 404
        assert "页面不存在" in page
        assert "URLconf" not in page and "DEBUG = True" not in page
        status, home = _get(f"http://127.0.0.1:{port}/")
        assert status == 200
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home).group(1)
        assert _get(f"http://127.0.0.1:{port}{stylesheet}")[0] == 200
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
