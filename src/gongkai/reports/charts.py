"""Year-over-year bar charts drawn on the server, as SVG for pages and as drawings for the PDF.

A chart is first laid out as plain shapes (bars, lines, labels) in a fixed coordinate box; the
SVG writer and the PDF writer draw those same shapes, so the page and the PDF agree. SVG uses
presentation attributes only, which the site's content security policy allows.
"""

from dataclasses import dataclass, field
from html import escape

WIDTH, HEIGHT = 480, 220
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 30, 40
PALETTE = ("#1f5f99", "#c0392b", "#7f8c8d", "#d68910", "#27ae60", "#8e44ad")


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str  # what a screen reader hears for this bar


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str
    anchor: str = "middle"  # start, middle, end
    size: float = 10


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass
class Chart:
    title: str
    slug: str
    bars: list[Bar] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    legend: list[tuple[str, str]] = field(default_factory=list)  # (colour, name)


def _scale_top(maximum: int) -> int:
    """A round axis maximum at or above `maximum` whose quarters are whole, round numbers."""
    if maximum <= 4:
        return 4
    quarter = -(-maximum // 4)
    power = 10 ** (len(str(quarter)) - 1)
    for nice in (1, 2, 2.5, 5, 10):
        step = nice * power
        if step >= quarter and step == int(step):
            return int(step) * 4
    return quarter * 4


def bar_chart(
    title: str,
    slug: str,
    years: list[int],
    series: dict[str, list[int | None]],
    captions: list[str] | None = None,
) -> Chart:
    """Bars per year, one bar per series side by side (a missing figure leaves a gap).
    `captions` name the groups when they are not years (an assessment round's title)."""
    captions = captions or [f"{year}年" for year in years]
    chart = Chart(title, slug)
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    values = [v for vs in series.values() for v in vs if v is not None]
    top = _scale_top(max(values, default=0))
    chart.texts.append(Text(WIDTH / 2, 16, title, size=12))
    base = TOP + plot_h
    for i in range(5):
        y = base - plot_h * i / 4
        chart.lines.append(Line(LEFT, y, WIDTH - RIGHT, y))
        chart.texts.append(Text(LEFT - 4, y + 3, f"{round(top * i / 4)}", anchor="end", size=8))
    group_w = plot_w / max(len(years), 1)
    # Wide bars for a single year would read as a block, not as a bar.
    bar_w = min(group_w * 0.7 / max(len(series), 1), 48)
    offset = (group_w - bar_w * len(series)) / 2
    for index, (name, vs) in enumerate(series.items()):
        colour = PALETTE[index % len(PALETTE)]
        if len(series) > 1:
            chart.legend.append((colour, name))
        for y_index, value in enumerate(vs):
            if value is None:
                continue
            height = plot_h * value / top
            x = LEFT + group_w * y_index + offset + bar_w * index
            label = f"{captions[y_index]}{name}{value}"
            chart.bars.append(Bar(x, base - height, bar_w, height, colour, label))
            if len(series) == 1:
                chart.texts.append(Text(x + bar_w / 2, base - height - 3, str(value), size=8))
    for y_index, caption in enumerate(captions):
        chart.texts.append(Text(LEFT + group_w * (y_index + 0.5), base + 14, caption, size=9))
    for index, (colour, name) in enumerate(chart.legend):
        x = LEFT + index * 70
        chart.bars.append(Bar(x, HEIGHT - 14, 8, 8, colour, ""))
        chart.texts.append(Text(x + 11, HEIGHT - 7, name, anchor="start", size=8))
    return chart


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


def svg(chart: Chart) -> str:
    """The chart as an accessible SVG element (role img, a title, each bar titled)."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="chart-{chart.slug}" '
        f'class="report-chart">',
        f'<title id="chart-{chart.slug}">{escape(chart.title)}</title>',
    ]
    for line in chart.lines:
        parts.append(
            f'<line x1="{line.x1:.1f}" y1="{line.y1:.1f}" x2="{line.x2:.1f}" y2="{line.y2:.1f}" '
            'stroke="#d0d0d0" stroke-width="1"/>'
        )
    for bar in chart.bars:
        title = f"<title>{escape(bar.label)}</title>" if bar.label else ""
        parts.append(
            f'<rect x="{bar.x:.1f}" y="{bar.y:.1f}" width="{bar.width:.1f}" '
            f'height="{bar.height:.1f}" fill="{bar.colour}">{title}</rect>'
        )
    for text in chart.texts:
        parts.append(
            f'<text x="{text.x:.1f}" y="{text.y:.1f}" text-anchor="{text.anchor}" '
            f'font-size="{text.size}" fill="#222">{escape(text.text)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def drawing(chart: Chart, font: str):
    """The chart as a reportlab Drawing (y axis flipped: PDF coordinates grow upwards)."""
    from reportlab.graphics.shapes import Drawing, Rect, String
    from reportlab.graphics.shapes import Line as PdfLine
    from reportlab.lib.colors import HexColor

    picture = Drawing(WIDTH, HEIGHT)
    for line in chart.lines:
        picture.add(
            PdfLine(
                line.x1,
                HEIGHT - line.y1,
                line.x2,
                HEIGHT - line.y2,
                strokeColor=HexColor("#d0d0d0"),
                strokeWidth=0.5,
            )
        )
    for bar in chart.bars:
        picture.add(
            Rect(
                bar.x,
                HEIGHT - bar.y - bar.height,
                bar.width,
                bar.height,
                fillColor=HexColor(bar.colour),
                strokeColor=None,
            )
        )
    for text in chart.texts:
        picture.add(
            String(
                text.x,
                HEIGHT - text.y,
                text.text,
                fontName=font,
                fontSize=text.size,
                textAnchor=text.anchor,
            )
        )
    return picture
