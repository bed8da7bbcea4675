"""`gongkai demo load [--if-empty]`: load the demo county and print its logins."""

from django.core.management.base import BaseCommand, CommandError

from gongkai.agencies.models import Agency
from gongkai.core.actor import Actor, acting_as
from gongkai.demo import data


class Command(BaseCommand):
    help = "载入演示数据（某某县及其部门、乡镇和各角色人员）"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        load = sub.add_parser("load", help="载入演示数据")
        load.add_argument("--if-empty", action="store_true", help="数据库已有机关时什么也不做")
        sub.add_parser("logins", help="列出演示账号")

    def handle(self, *args, verb, **options):
        if verb == "load":
            if Agency.objects.exists():
                if options["if_empty"]:
                    self.stdout.write("数据库已有数据，保留现有数据，未载入演示数据。")
                    self._print_logins()
                    return
                raise CommandError("数据库已有机关数据，演示数据只能载入空数据库")
            with acting_as(Actor(None, "演示数据载入")):
                data.load()
            self.stdout.write(self.style.SUCCESS("已载入演示数据。"))
        self._print_logins()

    def _print_logins(self):
        self.stdout.write(f"演示账号（密码均为 {data.DEMO_PASSWORD}）：")
        for login in data.LOGINS:
            self.stdout.write(
                f"  {login.username:<18} {login.full_name:<6} {login.agency} · {login.role_labels}"
            )
