"""The report as a standalone HTML document: the portal's own markup, without the site around it."""

from django.template.loader import render_to_string

from .. import charts
from ..content import ReportContent
from . import sections


def context(content: ReportContent) -> dict:
    return {
        "content": content,
        "sections": sections(content),
        "charts": [charts.svg(chart) for chart in charts.year_over_year(content.history)],
    }


def write_html(content: ReportContent) -> str:
    return render_to_string("reports/document.html", context(content))
