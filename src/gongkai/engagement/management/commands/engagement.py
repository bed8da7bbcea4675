"""`gongkai engagement overdue|veto|stats|open311 [--json]`: the messages past their limit, the
inspection's veto rule per agency, the counters per agency and channel, and the Open311 export."""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gongkai.agencies.models import Agency
from gongkai.engagement import open311, oversight
from gongkai.engagement.models import ChannelKind, Consultation, Message


class Command(BaseCommand):
    help = "政民互动：超期留言、三个月未答复的咨询（单项否决）、办理统计和 Open311 格式导出"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        for name, text in (
            ("overdue", "列出超过答复期限仍未答复的留言"),
            ("veto", "按机关列出收到超过三个月仍未答复的有效咨询（网站检查单项否决）"),
            (
                "stats",
                "按机关和渠道统计收到、答复、按时答复、平均答复工作日和公开答复数，"
                "按机关统计意见征集期数、意见数和结果公布期数",
            ),
            ("open311", "按 Open311 GeoReport v2 格式导出留言（JSON）"),
        ):
            verb = sub.add_parser(name, help=text)
            verb.add_argument("--agency", help="只看该机关及其下级（统一社会信用代码）")
            verb.add_argument("--json", action="store_true", help="输出 JSON")
            if name == "stats":
                verb.add_argument("--year", type=int, help="统计年度，默认今年")

    def handle(self, *args, verb, agency=None, **options):
        today = timezone.localdate()
        messages = Message.objects.all()
        consultations = Consultation.objects.all()
        if agency:
            found = Agency.objects.filter(credit_code=agency).first()
            if found is None:
                raise CommandError(f"没有统一社会信用代码为 {agency} 的机关")
            messages = messages.filter(agency__path__startswith=found.path)
            consultations = consultations.filter(agency__path__startswith=found.path)
        options["consultations"] = consultations
        getattr(self, f"_{verb}")(messages, today, options)

    def _out(self, data) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))

    def _overdue(self, messages, today: date, options) -> None:
        rows = oversight.overdue(messages, today)
        if options["json"]:
            self._out([open311.request(message, today) for message in rows])
            return
        for message in rows:
            self.stdout.write(
                f"{message.agency.name}\t{message.get_kind_display()}\t{message.subject}\t"
                f"期限 {message.due_on:%Y-%m-%d}"
            )
        self.stderr.write(f"超过答复期限的留言 {len(rows)} 件。")

    def _veto(self, messages, today: date, options) -> None:
        found = oversight.veto(messages, today)
        if options["json"]:
            self._out(
                [
                    {
                        "agency": agency.name,
                        "agency_code": agency.credit_code,
                        "messages": [open311.request(m, today) for m in rows],
                    }
                    for agency, rows in found.items()
                ]
            )
        else:
            for agency, rows in found.items():
                self.stdout.write(f"✗ {agency.name}：{len(rows)} 件咨询收到超过三个月仍未答复")
                for message in rows:
                    self.stdout.write(f"    {message.received_on:%Y-%m-%d} {message.subject}")
        if found:
            raise SystemExit(1)

    def _stats(self, messages, today: date, options) -> None:
        year = options.get("year") or today.year
        counters = oversight.statistics(messages, date(year, 1, 1), date(year, 12, 31))
        rows = [
            {"agency": agency.name, "channel": str(ChannelKind(kind).label), **row.as_dict()}
            for (agency, kind), row in counters.items()
        ]
        by_agency = oversight.consultation_statistics(
            options["consultations"], date(year, 1, 1), date(year, 12, 31)
        )
        consultations = [{"agency": a.name, **row.as_dict()} for a, row in by_agency.items()]
        if options["json"]:
            self._out({"year": year, "rows": rows, "consultations": consultations})
            return
        for row in rows:
            self.stdout.write(
                f"{row['agency']}\t{row['channel']}\t收到 {row['received']}\t答复 {row['answered']}"
                f"\t按时 {row['on_time']}\t平均 {row['average_workdays_to_reply'] or '—'} 个工作日"
                f"\t公开 {row['published']}"
            )
        for row in consultations:
            self.stdout.write(
                f"{row['agency']}\t意见征集 {row['consultations']} 期\t意见 {row['comments']} 条"
                f"\t公布采纳情况 {row['results_published']} 期"
            )

    def _open311(self, messages, today: date, options) -> None:
        rows = messages.exclude(status="held").select_related("agency", "channel")
        self._out([open311.request(message, today) for message in rows.order_by("id")])
