"""The automatic probes: each a small named function over the platform's own records that
says, for every agency asked about at once, how many problems it found and which rows.

A probe is set-based: it asks the database for all the agencies together — a count grouped by
agency and at most `EVIDENCE_ROWS` evidence rows per agency (a window function), never one
query per item or per agency — so 200 agencies over a million items stay within a minute
(`bench/oversight.py`). Each reuses what its area already computes: a column's states and
their rules (`columns/states.py`), the Art. 26 deadline kept on every item
(`catalog/deadlines.py`, `InfoItem.publish_due` and `published_late`), a case's cached
deadline (the applications ledger), the engagement area's veto rule
(`engagement/oversight.py`), the annual report's Art. 49 deadline (`reports/models.py`) and
the integrity scan's kept findings (`catalog/integrity_runs.py`).

Evidence rows are dictionaries: `label` (what the row is), `detail` (why it counts), `url`
(where to see it) and `fix` (where to put it right), the last two as paths of this site.

Not yet probed (measured by hand in the shipped systems): whether the home page answers from
outside, broken links and attachments (a bounded same-host crawler), site furniture (标识码,
备案号), back-dated publication dates.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, F, Max, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils import timezone

from gongkai.agencies.models import Agency, AgencyKind
from gongkai.applications.ledger import OPEN_STATUSES
from gongkai.applications.models import Application, Letter, LetterKind
from gongkai.catalog.deadlines import PROACTIVE_PUBLICATION_WORKDAYS
from gongkai.catalog.models import InfoItem, Topic
from gongkai.checks.models import IntegrityFinding, IntegrityScan
from gongkai.columns.kinds import ColumnKind
from gongkai.columns.models import Column
from gongkai.columns.states import ColumnState
from gongkai.engagement import oversight as engagement_oversight
from gongkai.engagement.models import Channel, ChannelKind, Message
from gongkai.reports.models import AnnualReport, ReportStatus, deadline

EVIDENCE_ROWS = 20
HOME_PAGE_DAYS = 14  # 国办秘函〔2019〕19号: no new home-page item for 2 weeks
LOOK_BACK_DAYS = 365  # late publications, late replies and letters: the past year
INTERPRETED_GENRES = ("规范性文件",)


@dataclass
class Outcome:
    """One probe's result at one agency."""

    count: int = 0
    evidence: list[dict] = field(default_factory=list)
    summary: str = ""

    @property
    def failed(self) -> bool:
        return self.count > 0

    @property
    def status(self) -> str:
        return "fail" if self.failed else "pass"


@dataclass(frozen=True)
class Scope:
    """Whom and when a run probes: the agencies (ids) and the day that counts as today."""

    agency_ids: tuple[int, ...]
    today: date
    # What several probes of one run share (the columns' states), computed once.
    cache: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def of(self, queryset: QuerySet, agency_field: str = "agency") -> QuerySet:
        return queryset.filter(**{f"{agency_field}__in": self.agency_ids})

    def midnight(self, days_back: int = 0) -> datetime:
        day = self.today - timedelta(days=days_back)
        return timezone.make_aware(datetime.combine(day, time.min))


@dataclass(frozen=True)
class Probe:
    name: str
    label: str  # what it checks, as a noun phrase
    unit: str  # what one finding is: 个栏目, 条信息, 件申请 …
    run: Callable[[Scope], dict[int, Outcome]]
    basis: str = ""


PROBES: dict[str, Probe] = {}


def probe(name: str, label: str, unit: str, basis: str = ""):
    def register(run):
        PROBES[name] = Probe(name, label, unit, run, basis)
        return run

    return register


def run_probes(names: Iterable[str], scope: Scope) -> dict[str, dict[int, Outcome]]:
    """Every named probe over the scope: {probe: {agency id: outcome}}, an outcome for every
    agency (a clean one where nothing was found)."""
    results = {}
    for name in names:
        found = PROBES[name].run(scope)
        results[name] = {
            pk: found.get(pk) or Outcome(summary="未发现问题") for pk in scope.agency_ids
        }
    return results


