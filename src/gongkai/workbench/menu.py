"""The workbench menu: an entry shows only where the user's grant for its action is not empty."""

from dataclasses import dataclass

from django.urls import reverse

from gongkai.agencies import access


@dataclass(frozen=True)
class MenuEntry:
    label: str
    url_name: str
    action: str

    @property
    def url(self) -> str:
        return reverse(self.url_name)


MENU = (
    MenuEntry("工作台首页", "workbench:home", "workbench.use"),
    MenuEntry("机关信息", "workbench:agency_list", "agency.view"),
    MenuEntry("人员与角色", "workbench:staff_list", "staff.view"),
    MenuEntry("审计日志", "workbench:audit_log", "audit.view"),
)


def menu_for(user) -> list[MenuEntry]:
    return [entry for entry in MENU if not access.grant(user, entry.action).nothing]
