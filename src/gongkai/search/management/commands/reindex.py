"""`gongkai reindex`: rebuild the search index from scratch, with a progress bar.

The new index is built beside the live one, which keeps answering until it is swapped in.
`--derive-words` first derives the frequent-word list (see `gongkai.search.words`) from the
documents about to be indexed and writes it to GONGKAI_SEARCH_DATA_DIR. `--if-unavailable`
rebuilds only an index that cannot answer, as one left by an older version is after an
upgrade, or that holds fewer documents than the database says it should: `make run` and a
deployment run it at every start. `--check` only says which (exit status 1), for monitoring.
"""

import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.module_loading import import_string

from gongkai.search import services, words
from gongkai.search.corpus import CorpusSource
from gongkai.search.documents import configured_source


class Progress:
    """A one-line progress bar on standard error: count, share, rate, time left."""

    WIDTH = 30

    def __init__(self, total: int, stream=None) -> None:
        # Standard error as it is now, not as it was when this module was first imported.
        self.total, self.done, self.stream = total, 0, stream or sys.stderr
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
    help = "在现有索引旁重建检索索引，建成后切换（期间检索照常）；补写期间登记的变更。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--source",
            help="文档来源类（点分路径），默认取 GONGKAI_SEARCH_SOURCE 设置",
        )
        parser.add_argument(
            "--corpus", action="store_true", help="用共享语料库（GONGKAI_CORPUS_PATH）建索引"
        )
        parser.add_argument(
            "--if-unavailable",
            action="store_true",
            help="只在现有索引无法使用时重建（如升级后索引结构与本版本不符）",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="只检查索引：能否使用、文档数是否少于数据库应有的数量（有问题时退出码为 1）",
        )
        parser.add_argument(
            "--derive-words",
            action="store_true",
            help="先由文档来源生成高频词表，写入 GONGKAI_SEARCH_DATA_DIR，再重建",
        )

    def handle(self, *args, **options) -> None:
        if options["corpus"]:
            source = CorpusSource()
        elif options["source"]:
            source = import_string(options["source"])()
        else:
            source = configured_source()
        if options["check"] or options["if_unavailable"]:
            reason = services.unavailable() or services.shortfall(source)
            if options["check"]:
                if reason is None:
                    self.stdout.write("检索索引可用，文档数与数据库一致")
                    return
                raise CommandError(reason, returncode=1)
            if reason is None:
                self.stdout.write("检索索引可用，无需重建")
                return
            self.stdout.write(f"检索索引无法使用，现在重建。原因：{reason}")
        if options["derive_words"]:
            self._derive_words(source)
        progress = Progress(source.count())
        started = time.perf_counter()
        total = services.reindex(source, progress=progress)
        self.stderr.write("")
        self.stdout.write(f"已重建索引：{total} 条，用时 {time.perf_counter() - started:.1f} 秒")

    def _derive_words(self, source) -> None:
        if not settings.GONGKAI_SEARCH_DATA_DIR:
            raise CommandError("请先设置 GONGKAI_SEARCH_DATA_DIR：高频词表写在该目录下")
        path = Path(settings.GONGKAI_SEARCH_DATA_DIR) / words.FILE_NAME
        found = words.derive(words.sample_texts(source.documents(), source.count()))
        words.WordFinder(found).save(path)
        self.stdout.write(f"已生成高频词表：{len(found)} 个词，写入 {path}")
