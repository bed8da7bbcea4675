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
    MenuEntry("政府信息目录", "catalog:item_list", "item.view"),
    MenuEntry("待审查", "review:queue", "review.sign"),
    MenuEntry("公开时限", "review:due", "item.view"),
    MenuEntry("不予公开复查", "review:re_review", "item.view"),
    MenuEntry("政策解读", "interpretations:list", "item.view"),
    MenuEntry("审查流程", "review:chain_index", "review.configure"),
    MenuEntry("公开指南", "catalog:guide_index", "guide.change"),
    MenuEntry("主题分类", "catalog:topics", "taxonomy.change"),
    MenuEntry("体裁分类", "catalog:genres", "taxonomy.change"),
    MenuEntry("依申请公开", "cases:list", "case.view"),
    MenuEntry("申请办理统计", "cases:overview", "case.view"),
    MenuEntry("复议诉讼投诉", "appeals:list", "appeal.view"),
    MenuEntry("政民互动", "engagement:list", "message.view"),
    MenuEntry("互动统计", "engagement:statistics", "message.view"),
    MenuEntry("意见征集", "engagement:consultations", "consultation.view"),
    MenuEntry("互动渠道", "engagement:channels", "channel.view"),
    MenuEntry("12345工单", "hotline:list", "workorder.view"),
    MenuEntry("热线来电", "hotline:calls", "call.view"),
    MenuEntry("热线统计", "hotline:statistics", "workorder.view"),
    MenuEntry("工单类别与时限", "hotline:categories", "order_category.view"),
    MenuEntry("网站栏目", "columns:list", "column.view"),
    MenuEntry("机构概况", "profiles:list", "profile.view"),
    MenuEntry("政务新媒体", "newmedia:list", "newmedia.view"),
    MenuEntry("督查考核自查", "oversight:index", "oversight.view"),
    MenuEntry("考核指标体系", "oversight:systems", "oversight.view"),
    MenuEntry("督查考核总览", "oversight:dashboard", "oversight.manage"),
    MenuEntry("考核轮次", "oversight:rounds", "oversight.view"),
    MenuEntry("整改任务", "oversight:remedies", "oversight.view"),
    MenuEntry("年度报告", "reports:list", "report.view"),
    MenuEntry("年度报告报送情况", "reports:supervision", "report.view"),
    MenuEntry("审计日志", "workbench:audit_log", "audit.view"),
    MenuEntry("节假日安排", "workbench:calendar", "calendar.change"),
    MenuEntry("发布前检查", "checks:check", "checks.use"),
    MenuEntry("发布内容完整性", "checks:integrity", "integrity.view"),
    MenuEntry("检查词表", "checks:lists", "checks.lists"),
)


def menu_for(user) -> list[MenuEntry]:
    return [entry for entry in MENU if not access.grant(user, entry.action).nothing]
