"""`gongkai integrity scan [--base-url URL] [--json] [--scheduled]`: catch defaced published
pages; every run is kept for the workbench's 发布内容完整性 page."""

import json

from django.core.management.base import BaseCommand

from gongkai.catalog import integrity_runs


class Command(BaseCommand):
    help = "逐一访问门户上已发布的政府信息页面，与审查通过的版本比对，并检查植入内容"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        run = sub.add_parser("scan", help="扫描已发布页面")
        run.add_argument(
            "--base-url", default="http://127.0.0.1:8000", help="门户地址，默认本机 8000 端口"
        )
        run.add_argument("--json", action="store_true", help="每个页面输出一行 JSON")
        run.add_argument(
            "--scheduled",
            action="store_true",
            help="由 cron 定时运行：记为定时扫描；全部正常时不输出任何内容",
        )

    def handle(self, *args, verb, base_url, scheduled, **options):
        done = integrity_runs.run(base_url, scheduled=scheduled)
        for report in done.reports:
            if options["json"]:
                self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
            elif not report.ok:
                self.stdout.write(f"✗ {report.index_no} {report.url}")
                for problem in report.problems:
                    self.stdout.write(f"    {problem}")
        if done.failed or not scheduled:
            self.stderr.write(
                f"已扫描 {len(done.reports)} 个页面，发现问题 {len(done.failed)} 个。"
            )
        if done.failed:
            raise SystemExit(1)
