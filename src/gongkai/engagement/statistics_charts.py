"""The charts of the workbench's 政民互动 statistics: received, answered and answered on time
per month, and per agency for a 主管部门 reading its subordinates; drawn with `lib/charts.py`,
the shapes the annual report's charts use."""

from gongkai.lib.charts import WIDTH, Chart, bar_chart

from .oversight import Counters, Month

SERIES = ("收到", "答复", "按时答复")
# Room for an agency's short name under its bars.
PER_AGENCY_WIDTH = 72


def per_month(title: str, slug: str, months: list[Month]) -> Chart:
    return bar_chart(
        title,
        slug,
        [f"{m.month}月" for m in months],
        {
            SERIES[0]: [m.received for m in months],
            SERIES[1]: [m.answered for m in months],
            SERIES[2]: [m.on_time for m in months],
        },
    )


def per_agency(title: str, slug: str, totals: dict[object, Counters]) -> Chart:
    agencies = list(totals)
    return bar_chart(
        title,
        slug,
        [agency.display_name for agency in agencies],
        {
            SERIES[0]: [totals[a].received for a in agencies],
            SERIES[1]: [totals[a].answered for a in agencies],
            SERIES[2]: [totals[a].on_time for a in agencies],
        },
        width=max(WIDTH, 60 + PER_AGENCY_WIDTH * len(agencies)),
    )
