"""`gongkai check` reports each unreadable file clearly and still checks the others."""

import io
import json
import random

import pytest
from django.core.management import call_command

from .documents import write_docx, write_pdf

GOOD_TEXT = "县民政局关于2024年城乡低保资金发放情况的公示。"


def run_json(*files: str) -> tuple[list[dict], int]:
    out = io.StringIO()
    code = 0
    try:
        call_command("check", *files, "--json", stdout=out, stderr=io.StringIO())
    except SystemExit as exit_:
        code = exit_.code
    return [json.loads(line) for line in out.getvalue().splitlines()], code


@pytest.fixture
def bad_files(tmp_path):
    encrypted = write_pdf(tmp_path / "encrypted.pdf", [["机密文件"]], password="s3cret")
    real_docx = write_docx(tmp_path / "real.docx", ["正文"])
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(real_docx.read_bytes()[:700])
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(random.Random(4).randbytes(4096))
    huge = tmp_path / "huge.txt"
    # A sparse file: 201 MB on paper, no disk used; the size is refused before reading.
    with huge.open("wb") as handle:
        handle.truncate(201 * 1024 * 1024)
    return {
        "encrypted": str(encrypted),
        "corrupt": str(corrupt),
        "empty": str(empty),
        "garbage": str(garbage),
        "huge": str(huge),
        "missing": str(tmp_path / "missing.pdf"),
    }


def test_every_bad_file_gets_its_own_error_and_the_good_file_is_checked(tmp_path, bad_files):
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT + "联系手机13987654321。", encoding="utf-8")
    files = [*bad_files.values(), str(good)]
    results, code = run_json(*files)

    assert code == 1
    assert [result["file"] for result in results] == files
    errors = {name: results[i].get("error", "") for i, name in enumerate(bad_files)}
    assert "已加密" in errors["encrypted"]
    assert "损坏" in errors["corrupt"]
    assert "0 字节" in errors["empty"]
    assert "二进制" in errors["garbage"]
    assert "超过 200 MB" in errors["huge"]
    assert "不存在" in errors["missing"]
    assert all(results[i]["findings"] == [] for i in range(len(bad_files)))
    assert [f["kind"] for f in results[-1]["findings"]] == ["phone_number"]


def test_lowered_size_limit_applies(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(GOOD_TEXT * 10, encoding="utf-8")
    results, code = run_json(str(path), "--max-bytes", "100")
    assert code == 1
    assert "超过" in results[0]["error"]


def test_scanned_pdf_without_text_is_an_error_not_a_clean_result(tmp_path):
    path = write_pdf(tmp_path / "scan.pdf", [[]])
    results, code = run_json(str(path))
    assert code == 1
    assert "扫描" in results[0]["error"]


def test_human_output_names_the_bad_file_on_stderr(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    err = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("check", str(empty), stdout=io.StringIO(), stderr=err)
    assert f"{empty}：无法检查。文件为空（0 字节）" in err.getvalue()