def _grouped(
    rows: QuerySet,
    agency_field: str,
    order: list,
    evidence: Callable[[object], dict],
    summary: Callable[[int], str],
) -> dict[int, Outcome]:
    """Counts per agency (one grouped query) and the first EVIDENCE_ROWS rows of each (one
    query with a row number per agency)."""
    counts = dict(
        rows.values_list(agency_field)
        .annotate(n=Count("pk"))
        .order_by()
        .values_list(agency_field, "n")
    )
    if not counts:
        return {}
    numbered = rows.annotate(
        _row=Window(RowNumber(), partition_by=[F(agency_field)], order_by=order)
    ).filter(_row__lte=EVIDENCE_ROWS)
    out = {pk: Outcome(count=n, summary=summary(n)) for pk, n in counts.items()}
    for row in numbered:
        pk = _attr(row, agency_field)
        out[pk].evidence.append(evidence(row))
    return out


def _attr(row, dotted: str):
    value = row
    for part in dotted.split("__"):
        value = getattr(value, part if part != "agency" else "agency_id", None)
        if part == "agency":
            break
    return value


def _day(value) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return value.isoformat()


# 首页和栏目 ----------------------------------------------------------------------------------


@probe(
    "home.not_updated",
    "首页2周内无新发布信息",
    "次",
    "国办秘函〔2019〕19号：首页2周未更新（无发布日期的信息视为未更新）",
)
def home_not_updated(scope: Scope) -> dict[int, Outcome]:
    newest = dict(
        scope.of(InfoItem.objects.public())
        .values("agency")
        .annotate(newest=Max("first_published_at"))
        .order_by()
        .values_list("agency", "newest")
    )
    limit = scope.midnight(HOME_PAGE_DAYS)
    out = {}
    for pk in scope.agency_ids:
        last = newest.get(pk)
        if last is not None and last >= limit:
            continue
        detail = f"最近一次发布：{_day(last)}" if last else "从未发布信息"
        out[pk] = Outcome(
            count=1,
            summary=f"首页超过{HOME_PAGE_DAYS}天没有新发布的信息（{detail}）",
            evidence=[
                {
                    "label": "本机关政府信息公开页面",
                    "detail": detail,
                    "url": reverse("disclosure:agency", args=[pk]),
                    "fix": reverse("catalog:item_list") + f"?agency={pk}",
                }
            ],
        )
    return out


def _column_evidence(column) -> dict:
    if column.state == ColumnState.EMPTY:
        detail = "空白栏目，未作情况说明"
    else:
        detail = f"最近更新 {_day(column.last_published)}，应于 {_day(column.stale_at)} 前更新"
    return {
        "label": f"栏目「{column.name}」（{column.get_kind_display()}）",
        "detail": detail,
        "url": reverse("disclosure:agency", args=[column.agency_id]),
        "fix": reverse("columns:edit", args=[column.pk]),
    }


def column_states(scope: Scope) -> list:
    """Every active column of the scope's agencies with `last_published`, `stale_at` and
    `state` set as `columns.states.with_state` sets them, computed from two grouped queries
    (the newest first publication per agency and genre, per agency and topic) instead of one
    correlated subquery per column, which does not scale to a province's million items
    (`bench/oversight.py`); `tests/oversight` holds the two to the same answers."""
    if "columns" in scope.cache:
        return scope.cache["columns"]
    public = scope.of(InfoItem.objects.public()).filter(first_published_at__isnull=False)
    newest: dict[tuple[str, int, int], datetime] = {}
    for key in ("genre", "topic"):
        for agency, value, last in (
            public.values_list("agency", f"published_version__{key}")
            .annotate(last=Max("first_published_at"))
            .order_by()
        ):
            if value is not None:
                newest[(key, agency, value)] = last
    children: dict[int, list[int]] = defaultdict(list)
    for pk, parent in Topic.objects.filter(parent__isnull=False).values_list("pk", "parent"):
        children[parent].append(pk)
    columns = list(
        scope.of(Column.objects.filter(is_active=True))
        .prefetch_related("topics", "genres")
        .order_by("agency", "id")
    )
    midnight = scope.midnight()
    warn = scope.midnight(-(settings.GONGKAI_COLUMN_WARN_DAYS + 1))
    for column in columns:
        fed = [("genre", g.pk) for g in column.genres.all()]
        for topic in column.topics.all():
            fed += [("topic", pk) for pk in (topic.pk, *children[topic.pk])]
        dates = [newest.get((key, column.agency_id, pk)) for key, pk in fed]
        column.last_published = max((d for d in dates if d is not None), default=None)
        if column.last_published is None:
            column.stale_at = None
            column.state = ColumnState.EXPLAINED if column.explanation else ColumnState.EMPTY
            continue
        column.stale_at = column.last_published + column.update_cycle
        if column.stale_at < midnight:
            column.state = ColumnState.STALE
        elif column.stale_at < warn:
            column.state = ColumnState.DUE_SOON
        else:
            column.state = ColumnState.CURRENT
    scope.cache["columns"] = columns
    return columns


