"""`gongkai report audit FILE... [--json]` reads published annual reports and checks their tables;
`gongkai report import FILE --agency CODE --year YYYY` loads one into an agency's history."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.core.actor import Actor, acting_as
from gongkai.lib.errors import Refused
from gongkai.reports.audit import audit_files, collect_files, render_report, render_summary
from gongkai.reports.services import import_published


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
        load = verbs.add_parser("import", help="把已发布的年度报告导入本机关的历年报告")
        load.add_argument("file", type=Path, help="报告文件（HTML、DOCX、PDF 或文本）")
        load.add_argument("--agency", required=True, help="机关的统一社会信用代码")
        load.add_argument("--year", required=True, type=int, help="报告年度")

    def handle(self, *args, verb, **options):
        if verb == "import":
            self._import(options["file"], options["agency"], options["year"])
            return
        self._audit(options["paths"], options.get("as_json", False))

    def _import(self, file: Path, code: str, year: int) -> None:
        if not file.is_file():
            raise CommandError(f"文件不存在：{file}")
        agency = Agency.objects.filter(credit_code=code.strip().upper()).first()
        if agency is None:
            raise CommandError(f"没有统一社会信用代码为 {code} 的机关")
        try:
            with acting_as(Actor(None, "命令行导入（gongkai report import）")):
                report = import_published(agency, year, file, user=access.PAST_REPORT_IMPORT)
        except Refused as error:
            raise CommandError(error.message) from error
        failing = len(report.inconsistencies)
        self.stdout.write(
            f"已导入{report}（{report.format_code}年格式），"
            + (f"{failing} 项不一致已随报告保存" if failing else "勾稽关系全部成立")
        )

    def _audit(self, paths, as_json: bool) -> None:
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
