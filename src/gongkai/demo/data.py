"""A demo county: its government, departments, a town, internal units and staff in every role."""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from gongkai.agencies import reading_rooms, services
from gongkai.agencies.models import (
    Agency,
    AgencyKind,
    AgencyLevel,
    DeliveryKind,
    InternalUnit,
    ReadingRoom,
    Role,
)
from gongkai.core import uscc
from gongkai.core.actor import acting_as, actor_for_user

DEMO_PASSWORD = "Gongkai-demo-2026"
# A fictitious county division code, so no demo code collides with a real agency's.
DIVISION = "539901"
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _org_code(serial: int) -> str:
    """A 9-character organisation code (GB 11714) with its own check character."""
    body = f"{serial:08d}"
    check = 11 - sum(int(c) * w for c, w in zip(body, ORG_CODE_WEIGHTS, strict=True)) % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def demo_credit_code(serial: int) -> str:
    # "11" = 机构编制 registration authority, 机关 category (GB 32100-2015 Table 1/2).
    first17 = "11" + DIVISION + _org_code(serial)
    return first17 + uscc.check_character(first17)


COUNTY = "某某县人民政府"
DEPARTMENTS = [
    ("某某县人民政府办公室", "县政府办", "县政府办公室政务公开股"),
    ("某某县移民局", "县移民局", "县移民局办公室"),
    ("某某县民政局", "县民政局", "县民政局办公室"),
    ("某某县信访局", "县信访局", "县信访局办公室"),
    ("某某县扶贫和移民办公室", "县扶贫移民办", "综合股"),
    ("某某县住房和城乡建设局", "县住建局", "县住建局办公室"),
    ("某某县统计局", "县统计局", "县统计局综合股"),
    ("某某县经济和商务局", "县经商局", "县经商局办公室"),
    ("某某县财政局", "县财政局", "县财政局办公室"),
]
TOWN = "某某县城关镇人民政府"
UNITS = ["办公室", "政策法规股", "业务股"]


# Each domain area adds its own demo records: a function taking the agencies by name and
# the demo users by username.
AREA_LOADERS: list[str] = [
    "gongkai.applications.demo.load",
    "gongkai.review.demo.load",
    "gongkai.interpretations.demo.load",
    "gongkai.engagement.demo.load",
    "gongkai.profiles.demo.load",
    "gongkai.newmedia.demo.load",
    # Last: the annual report counts the other areas' records.
    "gongkai.reports.demo.load",
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    full_name: str
    agency: str
    roles: tuple[str, ...]

    @property
    def role_labels(self) -> str:
        return "、".join(str(Role(r).label) for r in self.roles)


LOGINS = [
    DemoLogin("admin", "系统管理员", COUNTY, (Role.SYSTEM_ADMIN,)),
    DemoLogin("county_admin", "王建国", COUNTY, (Role.AGENCY_ADMIN,)),
    DemoLogin("county_supervisor", "李红梅", COUNTY, (Role.SUPERVISOR,)),
    DemoLogin("county_leader", "赵志强", COUNTY, (Role.LEADER,)),
    DemoLogin("mz_clerk", "陈小燕", "某某县民政局", (Role.CLERK,)),
    DemoLogin("mz_reviewer", "周海涛", "某某县民政局", (Role.REVIEWER,)),
    DemoLogin("mz_leader", "孙立新", "某某县民政局", (Role.LEADER,)),
    DemoLogin("mz_admin", "吴晓梅", "某某县民政局", (Role.AGENCY_ADMIN,)),
    DemoLogin("ym_clerk", "杨光", "某某县移民局", (Role.CLERK, Role.REVIEWER)),
    DemoLogin("town_clerk", "马丽", TOWN, (Role.CLERK, Role.AGENCY_ADMIN)),
]


def _agency(serial: int, name: str, short: str, office: str, parent, kind, level) -> Agency:
    agency = Agency(
        name=name,
        short_name=short,
        credit_code=demo_credit_code(serial),
        kind=kind,
        level=level,
        parent=parent,
        sort_order=serial,
        address=f"某某县城关镇人民路{serial}号",
        postcode="675500",
        office_hours="工作日 上午8:30—12:00，下午14:30—18:00",
        phone=f"0878-52{serial:05d}",
        email=f"gk{serial:03d}@example.gov.cn",
        disclosure_office=office,
        disclosure_office_head="张明",
        disclosure_office_phone=f"0878-53{serial:05d}",
    )
    agency.full_clean()
    agency.save()
    for i, unit in enumerate(UNITS, start=1):
        InternalUnit.objects.create(agency=agency, name=unit, sort_order=i)
    return agency


@transaction.atomic
def load() -> list[DemoLogin]:
    county = _agency(
        1,
        COUNTY,
        "县政府",
        "县人民政府办公室",
        None,
        AgencyKind.GOVERNMENT,
        AgencyLevel.COUNTY,
    )
    ReadingRoom.objects.create(
        agency=county,
        name="县政务服务中心政府信息查阅点",
        address="某某县城关镇人民路8号政务服务中心一楼",
        opening_hours="工作日 9:00—17:00",
        phone="0878-5212345",
    )
    ReadingRoom.objects.create(
        agency=county,
        name="县档案馆政府信息查阅点",
        address="某某县城关镇文化路3号",
        opening_hours="工作日 9:00—16:30",
    )
    by_name = {COUNTY: county}
    for serial, (name, short, office) in enumerate(DEPARTMENTS, start=2):
        by_name[name] = _agency(
            serial, name, short, office, county, AgencyKind.DEPARTMENT, AgencyLevel.COUNTY
        )
    by_name[TOWN] = _agency(
        50, TOWN, "城关镇", "镇党政办公室", county, AgencyKind.GOVERNMENT, AgencyLevel.TOWNSHIP
    )
    users = {
        login.username: services.create_staff(
            agency=by_name[login.agency],
            username=login.username,
            full_name=login.full_name,
            password=DEMO_PASSWORD,
            roles=list(login.roles),
        )
        for login in LOGINS
    }
    _reading_room_records(county, users["county_admin"])
    for loader in AREA_LOADERS:
        import_string(loader)(agencies=by_name, users=users)
    return LOGINS


def _reading_room_records(county: Agency, admin) -> None:
    """The county's reading rooms: visits counted on each working day of the last eight weeks
    (a count, no names), and the printed guide, catalog and annual report handed over."""
    today = timezone.localdate()
    with acting_as(actor_for_user(admin)):
        for serial, room in enumerate(county.reading_rooms.order_by("id")):
            for back in range(56, 0, -1):
                day = today - timedelta(days=back)
                if day.weekday() < 5:
                    count = 6 + (day.toordinal() * (serial + 3)) % 17
                    reading_rooms.log_visits(room, day=day, count=count, user=admin)
            for kind, title in (
                (DeliveryKind.GUIDE, "某某县人民政府政府信息公开指南（2026年版）"),
                (DeliveryKind.CATALOG, "某某县人民政府政府信息公开目录"),
                (
                    DeliveryKind.ANNUAL_REPORT,
                    f"某某县人民政府{today.year - 1}年政府信息公开工作年度报告",
                ),
            ):
                reading_rooms.record_delivery(
                    room,
                    user=admin,
                    kind=kind,
                    title=title,
                    copies=5,
                    delivered_on=today - timedelta(days=30),
                    delivered_by="王建国",
                    received_by="查阅点值班员",
                    note="",
                )