def _columns(scope: Scope, state: str, kinds: tuple[str, ...] | None, what: str):
    out: dict[int, Outcome] = {}
    for column in column_states(scope):
        if column.state != state or (kinds and column.kind not in kinds):
            continue
        outcome = out.setdefault(column.agency_id, Outcome())
        outcome.count += 1
        if len(outcome.evidence) < EVIDENCE_ROWS:
            outcome.evidence.append(_column_evidence(column))
    for outcome in out.values():
        outcome.summary = f"{outcome.count}个{what}"
    return out


@probe(
    "columns.stale_key",
    "动态要闻、通知公告、政策文件类栏目超期未更新",
    "个栏目",
    "国办秘函〔2019〕19号：动态要闻类超过2周、通知公告和政策文件类超过6个月未更新",
)
def columns_stale_key(scope: Scope) -> dict[int, Outcome]:
    kinds = (ColumnKind.NEWS, ColumnKind.NOTICE, ColumnKind.POLICY)
    return _columns(scope, ColumnState.STALE, kinds, "动态要闻、通知公告、政策文件类栏目超期未更新")


@probe("columns.stale", "栏目超期未更新", "个栏目", "国办秘函〔2019〕19号：栏目超过更新周期未更新")
def columns_stale(scope: Scope) -> dict[int, Outcome]:
    return _columns(scope, ColumnState.STALE, None, "栏目超期未更新")


@probe(
    "columns.empty",
    "空白栏目未作情况说明",
    "个栏目",
    "国办秘函〔2019〕19号：空白栏目；确无信息的须作情况说明",
)
def columns_empty(scope: Scope) -> dict[int, Outcome]:
    return _columns(scope, ColumnState.EMPTY, None, "空白栏目未作情况说明")


# 主动公开 ------------------------------------------------------------------------------------


def _item_evidence(detail: Callable[[InfoItem], str]):
    def evidence(item: InfoItem) -> dict:
        version = item.published_version or item.current_version
        return {
            "label": f"{item.index_no} {version.title if version else ''}".strip(),
            "detail": detail(item),
            "url": reverse("review:item", args=[item.pk]),
            "fix": reverse("catalog:item_edit", args=[item.pk]),
        }

    return evidence


@probe(
    "items.undated",
    "信息无发布日期或成文日期",
    "条信息",
    "国办秘函〔2019〕19号：无发布日期的信息视为未更新",
)
def items_undated(scope: Scope) -> dict[int, Outcome]:
    rows = scope.of(InfoItem.objects.public()).filter(
        Q(first_published_at__isnull=True)
        | (~Q(published_version__doc_no="") & Q(published_version__written_on__isnull=True))
    )

    def detail(item: InfoItem) -> str:
        if item.first_published_at is None:
            return "没有发布日期"
        return f"有文号（{item.published_version.doc_no}）而无成文日期"

    return _grouped(
        rows.select_related("published_version"),
        "agency",
        [F("pk").asc()],
        _item_evidence(detail),
        lambda n: f"{n}条公开信息缺少日期",
    )


