"""`gongkai tick`: the daily run that e-mails due-soon and overdue reminders (run from cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from gongkai.applications import reminders
from gongkai.applications.services import today


class Command(BaseCommand):
    help = "发送依申请公开即将到期和已超期的提醒邮件（每天运行一次，例如由 cron 调度）"

    def add_arguments(self, parser):
        parser.add_argument(
            "--within",
            type=int,
            default=settings.GONGKAI_REMIND_WITHIN_WORKDAYS,
            help="提醒几个工作日内到期的申请（默认取 GONGKAI_REMIND_WITHIN_WORKDAYS）",
        )

    def handle(self, *args, within: int, **options):
        sent = reminders.send(today(), within)
        self.stdout.write(f"已发送 {sent} 封提醒邮件")
