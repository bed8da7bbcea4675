"""`gongkai search QUERY [--json]` prints ranked results; `gongkai search sync` feeds the index.

`sync` replays the change queue into the index once, or keeps doing so with `--watch` (the
worker to run beside the web server when changes are not indexed inline, and after a crash).
To search for the word "sync" itself, pass it with `--query sync`.
"""

import json
import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.search import services
from gongkai.search.api import page_data
from gongkai.search.forms import SearchForm


class Command(BaseCommand):
    # Searching and indexing need the database and the index, not the URL configuration.
    requires_system_checks: list[str] = []
    help = "检索已公开的政府信息并按相关度列出结果；`gongkai search sync` 把待处理的变更写入索引。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("words", nargs="*", metavar="QUERY", help="检索词，语法同门户检索框")
        parser.add_argument("--query", default=None, help="检索词（可检索 sync 等字样）")
        parser.add_argument("--json", action="store_true", help="输出 JSON")
        parser.add_argument("--agency", help="机关 id（含下级机关）")
        parser.add_argument("--topic")
        parser.add_argument("--genre")
        parser.add_argument("--year")
        parser.add_argument("--validity")
        parser.add_argument("--kind", help="类型：item、report、guide")
        parser.add_argument("--sort", choices=list(services.SORTS), default="relevance")
        parser.add_argument("--page", default="1")
        parser.add_argument("--limit", default=str(services.PAGE_SIZE), help="每页条数")
        parser.add_argument("--watch", action="store_true", help="sync：持续运行")
        parser.add_argument("--interval", type=float, default=2.0, help="sync --watch 的间隔秒数")

    def handle(self, *args, **options) -> None:
        if options["query"] is None and options["words"] == ["sync"]:
            self._sync(options["watch"], options["interval"])
            return
        q = options["query"] if options["query"] is not None else " ".join(options["words"])
        params = {"q": q, "sort": options["sort"], "page": options["page"]}
        params["page_size"] = options["limit"]
        for name in ("agency", "topic", "genre", "year", "validity", "kind"):
            if options[name]:
                params[name] = options[name]
        request, notices = SearchForm(params).search_request()
        page = services.search(request, with_facets=options["json"])
        if page.unavailable:
            raise CommandError(page.unavailable)
        data = page_data(page, notices)
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        for notice in data["notices"]:
            self.stderr.write(notice)
        if data["suggestion"]:
            self.stdout.write(f"您是不是要找：{data['suggestion']}")
        about = "约 " if data["total_approximate"] else ""
        partial = "（部分匹配）" if data["relaxed"] else ""
        self.stdout.write(
            f"共 {about}{data['total']} 条{partial}，第 {data['page']}/{data['num_pages']} 页"
        )
        first = (page.page - 1) * request.page_size + 1
        for number, result in enumerate(data["results"], start=first):
            kind = result["kind_label"] if result["kind"] != "item" else ""
            meta = " · ".join(
                v for v in (kind, result["agency_name"], result["doc_number"], result["date"]) if v
            )
            self.stdout.write(f"{number:>3}. {result['title']}  [{result['score']}]")
            self.stdout.write(f"     {meta}  {result['index_number']}".rstrip())

    def _sync(self, watch: bool, interval: float) -> None:
        while True:
            applied = services.sync()
            if applied or not watch:
                self.stdout.write(f"已写入索引 {applied} 条变更，待处理 {services.pending()} 条")
            if not watch:
                return
            time.sleep(interval)
