"""An agency with one of every problem the probes look for, and a clean one, dated relative to
the day the tests run on (the suite's fixed "today")."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

from gongkai.applications.models import Letter, LetterKind
from gongkai.catalog.models import Genre, InfoItem, Topic
from gongkai.catalog.taxonomy import load_defaults
from gongkai.checks.models import IntegrityFinding, IntegrityScan
from gongkai.columns.models import Column
from gongkai.engagement.oversight import months_before
from gongkai.oversight.probes import report_year_due
from gongkai.oversight.standing import install_shipped
from gongkai.reports.models import AnnualReport, ReportStatus, deadline
from tests.applications.cases import make_case
from tests.catalog.makers import Team, make_item
from tests.columns.makers import make_column, publish_on
from tests.engagement.makers import make_message


def today():
    return timezone.localdate()


def moment(day, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


@dataclass
class Seeded:
    stale_column: Column
    empty_column: Column
    undated: InfoItem
    late: InfoItem
    uninterpreted: InfoItem
    case: object
    letter: Letter
    old_question: object
    defaced: InfoItem


def make_clean(agency) -> InfoItem:
    """Everything in order: a recent publication, every column explained or current, the
    guide's facts, last year's report published on time."""
    install_shipped()
    agency.address, agency.office_hours, agency.phone = (
        "县府路1号",
        "工作日9:00-17:00",
        "0000-1234567",
    )
    agency.save()
    Column.objects.filter(agency=agency).update(explanation="本栏目暂无信息。")
    team = Team(agency)
    day = today() - timedelta(days=2)
    item = team.publish(make_item(agency, team.clerk, formed_on=day, written_on=day))
    InfoItem.objects.filter(pk=item.pk).update(
        first_published_at=moment(day), published_at=moment(day)
    )
    year = report_year_due(agency.kind, today())
    AnnualReport.objects.create(
        agency=agency,
        year=year,
        format_code="2021",
        status=ReportStatus.PUBLISHED,
        published_at=moment(deadline(agency.kind, year) - timedelta(days=10)),
    )
    return item


def make_problems(agency) -> Seeded:
    """One of each: a stale news column, an empty column, an undated item, a late one, a
    policy without its interpretation, an overdue application, a reply letter without
    remedies, a question open for four months, a defaced page; no annual report; the guide's
    address, hours and phone missing."""
    install_shipped()
    load_defaults(Topic, Genre)
    Column.objects.filter(agency=agency).update(explanation="本栏目暂无信息。")
    team = Team(agency)
    recent = today() - timedelta(days=1)

    stale = make_column(agency, "统计信息", genre="统计数据")
    publish_on(
        team, "统计数据", today() - timedelta(days=30), formed_on=today() - timedelta(days=31)
    )
    empty = make_column(agency, "专题专栏", kind="other")

    undated = team.publish(make_item(agency, team.clerk, written_on=None, formed_on=recent))
    late = team.publish(
        make_item(
            agency, team.clerk, title="逾期公开的通知", formed_on=today() - timedelta(days=90)
        )
    )
    policy = publish_on(team, "规范性文件", recent, formed_on=recent, title="关于低保的规范性文件")

    case = make_case(agency, today() - timedelta(days=70))
    replied = make_case(agency, today() - timedelta(days=20))
    letter = Letter.objects.create(
        case=replied,
        kind=LetterKind.REPLY,
        year=today().year,
        serial=1,
        number=f"测依申复〔{today().year}〕1号",
        text="根据《中华人民共和国政府信息公开条例》第三十六条，现答复如下：予以公开。",
    )
    question = make_message(agency, subject="四个月前的咨询", received_on=months_before(today(), 4))
    scan = IntegrityScan.objects.create(
        started_at=moment(recent), finished_at=moment(recent), base_url="http://portal.test"
    )
    IntegrityFinding.objects.create(
        scan=scan,
        agency=agency,
        item=undated,
        url=f"http://portal.test/xxgk/items/{undated.pk}/",
        problems=["页面正文与审查通过的版本不一致"],
    )
    return Seeded(stale, empty, undated, late, policy, case, letter, question, undated)
