"""This year's 上年结转 is last year's 结转下年度: consecutive reports built here agree by
construction, and a break (against an imported earlier report, say) is flagged and stops the
report from leaving the agency."""

import pytest
import time_machine
from django.core.management import call_command

from gongkai.lib.errors import Refused
from gongkai.reports import services
from tests.applications.cases import make_case
from tests.conftest import make_staff

from .makers import example_figures, html_report


def _mismatches(report) -> list[dict]:
    return [i for i in report.inconsistencies if i["rule"] == "carry_over_mismatch"]


def test_reports_built_here_carry_over_what_they_carried_forward(agency_a):
    leader = make_staff(agency_a, "clerk", "leader")
    with time_machine.travel("2024-12-20 10:00 +0800", tick=False):
        for _ in range(2):
            make_case(agency_a, "2024-12-19", user=leader)  # still open at the year's end
    with time_machine.travel("2025-01-06 10:00 +0800", tick=False):
        last_year = services.create_draft(agency_a, 2024, user=leader)
    with time_machine.travel("2026-01-06 10:00 +0800", tick=False):
        this_year = services.create_draft(agency_a, 2025, user=leader)
    assert last_year.figures["table3"]["carried_forward"]["total"] == 2
    assert this_year.figures["table3"]["carried_over"]["total"] == 2
    assert _mismatches(this_year) == []


def test_a_break_with_an_imported_report_is_flagged_and_blocks_submission(agency_a, tmp_path):
    path = tmp_path / "2024.html"
    path.write_text(html_report(example_figures("2021"), "2021", 2024, agency_a.name), "utf-8")
    call_command("report", "import", str(path), "--agency", agency_a.credit_code, "--year", "2024")
    leader = make_staff(agency_a, "clerk", "leader")
    with time_machine.travel("2026-01-06 10:00 +0800", tick=False):
        draft = services.create_draft(agency_a, 2025, user=leader)
        # The platform holds none of the 14 applications the 2024 report carried forward.
        total = [m for m in _mismatches(draft) if "总计" in m["where"]]
        assert total and "本年上年结转为 0，上年报告结转下年度为 14" in total[0]["detail"]
        with pytest.raises(Refused, match="勾稽关系不成立"):
            services.submit(draft, user=leader)
