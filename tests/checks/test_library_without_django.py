"""The checks run as a plain library: no Django settings, no database, no web server."""

import json
import os
import subprocess
import sys

SCRIPT = """
import json
from gongkai.checks import check_text
findings = check_text("身份证号320106199003071234，截止2023年底。")
print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False))
"""


def test_check_text_needs_no_django_settings():
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    findings = json.loads(result.stdout)
    assert [(f["kind"], f["start"], f["end"]) for f in findings] == [
        ("id_number", 4, 22),
        ("miswritten_word", 23, 25),
    ]
