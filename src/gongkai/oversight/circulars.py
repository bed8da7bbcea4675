"""The 通报 of a closed round: drafted from its results (overall result, ranking, failing units
by name, typical problems with examples, the remedies required and their deadlines), edited by
the staff, laid out as a 公文 (DOCX and PDF in the GB/T 9704 manner the letters use), and sent
to publication as a catalog item through the review gate."""

from collections import defaultdict
from datetime import date, timedelta
from fractions import Fraction

from django.db import transaction
from django.utils import timezone

from gongkai.applications.letter_files import Rendered, cn_date, to_docx, to_pdf
from gongkai.catalog import services as catalog
from gongkai.core import fonts
from gongkai.core.audit import record_transition
from gongkai.lib.errors import Refused
from gongkai.review import services as review

from . import rounds
from .models import AssessmentRound, Circular, CircularStatus, RemedyStatus
from .rules import CIRCULAR_RULES, ROUND_RULES
from .scoring import rounded

CHINESE_ORDINALS = "一二三四五六七八九十"
WORKBENCH = "/workbench/"
TYPICAL_PROBLEMS = 5  # the problems a 通报 names, those found at the most units first


def _ordinal(n: int) -> str:
    return CHINESE_ORDINALS[n - 1] if n <= len(CHINESE_ORDINALS) else str(n)


def _problems(results, system) -> list[str]:
    """The indicators that cost units most often, each with one unit's case as example."""
    found: dict[str, list[tuple]] = defaultdict(list)
    for row in results:
        for item in row.score.failing_items():
            if item.findings:
                found[item.indicator.code].append((row.agency, item))
    ordered = sorted(found.items(), key=lambda pair: (-len(pair[1]), pair[0]))
    lines = []
    for n, (code, cases) in enumerate(ordered[:TYPICAL_PROBLEMS], start=1):
        leaf = system.find(code)
        agency, item = cases[0]
        finding = item.findings[0]
        example = finding.reason or leaf.rule
        # A 通报 is published: it cites public pages only, never the workbench's.
        where = next(
            (
                e["url"]
                for e in finding.evidence
                if e.get("url") and not e["url"].startswith(WORKBENCH)
            ),
            "",
        )
        lines.append(
            f"（{_ordinal(n)}）{leaf.name}。{len(cases)}个单位存在此问题。"
            f"如{agency.name}：{example}" + (f"（{where}）" if where else "") + "。"
        )
    return lines


def draft_text(round_: AssessmentRound, today: date) -> dict:
    """The fields of a new 通报 from the round's results."""
    results = rounds.results(round_)
    system = round_.system.system()
    failing = [row for row in results if not row.score.passed]
    vetoed = [row for row in failing if row.score.vetoed]
    average = sum((row.score.total for row in results), 0) / len(results) if results else 0
    remedy_due = today + timedelta(days=system.remedies.due_days)
    period = f"{cn_date(round_.period_start)}至{cn_date(round_.period_end)}"
    paragraphs = [
        "各有关单位：",
        f"根据《{system.name}》，{round_.owner.name}对{len(results)}个单位"
        f"{period}的政府信息公开工作开展了{round_.get_cadence_display()}考核。现将有关情况通报如下。",
        "一、总体情况",
        f"本次共考核{len(results)}个单位，合格{len(results) - len(failing)}个，"
        f"不合格{len(failing)}个（其中单项否决{len(vetoed)}个），"
        f"平均得分{rounded(Fraction(average))}分。",
        "二、考核结果",
        *(
            f"{row.rank}．{row.agency.name}：{row.score.shown()}分，{row.score.verdict}。"
            for row in results
        ),
        "三、不合格单位",
    ]
    if failing:
        named = "、".join(
            f"{row.agency.name}（"
            + (
                "单项否决：" + "、".join(system.find(c).name for c in row.score.vetoes)
                if row.score.vetoed
                else f"{row.score.shown()}分"
            )
            + "）"
            for row in failing
        )
        paragraphs.append(f"以下单位考核不合格：{named}。")
    else:
        paragraphs.append("本次考核无不合格单位。")
    paragraphs.append("四、存在的主要问题")
    paragraphs += _problems(results, system) or ["本次考核未发现问题。"]
    paragraphs.append("五、整改要求")
    open_remedies = [
        (row.agency, deduction)
        for row in results
        for deduction in row.deductions
        if hasattr(deduction, "remedy") and deduction.remedy.status != RemedyStatus.ACCEPTED
    ]
    for agency, deduction in open_remedies:
        leaf = system.find(deduction.indicator)
        paragraphs.append(
            f"{agency.name}：{leaf.name}，{deduction.reason}"
            f"（整改情况：{deduction.remedy.get_status_display()}）。"
        )
    paragraphs.append(
        f"请各单位对照本通报查找问题，逐项整改，于{cn_date(remedy_due)}前将整改情况"
        f"报送{round_.owner.name}。"
    )
    return {
        "title": f"关于{round_.title}情况的通报",
        "number": "",
        "body": "\n".join(paragraphs),
        "signature": round_.owner.name,
        "dated": today,
    }


@transaction.atomic
def draft(round_: AssessmentRound, *, user) -> Circular:
    round_ = AssessmentRound.objects.select_for_update().get(pk=round_.pk)
    ROUND_RULES.require("draft_circular", round_)
    circular = Circular.objects.create(round=round_, **draft_text(round_, timezone.localdate()))
    record_transition(round_, "draft_circular", circular=circular.pk)
    return circular


def _locked(circular: Circular) -> Circular:
    return Circular.objects.select_for_update().select_related("round__owner").get(pk=circular.pk)


@transaction.atomic
def edit(circular: Circular, *, data: dict, user) -> Circular:
    circular = _locked(circular)
    CIRCULAR_RULES.require("edit", circular)
    for field in ("title", "number", "body", "signature", "dated"):
        setattr(
            circular, field, data[field].strip() if isinstance(data[field], str) else data[field]
        )
    circular.save()
    return circular


def rendered(circular: Circular) -> Rendered:
    return Rendered(
        circular.title, circular.number, circular.body, circular.signature, circular.dated
    )


def docx(circular: Circular) -> bytes:
    return to_docx(rendered(circular))


def pdf(circular: Circular) -> bytes:
    try:
        return to_pdf(rendered(circular))
    except fonts.FontMissing as error:
        raise Refused(str(error)) from None


@transaction.atomic
def publish(circular: Circular, *, user) -> Circular:
    """A catalog item of the owner carrying the 通报's text and its PDF, sent into review: it
    is published, like any document, when its review chain signs it."""
    circular = _locked(circular)
    CIRCULAR_RULES.require("publish", circular)
    owner = circular.round.owner
    item = catalog.create_item(
        user=user,
        agency=owner,
        data={
            "title": circular.title,
            "doc_no": circular.number,
            "written_on": circular.dated,
            "formed_on": circular.dated,
            "body": circular.body,
            "publisher": owner.name,
        },
    ).item
    catalog.add_attachment(user=user, item=item, name=f"{circular.title}.pdf", data=pdf(circular))
    review.submit(user=user, item=item)
    circular.item = item
    circular.status = CircularStatus.PUBLISHED
    circular.save(update_fields=["item", "status"])
    record_transition(circular, "publish", item=item.pk, index_no=item.index_no)
    return circular
