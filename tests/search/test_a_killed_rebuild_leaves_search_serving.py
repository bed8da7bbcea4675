"""A rebuild killed half-way (kill -9) leaves the live index answering, and the next rebuild
removes what it left half-built."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from gongkai.search import services
from gongkai.search.backends import tantivy_generations as generations

from .conftest import doc, search

pytestmark = pytest.mark.django_db

REPOSITORY = Path(__file__).resolve().parents[2]
SOURCE = f"{__name__}.StallingSource"


class StallingSource:
    """Enough documents to fill the writer's first batches, then a stall until killed."""

    def count(self) -> int:
        return 5000

    def documents(self):
        for n in range(2500):
            yield doc(f"关于抗旱工作的第{n}号通知")
        print("half-way", flush=True)
        signal.pause()


def _rebuild_in_another_process(index_dir: Path) -> subprocess.Popen:
    environment = os.environ | {
        "DJANGO_SETTINGS_MODULE": "gongkai.settings.dev",
        "GONGKAI_VAR_DIR": str(index_dir.parent),
        "GONGKAI_SEARCH_INDEX_DIR": str(index_dir),
        "PYTHONPATH": os.pathsep.join([str(REPOSITORY / "src"), str(REPOSITORY)]),
    }
    command = "from gongkai.cli import main; main()"
    return subprocess.Popen(
        [sys.executable, "-c", command, "reindex", "--source", SOURCE],
        env=environment,
        cwd=REPOSITORY,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )


def test_a_killed_rebuild_leaves_the_live_index_serving(indexed, settings):
    indexed(*[doc(f"关于防汛工作的第{n}号通知") for n in range(3)])
    root = Path(settings.GONGKAI_SEARCH_INDEX_DIR)
    rebuild = _rebuild_in_another_process(root)
    try:
        assert rebuild.stdout.readline().strip() == "half-way"
        half_built = [p for p in root.iterdir() if p.name.startswith(generations.PREFIX)]
        assert len(half_built) == 1
        os.kill(rebuild.pid, signal.SIGKILL)
    finally:
        rebuild.kill()
        rebuild.wait(30)
        rebuild.stdout.close()
    assert rebuild.returncode == -signal.SIGKILL
    found = search("防汛")
    assert found.total == 3 and not found.unavailable
    assert services.unavailable() is None

    # The next rebuild clears the remains and swaps its own index in.
    call_command("reindex", "--source", "tests.search.test_reindex.ListSource")
    assert half_built[0].exists() is False
    assert [p.name for p in root.iterdir() if p.name.startswith(generations.PREFIX)] == [
        generations.live(root).name
    ]
    assert search("防汛").total == 2
