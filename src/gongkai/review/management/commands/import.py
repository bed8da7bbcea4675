"""`gongkai import items FILE.jsonl --agency CODE [--published] [--map field=name …]`."""

import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from gongkai.agencies.models import Agency
from gongkai.core.actor import acting_as, actor_for_user
from gongkai.review.importer import Importer, Report, open_lines, parse_mapping


class Command(BaseCommand):
    help = "批量导入：从 JSON Lines 文件导入政府信息（格式见 docs/import.md）"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        items = sub.add_parser("items", help="导入政府信息目录条目，每行一个 JSON 对象")
        items.add_argument("file", help="JSONL 文件，可为 .xz/.gz/.bz2 压缩文件")
        items.add_argument("--agency", required=True, help="所属机关的统一社会信用代码")
        items.add_argument("--user", required=True, help="执行导入的工作人员用户名（记入审计日志）")
        items.add_argument(
            "--published",
            action="store_true",
            help="按已在原公开目录公开的信息迁移，直接在门户公开（仅限机关管理员）",
        )
        items.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="字段=文件字段",
            help="字段映射，如 --map publisher=agency --map written_on=date",
        )

    def handle(self, *args, what, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"文件“{path}”不存在")
        agency = Agency.objects.filter(credit_code=options["agency"]).first()
        if agency is None:
            raise CommandError(f"统一社会信用代码为“{options['agency']}”的机关不存在")
        user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
        if user is None:
            raise CommandError(f"用户“{options['user']}”不存在或已停用")
        try:
            mapping = parse_mapping(options["map"])
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        with acting_as(actor_for_user(user)):
            try:
                importer = Importer(
                    user=user, agency=agency, published=options["published"], mapping=mapping
                )
            except PermissionDenied as exc:
                raise CommandError(str(exc)) from None
            try:
                report = importer.run(open_lines(path), progress=self._progress)
            except UnicodeDecodeError:
                raise CommandError("文件不是 UTF-8 编码的文本") from None
        self._finish(report)

    def _progress(self, report: Report) -> None:
        rate = report.processed / report.seconds if report.seconds else 0
        self.stderr.write(f"已处理 {report.processed} 行（{rate:.0f} 条/秒）……")

    def _finish(self, report: Report) -> None:
        for number, message in report.notes[:50]:
            self.stdout.write(f"第 {number} 行：{message}")
        if report.ignored_fields:
            fields = "、".join(sorted(report.ignored_fields))
            self.stdout.write(
                f"以下字段不是可导入的字段，已忽略：{fields}（可用 --map 指定对应关系）"
            )
        for number, message in report.errors:
            self.stderr.write(f"第 {number} 行：{message}")
        self.stdout.write(report.summary())
        if report.errors:
            sys.exit(1)
