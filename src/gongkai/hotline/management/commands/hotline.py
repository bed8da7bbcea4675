"""`gongkai hotline import FILE --agency ID [--map field=列名 …] [--user NAME]`,
`gongkai hotline export BATCH [-o FILE]`, `gongkai hotline calls FILE --agency ID` and
`gongkai hotline stats [--year Y] [--month M] [--agency ID] [--json]`: the city platform's work
orders in and the results back in the same format; the own line's call records in; the figures."""

import json
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gongkai.agencies.access import PLATFORM_ORDER_IMPORT
from gongkai.agencies.models import Agency
from gongkai.core.actor import Actor, acting_as, actor_for_user
from gongkai.hotline import exporter, statistics
from gongkai.hotline.calls import CALL_COLUMNS, CALL_LABELS, CallImporter
from gongkai.hotline.importer import Importer, parse_mapping
from gongkai.hotline.models import Call, ImportBatch, WorkOrder
from gongkai.hotline.platform_files import FileRefused
from gongkai.lib.errors import Refused


def find_agency(value: str) -> Agency:
    """An agency by its id or its 统一社会信用代码."""
    found = Agency.objects.filter(credit_code=value).first()
    if found is None and value.isdigit() and len(value) < 10:
        found = Agency.objects.filter(pk=int(value)).first()
    if found is None:
        raise CommandError(f"没有编号或统一社会信用代码为“{value}”的机关")
    return found


class Command(BaseCommand):
    help = "12345热线：导入平台导出的工单文件（CSV、XLSX、JSON），按原格式导出办理结果"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        imp = sub.add_parser("import", help="导入平台导出的工单文件，按工单编号去重")
        imp.add_argument("file", help="CSV、XLSX 或 JSON 文件")
        imp.add_argument("--agency", required=True, help="承办机关的编号或统一社会信用代码")
        imp.add_argument("--user", help="执行导入的工作人员用户名（记入审计日志）；不填为系统导入")
        imp.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="字段=列名",
            help="列名对应，如 --map number=工单号 --map reply_text=回复内容",
        )
        calls = sub.add_parser("calls", help="导入话务系统导出的来电记录，按呼叫流水号去重")
        calls.add_argument("file", help="CSV、XLSX 或 JSON 文件")
        calls.add_argument("--agency", required=True, help="机关的编号或统一社会信用代码")
        calls.add_argument("--user", help="执行导入的工作人员用户名；不填为系统导入")
        calls.add_argument("--map", action="append", default=[], metavar="字段=列名")
        stats = sub.add_parser("stats", help="话务和工单统计：按机关、科室和期间")
        stats.add_argument("--year", type=int, help="统计年度，默认今年")
        stats.add_argument("--month", type=int, help="只统计该月")
        stats.add_argument("--agency", help="只看该机关及其下级（编号或统一社会信用代码）")
        stats.add_argument("--json", action="store_true", help="输出 JSON")
        exp = sub.add_parser("export", help="按平台文件原格式导出一个导入批次的办理结果")
        exp.add_argument("batch", type=int, help="导入批次编号（导入时显示）")
        exp.add_argument("-o", "--output", help="写入的文件，默认写到标准输出")

    def handle(self, *args, verb, **options):
        getattr(self, f"_{verb}")(options)

    def _import(self, options) -> None:
        self._run_import(options, Importer, None, None)

    def _calls(self, options) -> None:
        self._run_import(options, CallImporter, set(CALL_COLUMNS), CALL_LABELS)

    def _run_import(self, options, importer_class, known, labels) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"文件“{path}”不存在")
        agency = find_agency(options["agency"])
        # Without --user the file is the platform's own delivery, granted taking orders in only.
        user, actor = PLATFORM_ORDER_IMPORT, Actor(None, PLATFORM_ORDER_IMPORT.label)
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"], is_active=True).first()
            if user is None:
                raise CommandError(f"用户“{options['user']}”不存在或已停用")
            actor = actor_for_user(user)
        try:
            mapping = parse_mapping(options["map"], known, labels)
        except ValueError as error:
            raise CommandError(str(error)) from None
        with acting_as(actor):
            try:
                report = importer_class(user=user, agency=agency, mapping=mapping).run(
                    path.read_bytes(), path.name
                )
            except PermissionDenied as error:
                raise CommandError(str(error)) from None
            except (FileRefused, Refused) as error:
                raise CommandError(str(error)) from None
        for line in report.error_lines():
            self.stderr.write(line)
        self.stdout.write(report.summary())
        if report.batch is not None:
            self.stdout.write(
                f"导入批次 {report.batch.pk}；办理结果可用 gongkai hotline export "
                f"{report.batch.pk} 按原格式导出"
            )
        if report.errors:
            sys.exit(1)

    def _export(self, options) -> None:
        batch = ImportBatch.objects.filter(pk=options["batch"]).first()
        if batch is None:
            raise CommandError(f"没有编号为 {options['batch']} 的导入批次")
        export = exporter.export_batch(batch)
        if options["output"]:
            Path(options["output"]).write_bytes(export.data)
            self.stderr.write(f"已写入 {options['output']}（{batch.orders.count()} 件工单）")
        else:
            sys.stdout.buffer.write(export.data)

    def _stats(self, options) -> None:
        params = {"year": str(options["year"] or ""), "month": str(options["month"] or "")}
        start, end, _, _ = statistics.period_of(params, timezone.localdate())
        calls, orders = Call.objects.all(), WorkOrder.objects.all()
        if options["agency"]:
            path = find_agency(options["agency"]).path
            calls = calls.filter(agency__path__startswith=path)
            orders = orders.filter(agency__path__startswith=path)
        call_rows = statistics.call_statistics(calls, start, end)
        order_rows = statistics.order_statistics(orders, start, end)
        data = {
            "start": start.isoformat(),
            "end": end.isoformat(),
            "calls": [
                {"agency": a.name, "unit": u.name if u else None, **row.as_dict()}
                for (a, u), row in call_rows.items()
            ],
            "calls_total": statistics.total(call_rows, statistics.CallCounters()).as_dict(),
            "orders": [
                {"agency": a.name, "unit": u.name if u else None, **row.as_dict()}
                for (a, u), row in order_rows.items()
            ],
            "orders_total": statistics.total(order_rows, statistics.OrderCounters()).as_dict(),
        }
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{data['start']} 至 {data['end']}")
        for row in [*data["calls"], {"agency": "合计", "unit": None, **data["calls_total"]}]:
            where = row["agency"] + (f" · {row['unit']}" if row["unit"] else "")
            self.stdout.write(
                f"话务\t{where}\t来电 {row['calls']}\t接通 {row['answered']}"
                f"（{_pct(row['connection_rate'])}）\t15秒接通 {_pct(row['within_15s_rate'])}"
                f"\t转接成功 {_pct(row['transfer_success_rate'])}"
                f"\t平均通话 {row['average_handling_seconds'] or '—'} 秒"
                f"\t满意 {_pct(row['satisfaction_rate'])}"
            )
        for row in [*data["orders"], {"agency": "合计", "unit": None, **data["orders_total"]}]:
            where = row["agency"] + (f" · {row['unit']}" if row["unit"] else "")
            self.stdout.write(
                f"工单\t{where}\t收到 {row['received']}\t答复 {row['answered']}"
                f"\t按期 {_pct(row['on_time_rate'])}\t退单 {row['returned']}"
                f"\t并单 {row['merged']}\t回访满意 {_pct(row['satisfaction_rate'])}"
            )


def _pct(rate) -> str:
    return "—" if rate is None else f"{rate}%"
