"""Demo annual reports: earlier years imported from published files, last year built and published.

The earlier years go through the same path a real agency's past reports take (a published
HTML file read by the importer), so the portal has report pages and year-over-year charts from
the start.
"""

import random
import tempfile
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from gongkai.agencies import access
from gongkai.core.actor import acting_as, actor_for_user

from . import services
from .content import ReportContent
from .exports.html import write_html
from .figures import TABLE3_COLUMN_KEYS, TABLE4_COLUMN_KEYS, Figures, Table2
from .formats import TABLE3_RESULT_KEYS
from .validate import APPLICANT_KEYS

COUNTY = "某某县人民政府"
CIVIL_AFFAIRS = "某某县民政局"


def past_figures(
    rng: random.Random,
    scale: int,
    carried_over: dict[str, int] | None = None,
    forward: int | None = None,
    in_force_before: int = 38,
) -> Figures:
    """A consistent year: result rows, carry-overs, and new applications that balance them.

    `carried_over` is last year's 结转下年度 (carry-over is an identity between consecutive
    reports); `forward`, when given, is what every column carries into the next year;
    `in_force_before` is last year's count of 行政规范性文件 in force, which this year's 制发
    and 废止 move on.
    """
    figures = Figures()
    weights = {"granted": 6, "partial": 2, "unable_not_held": 3, "not_processed_repeat": 1}
    for row in TABLE3_RESULT_KEYS:
        weight = weights.get(row, 0.3)
        cells = {c: rng.randint(0, int(scale * weight)) for c in APPLICANT_KEYS}
        cells["natural_person"] *= 3
        figures.table3[row] = {**cells, "total": sum(cells.values())}
    for c in TABLE3_COLUMN_KEYS:
        if c == "total":
            continue
        handled = sum(figures.table3[row][c] for row in TABLE3_RESULT_KEYS)
        carried = carried_over[c] if carried_over else rng.randint(0, 3)
        # Never fewer handled than carried over and carried forward, so 新收 is never negative.
        onward = forward if forward is not None else carried + rng.randint(0, 3)
        handled = max(handled, carried - onward)
        figures.table3[TABLE3_RESULT_KEYS[0]][c] += handled - sum(
            figures.table3[row][c] for row in TABLE3_RESULT_KEYS
        )
        figures.table3["total"][c] = handled
        figures.table3["carried_over"][c] = carried
        figures.table3["carried_forward"][c] = onward
        figures.table3["new_received"][c] = handled + onward - carried
    for row in (*TABLE3_RESULT_KEYS, "total", "carried_over", "carried_forward", "new_received"):
        figures.table3[row]["total"] = sum(figures.table3[row][c] for c in APPLICANT_KEYS)
    for group in figures.table4:
        parts = [rng.randint(0, 2) for _ in TABLE4_COLUMN_KEYS[:-1]]
        figures.table4[group] = dict(zip(TABLE4_COLUMN_KEYS, [*parts, sum(parts)], strict=True))
    issued = rng.randint(2, 9)
    figures.table2 = Table2(
        regulations={"issued": 0, "repealed": 0, "in_force": 0},
        normative_documents={
            "issued": issued,
            "repealed": 1,
            "in_force": in_force_before + issued - 1,
        },
        licensing=rng.randint(200, 900),
        punishment=rng.randint(5, 60),
        coercion=rng.randint(0, 5),
        fees=Decimal(rng.randint(0, 300)) / 10,
    )
    return figures


def _import_past(agency, year: int, figures: Figures) -> None:
    content = ReportContent(
        agency=agency.name,
        year=year,
        format_code="2021",
        overview=f"{year}年，{agency.name}认真贯彻落实《中华人民共和国政府信息公开条例》。",
        problems="公开内容还不够全面。",
        other_matters=f"{year}年本机关收取信息处理费共计0元。",
        figures=figures,
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{agency.name}{year}.html"
        path.write_text(write_html(content), encoding="utf-8")
        services.import_published(agency, year, path, user=access.PAST_REPORT_IMPORT)


def load(*, agencies: dict, users: dict) -> None:
    rng = random.Random(49)
    this_year = timezone.localdate().year
    for name in (COUNTY, CIVIL_AFFAIRS):
        # The 民政局's last imported year carries nothing forward: the report built next from
        # its demo cases (which start within that next year) opens with nothing carried over.
        last_forward = 0 if name == CIVIL_AFFAIRS else None
        previous = None
        in_force = 38
        for offset, scale in ((3, 4), (2, 6)):
            figures = past_figures(
                rng, scale, previous, last_forward if offset == 2 else None, in_force
            )
            _import_past(agencies[name], this_year - offset, figures)
            previous = figures.table3["carried_forward"]
            in_force = figures.table2.normative_documents["in_force"]
    # Last year's report of the 民政局 built from its demo cases, and taken through the lifecycle.
    agency = agencies[CIVIL_AFFAIRS]
    with acting_as(actor_for_user(users["mz_clerk"])):
        report = services.create_draft(agency, this_year - 1, user=users["mz_clerk"])
        services.enter_figures(
            report, user=users["mz_clerk"], licensing="312", punishment="8", coercion="0", fees="0"
        )
    with acting_as(actor_for_user(users["mz_leader"])):
        services.submit(report, user=users["mz_leader"])
    with acting_as(actor_for_user(users["county_supervisor"])):
        services.accept(report, user=users["county_supervisor"])
    with acting_as(actor_for_user(users["mz_leader"])):
        services.publish(report, user=users["mz_leader"])
