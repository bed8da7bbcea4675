"""`gongkai oversight probe [--agency ID] [--json]` runs every probe, keeps the run and its
results per agency and probe, and prints what failed with its evidence."""

import json
from io import StringIO

from django.core.management import call_command

from gongkai.oversight.models import ProbeResult, ProbeRun
from gongkai.oversight.probes import PROBES
from tests.oversight.makers import make_clean, make_problems


def test_the_command_keeps_the_run_and_reports_json(county, agency_a, agency_b):
    make_problems(agency_a)
    make_clean(agency_b)
    out = StringIO()
    call_command("oversight", "probe", "--agency", str(agency_a.pk), "--json", stdout=out)
    printed = json.loads(out.getvalue())
    run = ProbeRun.objects.get()
    assert printed["run"] == run.pk and run.agency_count == 1
    assert ProbeResult.objects.filter(run=run).count() == len(PROBES)
    kept = ProbeResult.objects.get(run=run, agency=agency_a, probe="letters.incomplete")
    assert kept.count == 1 and "救济途径" in kept.evidence[0]["detail"]
    assert {f["probe"] for f in printed["findings"]} >= {"columns.empty", "messages.overdue"}
    assert all(f["agency_id"] == agency_a.pk for f in printed["findings"])

    out, err = StringIO(), StringIO()
    call_command("oversight", "probe", "--agency", agency_b.credit_code, stdout=out, stderr=err)
    assert out.getvalue() == "" and "发现问题0处" in err.getvalue()
    assert ProbeRun.objects.count() == 2


def test_the_command_lists_exports_and_imports_systems(county, tmp_path):
    from gongkai.oversight.standing import install_shipped

    install_shipped()
    out = StringIO()
    call_command("oversight", "export", "website-2019", stdout=out)
    path = tmp_path / "copy.yaml"
    path.write_text(out.getvalue(), encoding="utf-8")
    out = StringIO()
    call_command("oversight", "import", str(path), "--owner", county.credit_code, stdout=out)
    assert "已导入为草稿" in out.getvalue()
    out = StringIO()
    call_command("oversight", "systems", stdout=out)
    assert f"website-2019-{county.pk}" in out.getvalue()
