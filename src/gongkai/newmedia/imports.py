"""The last post of each account from a spreadsheet (CSV), as a monitoring service exports it
or a clerk keeps it: 平台, 账号名称, 最近发布日期 — one row per account.

All or nothing: a file with any row that names no account of the agency or no readable date is
refused with every such row listed, and nothing is changed. A date older than the one recorded
leaves the account as it is (a stale export does not make an account look older).
"""

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.lib.errors import Refused

from .models import LastPostSource, NewMediaAccount, Platform

HEADERS = {
    "platform": ("平台", "platform"),
    "name": ("账号名称", "name"),
    "day": ("最近发布日期", "last_post_on"),
}
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
MAX_ROWS = 5000


@dataclass
class Outcome:
    updated: list[NewMediaAccount] = field(default_factory=list)
    unchanged: list[NewMediaAccount] = field(default_factory=list)


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Refused("无法识别文件的编码，请另存为 UTF-8 或 GB18030 编码的 CSV 文件", "file")


def parse_day(text: str) -> date | None:
    found = _DATE.match(text or "")
    if not found:
        return None
    try:
        return date(*(int(part) for part in found.groups()))
    except ValueError:
        return None


def _platform(text: str) -> str | None:
    text = (text or "").strip()
    for value, label in Platform.choices:
        if text in (value, str(label)):
            return value
    return None


def _column(headers: list[str], key: str) -> int:
    names = HEADERS[key]
    for index, header in enumerate(headers):
        if header.strip() in names:
            return index
    raise Refused(f"表格缺少“{names[0]}”列（首行应为：平台,账号名称,最近发布日期）", "file")


def import_last_posts(agency: Agency, data: bytes, *, user) -> Outcome:
    access.require(user, "newmedia.change", agency)
    rows = list(csv.reader(io.StringIO(decode(data))))
    if not rows:
        raise Refused("文件是空的", "file")
    if len(rows) > MAX_ROWS:
        raise Refused(f"一次最多导入{MAX_ROWS}行", "file")
    headers, body = rows[0], rows[1:]
    at = {key: _column(headers, key) for key in HEADERS}
    accounts = {(a.platform, a.name): a for a in NewMediaAccount.objects.filter(agency=agency)}
    problems, found = [], []
    for line, row in enumerate(body, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = {key: row[index].strip() if index < len(row) else "" for key, index in at.items()}
        platform, day = _platform(cells["platform"]), parse_day(cells["day"])
        account = accounts.get((platform, cells["name"]))
        if account is None:
            problems.append(f"第{line}行：本机关没有{cells['platform']}账号“{cells['name']}”")
        elif day is None:
            problems.append(f"第{line}行：日期“{cells['day']}”无法识别（应如 2026-11-30）")
        else:
            found.append((account, day))
    if problems:
        raise Refused("；".join(problems) + "。未导入任何数据。", "file")
    outcome = Outcome()
    with transaction.atomic():
        for account, day in found:
            if account.last_post_on is not None and day <= account.last_post_on:
                outcome.unchanged.append(account)
                continue
            account.last_post_on, account.last_post_source = day, LastPostSource.IMPORTED
            account.save()
            outcome.updated.append(account)
    return outcome