@probe(
    "items.late",
    "主动公开超过法定时限",
    "条信息",
    f"《条例》第二十六条：自形成或者变更之日起{PROACTIVE_PUBLICATION_WORKDAYS}个工作日内公开",
)
def items_late(scope: Scope) -> dict[int, Outcome]:
    since = scope.midnight(LOOK_BACK_DAYS)
    late = scope.of(InfoItem.objects.filter(published_late=True, published_at__gte=since))
    waiting = scope.of(InfoItem.objects.overdue(scope.today))
    published = _grouped(
        late.select_related("published_version", "current_version"),
        "agency",
        [F("published_at").desc(), F("pk").asc()],
        _item_evidence(
            lambda item: f"应于 {_day(item.publish_due)} 前公开，{_day(item.published_at)} 才公开"
        ),
        lambda n: f"{n}条逾期公开",
    )
    unpublished = _grouped(
        waiting.select_related("published_version", "current_version"),
        "agency",
        [F("publish_due").asc(), F("pk").asc()],
        _item_evidence(lambda item: f"应于 {_day(item.publish_due)} 前公开，至今未公开"),
        lambda n: f"{n}条逾期未公开",
    )
    return _merge(unpublished, published)


def _merge(*parts: dict[int, Outcome]) -> dict[int, Outcome]:
    out: dict[int, Outcome] = {}
    for part in parts:
        for pk, outcome in part.items():
            merged = out.setdefault(pk, Outcome())
            merged.count += outcome.count
            merged.evidence = (merged.evidence + outcome.evidence)[:EVIDENCE_ROWS]
            merged.summary = "，".join(filter(None, [merged.summary, outcome.summary]))
    return out


@probe(
    "interpretations.missing",
    "规范性文件未关联政策解读",
    "件文件",
    "国办发〔2016〕80号：政策文件与解读同步发布、相互关联",
)
def interpretations_missing(scope: Scope) -> dict[int, Outcome]:
    rows = scope.of(InfoItem.objects.public()).filter(
        published_version__genre__name__in=INTERPRETED_GENRES,
        published_version__interpretation_url="",
        first_published_at__gte=scope.midnight(LOOK_BACK_DAYS),
    )
    return _grouped(
        rows.select_related("published_version"),
        "agency",
        [F("first_published_at").desc(), F("pk").asc()],
        _item_evidence(lambda item: f"{_day(item.first_published_at)} 公开，未填写政策解读链接"),
        lambda n: f"{n}件规范性文件未关联解读",
    )


# 依申请公开 ----------------------------------------------------------------------------------


@probe(
    "applications.overdue",
    "依申请公开逾期未答复或逾期答复",
    "件申请",
    "《条例》第三十三条：20个工作日内答复，延长不超过20个工作日",
)
def applications_overdue(scope: Scope) -> dict[int, Outcome]:
    since = scope.today - timedelta(days=LOOK_BACK_DAYS)
    rows = scope.of(
        Application.objects.filter(
            Q(status__in=OPEN_STATUSES, due_date__lt=scope.today)
            | Q(decided_on__gte=since, due_date__isnull=False, decided_on__gt=F("due_date"))
        )
    )

    def evidence(case: Application) -> dict:
        if case.decided_on:
            detail = f"答复期限 {_day(case.due_date)}，{_day(case.decided_on)} 才答复"
        else:
            days = (scope.today - case.due_date).days
            detail = f"答复期限 {_day(case.due_date)}，已逾期{days}天未答复"
        return {
            "label": f"申请 {case.number}（{_day(case.received_on)} 收到）",
            "detail": detail,
            "url": reverse("cases:detail", args=[case.pk]),
            "fix": reverse("cases:detail", args=[case.pk]),
        }

    return _grouped(
        rows,
        "agency",
        [F("due_date").asc(), F("pk").asc()],
        evidence,
        lambda n: f"{n}件申请逾期",
    )


# A reply letter states its legal basis (an article of a law or regulation) and the remedies:
# 行政复议 and 行政诉讼 (Art. 36 and the built-in wording, `applications/letters.py`).
ARTICLE = r"第[一二三四五六七八九十百零〇0-9]+条"
REMEDY_WORDS = ("行政复议", "行政诉讼")


def letter_gaps(text: str) -> list[str]:
    missing = []
    if not re.search(ARTICLE, text):
        missing.append("法律依据")
    if not all(word in text for word in REMEDY_WORDS):
        missing.append("救济途径")
    return missing


