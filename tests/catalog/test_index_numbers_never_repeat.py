"""索引号 are issued per agency and year as <统一社会信用代码>/<year>-<serial>, unique and never
reused, skipping any number a legacy import already holds."""

from datetime import date

import pytest

from gongkai.catalog import services
from gongkai.catalog.models import InfoItem
from gongkai.lib.errors import Refused
from tests.catalog.makers import item_data, make_item

pytestmark = pytest.mark.django_db


def test_numbers_follow_the_credit_code_and_count_up(agency_a):
    first, second = make_item(agency_a), make_item(agency_a, title="第二条信息")
    year = first.created_at.year
    assert first.index_no == f"{agency_a.credit_code}/{year}-00001"
    assert second.index_no == f"{agency_a.credit_code}/{year}-00002"


def test_a_legacy_number_in_the_way_is_skipped(agency_a):
    from tests.conftest import make_staff

    clerk = make_staff(agency_a, "clerk")
    year = make_item(agency_a, clerk).created_at.year
    legacy = f"{agency_a.credit_code}/{year}-00002"
    services.create_item(user=clerk, agency=agency_a, data=item_data(), index_no=legacy)
    third = make_item(agency_a, clerk, title="又一条")
    assert third.index_no == f"{agency_a.credit_code}/{year}-00003"
    assert InfoItem.objects.filter(index_no=legacy).count() == 1


def test_a_taken_number_is_refused_with_a_reason(agency_a):
    from tests.conftest import make_staff

    clerk = make_staff(agency_a, "clerk")
    services.create_item(
        user=clerk, agency=agency_a, data=item_data(), index_no="000014349/2019-00123"
    )
    with pytest.raises(Refused, match="已被其他信息使用"):
        services.create_item(
            user=clerk, agency=agency_a, data=item_data(), index_no="000014349/2019-00123"
        )


def test_numbers_of_two_agencies_do_not_meet(agency_a, agency_b):
    assert make_item(agency_a).index_no != make_item(agency_b).index_no


def test_the_number_carries_the_year_the_document_was_written(agency_a):
    """One year rule for the workbench, the API and the import: the 成文日期's year, else the
    year of registration."""
    written_2024 = make_item(agency_a, written_on=date(2024, 6, 3), title="2024年的文件")
    undated = make_item(agency_a, written_on=None, title="没有成文日期的信息")
    assert written_2024.index_no == f"{agency_a.credit_code}/2024-00001"
    assert undated.index_no.startswith(f"{agency_a.credit_code}/{undated.created_at.year}-")
    assert services.issue_index_numbers(agency_a, 2024, 2) == [
        f"{agency_a.credit_code}/2024-00002",
        f"{agency_a.credit_code}/2024-00003",
    ]
