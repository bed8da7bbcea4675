"""`gongkai report audit FILE... [--json]`: read published annual reports and check their tables."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.reports.audit import audit_files, collect_files, render_report, render_summary


class Command(BaseCommand):
    help = "政府信息公开工作年度报告工具"
    # Auditing files needs neither the database nor the other apps' checks.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        verbs = parser.add_subparsers(dest="verb", required=True)
        audit = verbs.add_parser(
            "audit", help="读取已发布的年度报告（HTML、文本、DOCX、PDF），列出数字和不一致之处"
        )
        audit.add_argument("paths", nargs="+", type=Path, help="报告文件或文件夹")
        audit.add_argument("--json", action="store_true", dest="as_json", help="以 JSON 输出")

    def handle(self, *args, verb, paths, as_json=False, **options):
        files = collect_files(paths)
        if not files:
            raise CommandError("没有找到可审核的报告文件（支持 HTML、TXT、DOCX、PDF）")
        entries = audit_files(files)
        single = len(files) == 1 and not paths[0].is_dir()
        if single and entries[0].report is None:
            raise CommandError(f"{files[0]}：{entries[0].error}")
        if as_json:
            self._write_json(entries, single)
        elif single:
            self.stdout.write(render_report(entries[0].report))
        else:
            self.stdout.write(render_summary(entries))

    def _write_json(self, entries, single: bool) -> None:
        data = entries[0].report.as_json() if single else [entry.as_json() for entry in entries]
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
