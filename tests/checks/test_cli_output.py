"""`gongkai check` prints JSON or located, explained findings, and exits non-zero on blocks."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

BLOCKING = "机密★10年\n县政府办公室关于做好防汛工作的通知\n截止2023年底完成。"
WARNING_ONLY = "截止2023年底，共公开信息30条。"


def gongkai(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run the installed console script as staff do."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "gongkai.settings.test"}
    return subprocess.run(
        [str(Path(sys.executable).with_name("gongkai")), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_json_is_one_object_per_file_with_exactly_the_documented_keys(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(BLOCKING, encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("check", str(path), "--json", stdout=out)
    assert exit_.value.code == 1
    [line] = out.getvalue().splitlines()
    result = json.loads(line)
    assert set(result) == {"file", "findings"}
    assert result["file"] == str(path)
    first = result["findings"][0]
    assert set(first) == {"kind", "severity", "start", "end", "text", "message", "suggestion"}
    assert first == {
        "kind": "secret_marking",
        "severity": "block",
        "start": 0,
        "end": 6,
        "text": "机密★10年",
        "message": first["message"],
        "suggestion": first["suggestion"],
    }
    assert "不得公开" in first["message"]


def test_human_output_gives_line_column_context_and_suggestion(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(BLOCKING, encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("check", str(path), stdout=out)
    report = out.getvalue()
    assert f"{path}：发现 2 项问题（必须处理 1 项，警告 1 项）" in report
    assert "1:1 [必须处理] 涉密标志（secret_marking）" in report
    assert "3:1 [警告] 错别字（miswritten_word）" in report
    assert "【截止】2023年底完成。" in report
    assert "建议：截至" in report


def test_warnings_alone_exit_zero():
    result = gongkai("check", stdin=WARNING_ONLY)
    assert result.returncode == 0, result.stderr
    assert "-：发现 1 项问题（警告 1 项）" in result.stdout


def test_block_exits_non_zero_and_stdin_is_read_without_a_file():
    result = gongkai("check", "--json", stdin=BLOCKING)
    assert result.returncode == 1
    assert json.loads(result.stdout)["file"] == "-"


def test_clean_text_says_so():
    result = gongkai("check", "-", stdin="县人民政府关于公布2024年政府信息公开工作要点的通知")
    assert result.returncode == 0
    assert result.stdout.strip() == "-：未发现问题。"


def test_empty_standard_input_is_an_error():
    result = gongkai("check", stdin="")
    assert result.returncode == 1
    assert "0 字节" in result.stderr
