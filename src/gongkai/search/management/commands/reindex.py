"""`gongkai reindex`: rebuild the search index from scratch, with a progress bar."""

import sys
import time

from django.core.management.base import BaseCommand, CommandParser
from django.utils.module_loading import import_string

from gongkai.search import services
from gongkai.search.corpus import CorpusSource
from gongkai.search.documents import configured_source


class Progress:
    """A one-line progress bar on standard error: count, share, rate, time left."""

    WIDTH = 30

    def __init__(self, total: int, stream=sys.stderr) -> None:
        self.total, self.done, self.stream = total, 0, stream
        self.started = time.perf_counter()

    def __call__(self, step: int) -> None:
        self.done += step
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rate = self.done / elapsed
        share = self.done / self.total if self.total else 1.0
        filled = int(self.WIDTH * min(share, 1.0))
        left = (self.total - self.done) / rate if rate and self.total else 0
        bar = "█" * filled + "░" * (self.WIDTH - filled)
        self.stream.write(
            f"\r{bar} {self.done}/{self.total} {share:6.1%} {rate:,.0f} 条/秒 剩余 {left:,.0f} 秒"
        )
        self.stream.flush()


class Command(BaseCommand):
    # Searching and indexing need the database and the index, not the URL configuration.
    requires_system_checks: list[str] = []
    help = "清空并重建检索索引；完成后补写期间登记的变更。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--source",
            help="文档来源类（点分路径），默认取 GONGKAI_SEARCH_SOURCE 设置",
        )
        parser.add_argument(
            "--corpus", action="store_true", help="用共享语料库（GONGKAI_CORPUS_PATH）建索引"
        )

    def handle(self, *args, **options) -> None:
        if options["corpus"]:
            source = CorpusSource()
        elif options["source"]:
            source = import_string(options["source"])()
        else:
            source = configured_source()
        progress = Progress(source.count())
        started = time.perf_counter()
        total = services.reindex(source, progress=progress)
        self.stderr.write("")
        self.stdout.write(f"已重建索引：{total} 条，用时 {time.perf_counter() - started:.1f} 秒")
