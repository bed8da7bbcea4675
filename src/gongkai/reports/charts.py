"""The annual report's year-over-year bar charts, for the portal and the PDF; drawn with the
shared chart shapes of `lib/charts.py`."""

from gongkai.lib import charts as shapes

# The report's pages and exports draw them with the shared writers and measures.
from gongkai.lib.charts import HEIGHT, WIDTH, Chart, drawing, svg  # noqa: F401


def bar_chart(
    title: str,
    slug: str,
    years: list[int],
    series: dict[str, list[int | None]],
    captions: list[str] | None = None,
) -> Chart:
    """Bars per year, one bar per series side by side (a missing figure leaves a gap).
    `captions` name the groups when they are not years (an assessment round's title)."""
    return shapes.bar_chart(title, slug, captions or [f"{year}年" for year in years], series)


def year_over_year(history: list[dict]) -> list[Chart]:
    """The three charts of the portal and the PDF: applications, outcomes, proactive items."""
    if not history:
        return []
    years = [entry["year"] for entry in history]
    charts = [
        bar_chart(
            "历年新收政府信息公开申请数量（件）",
            "received",
            years,
            {"新收申请": [entry["received"] for entry in history]},
        )
    ]
    names = list(history[-1]["outcomes"])
    charts.append(
        bar_chart(
            "历年申请办理结果（件）",
            "outcomes",
            years,
            {name: [entry["outcomes"].get(name) for entry in history] for name in names},
        )
    )
    if any(entry.get("proactive_items") is not None for entry in history):
        charts.append(
            bar_chart(
                "历年主动公开政府信息数量（条）",
                "proactive",
                years,
                {"主动公开": [entry.get("proactive_items") for entry in history]},
            )
        )
    return charts
