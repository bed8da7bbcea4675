"""The agency's 政府信息公开 page lists its active columns with their last update; a column
with nothing published shows its 情况说明; another agency's items never date a column."""

from datetime import date

from tests.catalog.makers import Team
from tests.columns.makers import make_column, publish_on


def test_columns_with_dates_and_explanations(client, agency_a, agency_b):
    make_column(agency_a, "统计信息", genre="统计数据")
    publish_on(Team(agency_a), "统计数据", date(2026, 11, 20))
    publish_on(Team(agency_b), "统计数据", date(2026, 11, 28))
    make_column(agency_a, "行政事业性收费", kind="other", explanation="本局无行政事业性收费项目。")
    make_column(agency_a, "停用栏目", kind="other", is_active=False)
    html = client.get(f"/xxgk/agencies/{agency_a.pk}/").content.decode()
    section = html[html.index('id="agency-columns"') :]
    assert "统计信息" in section and "最近更新：2026-11-20" in section
    assert "2026-11-28" not in section
    assert "情况说明：" in section and "本局无行政事业性收费项目。" in section
    assert "停用栏目" not in section
    assert "工作动态" in section and "暂无信息" in section
