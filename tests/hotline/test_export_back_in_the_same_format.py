"""The results go back to the platform in the format it sent: the same columns in the same
order with the handling results after them, the caller masked (empty on a confidential order),
XLSX as XLSX, a GB18030 CSV in GB18030, JSON Lines as JSON Lines; the command line imports the
file with the agency's id and exports the batch."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.hotline import exporter
from gongkai.hotline.importer import Importer
from gongkai.hotline.models import ImportBatch, WorkOrder
from gongkai.hotline.workflow import ORDER_WORKFLOW
from tests.conftest import login, make_staff
from tests.hotline.makers import HEADERS, csv_bytes, json_bytes, rows, xlsx_bytes

pytestmark = pytest.mark.django_db
RESULTS = ["办理状态", "承办单位", "答复内容", "答复时间", "退单理由", "延期工作日", "办结时间"]


def _answered(agency, clerk, data, name):
    report = Importer(user=clerk, agency=agency).run(data, name)
    order = WorkOrder.objects.get(number="GD202611300001")
    ORDER_WORKFLOW.perform(order, "accept", {}, user=clerk)
    ORDER_WORKFLOW.perform(order, "reply", {"text": "=已修复"}, user=clerk)
    return report.batch


def test_xlsx_comes_back_as_xlsx(agency_a):
    clerk = make_staff(agency_a, "clerk")
    batch = _answered(agency_a, clerk, xlsx_bytes(rows(2)), "派单.xlsx")
    export = exporter.export_batch(batch)
    assert export.file_name == "派单-办理结果.xlsx"
    sheet = load_workbook(io.BytesIO(export.data)).active
    table = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert table[0] == HEADERS + RESULTS
    first = dict(zip(table[0], table[1], strict=True))
    assert first["工单编号"] == "GD202611300001" and first["来电号码"] == "139****0001"
    # A reply starting with «=» is written as text, never as a formula.
    assert first["办理状态"] == "已答复" and first["答复内容"] == "'=已修复"
    assert first["承办单位"] == agency_a.name and first["答复时间"] == "2026-12-01"


def test_gb18030_csv_and_json_lines_keep_their_shape(agency_a):
    clerk = make_staff(agency_a, "clerk")
    batch = _answered(agency_a, clerk, csv_bytes(rows(2), encoding="gb18030"), "派单.csv")
    data = exporter.export_batch(batch).data
    assert data.decode("gb18030").splitlines()[0] == ",".join(HEADERS + RESULTS)

    WorkOrder.objects.all().delete()
    lines = json_bytes(rows(2), lines=True)
    batch = _answered(agency_a, clerk, lines, "派单.jsonl")
    records = [json.loads(line) for line in exporter.export_batch(batch).data.splitlines()]
    assert list(records[0]) == HEADERS + RESULTS and records[1]["办理状态"] == "待签收"


def test_the_command_line_imports_with_the_agency_id_and_exports(agency_a, tmp_path, capsys):
    path = tmp_path / "派单.csv"
    table = rows(3)
    table[0][3] = ""
    path.write_bytes(csv_bytes(table))
    with pytest.raises(SystemExit) as exited:
        call_command("hotline", "import", str(path), "--agency", str(agency_a.pk))
    assert exited.value.code == 1
    out = capsys.readouterr()
    assert "第 2 行：工单GD202611300001缺少诉求内容" in out.err
    assert "新增工单 2" in out.out
    batch = ImportBatch.objects.get()
    assert batch.imported_by is None and WorkOrder.objects.count() == 2
    target = tmp_path / "结果.csv"
    call_command("hotline", "export", str(batch.pk), "-o", str(target))
    assert target.read_bytes().decode("utf-8-sig").splitlines()[0].endswith("办结时间")
    admin = make_staff(agency_a, "clerk")
    page = login(admin).get(reverse("hotline:batches")).content.decode()
    assert "派单.csv" in page and reverse("hotline:batch_export", args=[batch.pk]) in page
    download = login(admin).get(reverse("hotline:batch_export", args=[batch.pk]))
    assert download.status_code == 200 and download["Content-Type"].startswith("text/csv")
