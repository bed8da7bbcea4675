"""`gongkai catalog publish-scheduled`: publish approved items whose scheduled time has come
(run it every few minutes from a timer)."""

from django.core.management.base import BaseCommand

from gongkai.core.actor import Actor, acting_as
from gongkai.review.services import publish_scheduled


class Command(BaseCommand):
    help = "政府信息目录：发布到达定时发布时间的信息"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("publish-scheduled", help="发布已审查通过且到达定时发布时间的信息")

    def handle(self, *args, verb, **options):
        with acting_as(Actor(None, "定时发布（gongkai catalog publish-scheduled）")):
            published = publish_scheduled()
        for item in published:
            self.stdout.write(f"已公开：{item.index_no} {item.published_version.title}")
        self.stdout.write(f"共公开 {len(published)} 条。")
