"""`gongkai audit verify`: walk the hash chain and report "ok" or the first broken row."""

from django.core.management.base import BaseCommand, CommandError

from gongkai.core.audit import verify


class Command(BaseCommand):
    help = "审计日志工具"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("verify", help="核验审计日志哈希链是否完整")

    def handle(self, *args, verb, **options):
        result = verify()
        if result.ok:
            self.stdout.write("ok")
            self.stderr.write(result.message())
            return
        raise CommandError(result.message())
