"""`gongkai tick`: the daily run that e-mails each staff user their inbox digest (from cron)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from gongkai.workbench import digest


class Command(BaseCommand):
    help = (
        "给每位有待办事项的工作人员发送当天的待办提醒邮件"
        "（每天运行，例如由 cron 调度；同一天重复运行不会重复发送）"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=None,
            help="邮件中链接的工作台地址（默认取 GONGKAI_BASE_URL）",
        )

    def handle(self, *args, base_url: str | None, **options):
        sent = digest.send(timezone.localdate(), base_url)
        self.stdout.write(f"已发送 {sent} 封待办提醒邮件")