@probe(
    "letters.incomplete",
    "答复书缺少法律依据或救济途径",
    "份答复书",
    "《条例》第三十六条：答复应当说明理由、依据并告知救济途径",
)
def letters_incomplete(scope: Scope) -> dict[int, Outcome]:
    since = scope.midnight(LOOK_BACK_DAYS)
    no_remedy = ~Q(text__contains=REMEDY_WORDS[0]) | ~Q(text__contains=REMEDY_WORDS[1])
    rows = scope.of(
        Letter.objects.filter(kind=LetterKind.REPLY, created_at__gte=since).filter(
            no_remedy | ~Q(text__regex=ARTICLE)
        ),
        "case__agency",
    ).select_related("case")

    def evidence(letter: Letter) -> dict:
        return {
            "label": f"{letter.number}（申请 {letter.case.number}）",
            "detail": "缺少" + "、".join(letter_gaps(letter.text)),
            "url": reverse("cases:detail", args=[letter.case_id]),
            "fix": reverse("cases:detail", args=[letter.case_id]),
        }

    return _grouped(
        rows,
        "case__agency",
        [F("created_at").desc(), F("pk").asc()],
        evidence,
        lambda n: f"{n}份答复书不完整",
    )


# 年度报告 ------------------------------------------------------------------------------------


def report_year_due(kind: str, today: date) -> int:
    """The latest report year whose Art. 49 deadline has passed by `today`."""
    year = today.year - 1
    return year if today > deadline(kind, year) else year - 1


@probe(
    "reports.annual_late",
    "年度报告未按时公开",
    "份报告",
    "《条例》第四十九条：部门1月31日前、政府3月31日前公开上一年度报告",
)
def reports_annual_late(scope: Scope) -> dict[int, Outcome]:
    kinds = dict(scope.of(Agency.objects.all(), "pk").values_list("pk", "kind"))
    years = {pk: report_year_due(kind, scope.today) for pk, kind in kinds.items()}
    reports = {
        (agency_id, year): (status, published_at, pk)
        for agency_id, year, status, published_at, pk in scope.of(
            AnnualReport.objects.filter(year__in=set(years.values()))
        ).values_list("agency", "year", "status", "published_at", "pk")
    }
    out = {}
    for pk, year in years.items():
        due = deadline(kinds[pk], year)
        status, published_at, report_pk = reports.get((pk, year), (None, None, None))
        if status == ReportStatus.PUBLISHED and published_at and _local(published_at) <= due:
            continue
        if status == ReportStatus.PUBLISHED:
            detail = f"期限 {due.isoformat()}，{_day(published_at)} 才公开"
        else:
            detail = f"期限 {due.isoformat()}，至今未公开"
        whose = "政府" if kinds[pk] == AgencyKind.GOVERNMENT else "部门"
        link = reverse("reports:detail", args=[report_pk]) if report_pk else reverse("reports:list")
        out[pk] = Outcome(
            count=1,
            summary=f"{year}年度报告未按时公开",
            evidence=[
                {
                    "label": f"{year}年度政府信息公开工作年度报告（{whose}）",
                    "detail": detail,
                    "url": link,
                    "fix": link,
                }
            ],
        )
    return out


def _local(moment: datetime) -> date:
    return timezone.localtime(moment).date()


@probe(
    "guide.incomplete",
    "公开指南要素不全",
    "项",
    "《条例》第十二条：指南载明工作机构名称、办公地址、办公时间、联系电话等",
)
def guide_incomplete(scope: Scope) -> dict[int, Outcome]:
    needed = {
        "disclosure_office": "政府信息公开工作机构",
        "address": "办公地址",
        "office_hours": "办公时间",
        "phone": "联系电话",
    }
    empty = Q()
    for name in needed:
        empty |= Q(**{name: ""})
    out = {}
    for agency in scope.of(Agency.objects.filter(empty), "pk").only("pk", *needed):
        missing = [label for name, label in needed.items() if not getattr(agency, name)]
        out[agency.pk] = Outcome(
            count=len(missing),
            summary="公开指南缺少" + "、".join(missing),
            evidence=[
                {
                    "label": f"政府信息公开指南：{label}",
                    "detail": "未填写",
                    "url": reverse("disclosure:guide", args=[agency.pk]),
                    "fix": reverse("workbench:agency_edit", args=[agency.pk]),
                }
                for label in missing
            ],
        )
    return out


