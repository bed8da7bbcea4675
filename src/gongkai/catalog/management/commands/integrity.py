"""`gongkai integrity scan [--base-url URL] [--json]`: catch defaced published pages."""

import json

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from gongkai.agencies.models import Role
from gongkai.catalog.models import InfoItem
from gongkai.checks.integrity import PageReport, scan
from gongkai.core.actor import Actor, acting_as
from gongkai.core.audit import record_transition


class Command(BaseCommand):
    help = "逐一访问门户上已发布的政府信息页面，与审查通过的版本比对，并检查植入内容"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        run = sub.add_parser("scan", help="扫描已发布页面")
        run.add_argument(
            "--base-url", default="http://127.0.0.1:8000", help="门户地址，默认本机 8000 端口"
        )
        run.add_argument("--json", action="store_true", help="每个页面输出一行 JSON")

    def handle(self, *args, verb, base_url, **options):
        items = InfoItem.objects.public().select_related("published_version", "agency")
        with acting_as(Actor(None, "发布内容完整性扫描")):
            reports = scan(items.order_by("pk"), base_url)
            failed = [r for r in reports if not r.ok]
            for report in failed:
                self._alert(items.get(pk=report.item_id), report)
        for report in reports:
            if options["json"]:
                self.stdout.write(_json(report.as_dict()))
            elif not report.ok:
                self.stdout.write(f"✗ {report.index_no} {report.url}")
                for problem in report.problems:
                    self.stdout.write(f"    {problem}")
        self.stderr.write(f"已扫描 {len(reports)} 个页面，发现问题 {len(failed)} 个。")
        if failed:
            raise SystemExit(1)

    def _alert(self, item, report: PageReport) -> None:
        """Record the finding on the item and tell its agency's admins at once."""
        record_transition(item, "integrity_alert", url=report.url, problems=report.problems)
        admins = (
            get_user_model()
            .objects.filter(
                memberships__agency=item.agency,
                memberships__role=Role.AGENCY_ADMIN,
                is_active=True,
            )
            .exclude(email="")
        )
        recipients = sorted({user.email for user in admins})
        if recipients:
            send_mail(
                f"【发布内容告警】{item.index_no} 页面与审查版本不一致",
                "\n".join([report.url, *report.problems]),
                None,
                recipients,
            )


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)
