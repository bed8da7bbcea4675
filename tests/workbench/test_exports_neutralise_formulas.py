"""A value that a spreadsheet would run as a formula (= + - @, a tab or a carriage return first)
is exported as text: in every CSV export and in the annual report's workbook, title included."""

import csv
import dataclasses
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.lib.spreadsheet_cells import as_text_cell
from gongkai.reports import services
from gongkai.reports.exports import export
from tests.conftest import login, make_staff

pytestmark = pytest.mark.django_db

FORMULAS = ["=1+2", "+1+2", "-1+2", "@SUM(A1)", "\t=1+2", "\r=1+2", '=HYPERLINK("http://x","y")']


@pytest.mark.parametrize("value", FORMULAS)
def test_a_formula_becomes_text(value):
    assert as_text_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["李四", "2026-12-01", "", 12, "1+2"])
def test_other_values_are_kept(value):
    assert as_text_cell(value) == value


def test_the_staff_csv_exports_a_formula_name_as_text(agency_a):
    admin = make_staff(agency_a, "agency_admin")
    make_staff(agency_a, "clerk", full_name="=1+2")
    response = login(admin).get(reverse("workbench:staff_export"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    names = [row[1] for row in rows[1:]]
    assert "'=1+2" in names
    assert "=1+2" not in names


def test_the_report_workbook_title_and_cells_are_never_formulas(agency_a, user_a, tmp_path):
    report = services.create_draft(agency_a, 2025, user=user_a)
    content = dataclasses.replace(services.content_of(report), agency='=HYPERLINK("http://x","y")')
    path = tmp_path / "report.xlsx"
    path.write_bytes(export(content, "xlsx").data)
    book = load_workbook(path)
    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    title = book.worksheets[0]["A1"].value
    assert title.startswith("'=HYPERLINK")
