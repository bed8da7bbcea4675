"""Year-over-year charts are plain shapes drawn the same way into SVG and into the PDF."""

import re

from gongkai.reports import charts

HISTORY = [
    {"year": 2023, "received": 40, "proactive_items": None, "outcomes": {"予以公开": 20}},
    {"year": 2024, "received": 80, "proactive_items": 300, "outcomes": {"予以公开": 50}},
]


def test_bar_heights_are_proportional_and_the_axis_is_round():
    chart = charts.year_over_year(HISTORY)[0]
    bars = [bar for bar in chart.bars if bar.label]
    assert [b.label for b in bars] == ["2023年新收申请40", "2024年新收申请80"]
    assert bars[1].height == 2 * bars[0].height
    assert {t.text for t in chart.texts} >= {"0", "20", "40", "60", "80"}


def test_svg_is_accessible_and_uses_no_inline_style():
    svg = charts.svg(charts.year_over_year(HISTORY)[0])
    assert 'role="img"' in svg and "<title" in svg
    assert "style=" not in svg and "<script" not in svg
    assert len(re.findall(r"<rect ", svg)) == 2


def test_a_year_without_a_figure_leaves_a_gap_and_the_pdf_drawing_matches():
    proactive = charts.year_over_year(HISTORY)[2]
    assert [b.label for b in proactive.bars] == ["2024年主动公开300"]
    drawing = charts.drawing(proactive, "Helvetica")
    assert (drawing.width, drawing.height) == (charts.WIDTH, charts.HEIGHT)
    assert charts.year_over_year([]) == []
