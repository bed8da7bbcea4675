"""The demo county's 民政局 with a published 机构概况: its duties, units and two leaders in
office, and a deputy who left, so the portal shows the dated record of the change."""

from datetime import date

from gongkai.core.actor import acting_as, actor_for_user
from gongkai.profiles import services
from gongkai.profiles.workflow import PROFILE_WORKFLOW

MZ = "某某县民政局"
DUTIES = (
    "（一）贯彻执行国家、省、市关于民政工作的方针政策和法律法规，拟订全县民政事业发展规划并组织实施。\n"
    "（二）负责全县最低生活保障、特困人员救助供养、临时救助等社会救助工作。\n"
    "（三）统筹推进养老服务体系建设，负责老年人福利和困境儿童保障工作。\n"
    "（四）负责社会组织登记管理、区划地名、婚姻登记和殡葬管理工作。\n"
    "（五）完成县委、县人民政府交办的其他任务。"
)
UNITS = {
    "办公室": "负责机关日常运转，承担文电、会务、政务公开、财务和后勤保障工作。",
    "政策法规股": "负责民政政策研究和法治建设，承办行政复议、行政应诉和规范性文件审核工作。",
    "业务股": "负责社会救助、养老服务和社会事务管理的具体业务工作。",
}
LEADERS = [
    ("孙立新", "局长", date(2021, 4, 1), "主持局全面工作，分管办公室。"),
    ("刘建军", "副局长", date(2019, 9, 1), "分管社会救助和社会事务工作。"),
    ("何静", "副局长", date(2022, 7, 1), "分管养老服务、儿童福利和政策法规工作。"),
]


def _cv(name: str, post: str, took: date) -> str:
    return f"{name}，某某县民政局{post}。{took.year}年{took.month}月任现职。"


def load(*, agencies: dict, users: dict) -> None:
    agency = agencies[MZ]
    clerk, reviewer = users["mz_clerk"], users["mz_reviewer"]
    with acting_as(actor_for_user(clerk)):
        version = services.start_draft(agency, user=clerk)
        basic = {
            "duties": DUTIES,
            "change_note": "首次发布机构概况",
            "effective_on": date(2024, 1, 1),
        }
        basic |= {
            name: getattr(version, name)
            for name in ("address", "postcode", "phone", "fax", "email", "office_hours")
        }
        PROFILE_WORKFLOW.perform(version, "edit", basic, user=clerk)
        for unit in version.units.all():
            unit.duties = UNITS.get(unit.name, "")
            unit.save()
        for name, post, took, portfolio in LEADERS:
            services.add_leader(
                version,
                user=clerk,
                name=name,
                post=post,
                took_office=took,
                portfolio=portfolio,
                cv=_cv(name, post, took),
            )
        services.submit(version, user=clerk)
    with acting_as(actor_for_user(reviewer)):
        services.approve(version, user=reviewer)

    with acting_as(actor_for_user(clerk)):
        change = services.start_draft(agency, user=clerk)
        basic |= {
            "change_note": "刘建军同志调任，不再担任副局长",
            "effective_on": date(2026, 3, 16),
        }
        PROFILE_WORKFLOW.perform(change, "edit", basic, user=clerk)
        leaving = change.leaders.get(leader__name="刘建军")
        services.leader_leaves(change, user=clerk, leader=leaving, left_on=date(2026, 3, 16))
        services.submit(change, user=clerk)
    with acting_as(actor_for_user(reviewer)):
        services.approve(change, user=reviewer)