# 政民互动 ------------------------------------------------------------------------------------


def _message_evidence(scope: Scope, what: str):
    def evidence(message: Message) -> dict:
        if what == "veto":
            detail = f"{_day(message.received_on)} 收到，超过3个月未答复"
        else:
            detail = (
                f"答复期限 {_day(message.due_on)}，已逾期{(scope.today - message.due_on).days}天"
            )
        return {
            "label": f"{message.get_kind_display()}「{message.subject}」",
            "detail": detail,
            "url": reverse("engagement:detail", args=[message.pk]),
            "fix": reverse("engagement:detail", args=[message.pk]),
        }

    return evidence


@probe("messages.overdue", "留言超过答复期限未答复", "件留言", "各渠道的答复时限（工作日）")
def messages_overdue(scope: Scope) -> dict[int, Outcome]:
    return _grouped(
        scope.of(Message.objects.overdue(scope.today)),
        "agency",
        [F("due_on").asc(), F("pk").asc()],
        _message_evidence(scope, "overdue"),
        lambda n: f"{n}件留言超期未答复",
    )


@probe(
    "messages.unanswered_3_months",
    "有效咨询超过3个月未答复",
    "件咨询",
    "国办秘函〔2019〕19号（单项否决）：有效政务咨询超过3个月未答复",
)
def messages_unanswered(scope: Scope) -> dict[int, Outcome]:
    found = engagement_oversight.veto(scope.of(Message.objects.all()), scope.today)
    evidence = _message_evidence(scope, "veto")
    return {
        agency.pk: Outcome(
            count=len(rows),
            summary=f"{len(rows)}件咨询收到超过3个月仍未答复",
            evidence=[evidence(m) for m in rows[:EVIDENCE_ROWS]],
        )
        for agency, rows in found.items()
    }


@probe(
    "channels.no_consultation",
    "无有效的网上咨询渠道",
    "项",
    "国办秘函〔2019〕19号（单项否决）：未提供有效的网上政务咨询渠道",
)
def channels_missing(scope: Scope) -> dict[int, Outcome]:
    having = set(
        scope.of(Channel.objects.filter(kind=ChannelKind.QUESTION)).values_list("agency", flat=True)
    )
    return {
        pk: Outcome(
            count=1,
            summary="没有网上咨询渠道",
            evidence=[
                {
                    "label": "互动渠道",
                    "detail": "未设咨询渠道",
                    "url": reverse("engagement:channels"),
                    "fix": reverse("engagement:channels"),
                }
            ],
        )
        for pk in scope.agency_ids
        if pk not in having
    }


# 网页篡改 ------------------------------------------------------------------------------------


@probe(
    "pages.defaced",
    "网页被篡改未处置",
    "个页面",
    "国办秘函〔2019〕19号（单项否决）：网页被篡改未及时处置",
)
def pages_defaced(scope: Scope) -> dict[int, Outcome]:
    latest = IntegrityScan.objects.order_by("-started_at", "-pk").first()
    if latest is None:
        return {}
    rows = scope.of(IntegrityFinding.objects.filter(scan=latest))
    fix = reverse("checks:integrity")
    by_agency: dict[int, list[IntegrityFinding]] = defaultdict(list)
    for finding in rows.order_by("agency", "pk"):
        by_agency[finding.agency_id].append(finding)
    return {
        pk: Outcome(
            count=len(found),
            summary=f"最近一次完整性扫描（{_day(latest.started_at)}）发现{len(found)}个页面被篡改",
            evidence=[
                {
                    "label": f.url,
                    "detail": "；".join(f.problems),
                    "url": f.url,
                    "fix": fix,
                }
                for f in found[:EVIDENCE_ROWS]
            ],
        )
        for pk, found in by_agency.items()
    }
