"""`gongkai oversight probe|systems|export|import|move`: run the automatic probes and keep the
run, list the indicator systems, write one out as YAML or JSON, read one in for an agency, and
move a round, a remedy or a 通报 through its workflow as a named user."""

import json
from datetime import date
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gongkai.accounts.models import User
from gongkai.agencies.models import Agency
from gongkai.core.actor import Actor, acting_as, actor_for_user
from gongkai.lib.errors import Refused
from gongkai.oversight import services, standing, systems
from gongkai.oversight.models import AssessmentRound, Circular, IndicatorSystem, Remedy
from gongkai.oversight.probes import PROBES
from gongkai.oversight.workflow import CIRCULAR_WORKFLOW, REMEDY_WORKFLOW, ROUND_WORKFLOW

COMMAND_ACTOR = "督查考核（命令行）"
MOVABLE = {
    "round": (AssessmentRound, ROUND_WORKFLOW),
    "remedy": (Remedy, REMEDY_WORKFLOW),
    "circular": (Circular, CIRCULAR_WORKFLOW),
}


def _agency(value: str) -> Agency:
    """An agency by its id or its 统一社会信用代码."""
    found = Agency.objects.filter(credit_code=value).first()
    if found is None and value.isdigit():
        found = Agency.objects.filter(pk=int(value)).first()
    if found is None:
        raise CommandError(f"没有编号或统一社会信用代码为 {value} 的机关")
    return found


class Command(BaseCommand):
    help = "督查考核：自动检测（保留每次结果）、指标体系的列表、导出和导入"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        probe = sub.add_parser("probe", help="对各机关运行全部自动检测并保留结果")
        probe.add_argument("--agency", help="只检测该机关及其下级（编号或统一社会信用代码）")
        probe.add_argument("--json", action="store_true", help="输出 JSON")
        probe.add_argument("--scheduled", action="store_true", help="定时运行（cron）")
        probe.add_argument("--today", help="以该日为检测日（YYYY-MM-DD），默认今天")
        sub.add_parser("systems", help="列出指标体系及其版本")
        export = sub.add_parser("export", help="导出指标体系（YAML，或 --json）")
        export.add_argument("code")
        export.add_argument("--version", type=int, help="版本，默认最新")
        export.add_argument("--json", action="store_true")
        imported = sub.add_parser("import", help="导入指标体系为某机关的草稿")
        imported.add_argument("file")
        imported.add_argument("--owner", required=True, help="制定机关（编号或统一社会信用代码）")
        sub.add_parser("install", help="存入随平台提供而尚未存入的指标体系")
        move = sub.add_parser("move", help="以某用户身份对考核轮次、整改任务或通报执行一项操作")
        move.add_argument("kind", choices=sorted(MOVABLE))
        move.add_argument("id", type=int)
        move.add_argument("transition")
        move.add_argument("--user", required=True, help="执行操作的用户名")
        move.add_argument(
            "--set", action="append", default=[], metavar="字段=值", help="该操作表单的字段"
        )

    def handle(self, *args, verb, **options):
        getattr(self, f"_{verb}")(options)

    def _probe(self, options) -> None:
        agencies = Agency.objects.filter(is_active=True)
        if options.get("agency"):
            agencies = agencies.filter(path__startswith=_agency(options["agency"]).path)
        today = timezone.localdate()
        if options.get("today"):
            try:
                today = date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError("--today 应为 YYYY-MM-DD") from None
        with acting_as(Actor(None, COMMAND_ACTOR)):
            run, outcomes = standing.record_run(
                agencies.order_by("path"),
                today,
                started_by=COMMAND_ACTOR,
                scheduled=options.get("scheduled", False),
            )
        names = dict(agencies.values_list("pk", "name"))
        failing = [
            (pk, name, outcome)
            for name, by_agency in outcomes.items()
            for pk, outcome in by_agency.items()
            if outcome.failed
        ]
        if options.get("json"):
            self.stdout.write(
                json.dumps(
                    {
                        "run": run.pk,
                        "today": today.isoformat(),
                        "agencies": run.agency_count,
                        "findings": [
                            {
                                "agency_id": pk,
                                "agency": names[pk],
                                "probe": name,
                                "label": PROBES[name].label,
                                "count": outcome.count,
                                "summary": outcome.summary,
                                "evidence": outcome.evidence,
                            }
                            for pk, name, outcome in sorted(failing, key=lambda f: (f[0], f[1]))
                        ],
                    },
                    ensure_ascii=False,
                    indent=2,
                )
            )
        elif not options.get("scheduled") or failing:
            for pk, name, outcome in sorted(failing, key=lambda f: (f[0], f[1])):
                self.stdout.write(f"✗ {names[pk]}\t{PROBES[name].label}\t{outcome.summary}")
                for row in outcome.evidence[:5]:
                    self.stdout.write(f"    {row['label']}：{row['detail']}  {row.get('url', '')}")
            self.stderr.write(
                f"第{run.pk}次检测：{run.agency_count}个机关，{len(PROBES)}项检测，"
                f"发现问题{len(failing)}处。"
            )

    def _systems(self, options) -> None:
        for record in IndicatorSystem.objects.select_related("owner").order_by(
            "kind", "code", "version"
        ):
            owner = record.owner.name if record.owner else "随平台提供"
            self.stdout.write(
                f"{record.code}\t第{record.version}版\t{record.get_status_display()}\t"
                f"{record.name}\t{owner}"
            )

    def _export(self, options) -> None:
        records = IndicatorSystem.objects.filter(code=options["code"]).order_by("-version")
        if options.get("version"):
            records = records.filter(version=options["version"])
        record = records.first()
        if record is None:
            raise CommandError(f"没有编号为 {options['code']} 的指标体系")
        text = systems.dump(record.system(), "json" if options["json"] else "yaml")
        self.stdout.write(text, ending="")

    def _import(self, options) -> None:
        owner = _agency(options["owner"])
        try:
            text = Path(options["file"]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"无法读取 {options['file']}：{error}") from None
        with acting_as(Actor(None, COMMAND_ACTOR)):
            try:
                record = services.import_system(text, owner=owner, user=services.COMMAND_LINE)
            except Refused as refused:
                raise CommandError(refused.message) from None
        self.stdout.write(f"已导入为草稿：{record}（{record.code}）")

    def _move(self, options) -> None:
        model, workflow = MOVABLE[options["kind"]]
        record = model.objects.filter(pk=options["id"]).first()
        user = User.objects.filter(username=options["user"], is_active=True).first()
        if record is None or user is None:
            raise CommandError("没有该记录或该用户")
        fields = dict(pair.split("=", 1) for pair in options["set"] if "=" in pair)
        try:
            with acting_as(actor_for_user(user)):
                result = workflow.perform(record, options["transition"], fields, user=user)
        except (Refused, PermissionDenied) as refused:
            raise CommandError(getattr(refused, "message", None) or str(refused)) from None
        self.stdout.write(workflow.message(options["transition"], result))

    def _install(self, options) -> None:
        self.stdout.write(f"新存入 {standing.install_shipped()} 个指标体系。")
