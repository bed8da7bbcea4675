"""Work orders made through the intake service, as the platform's file or API brings them, and
the platform's export files in each format."""

import csv
import io
import json
from datetime import datetime, timedelta

from django.utils import timezone
from openpyxl import Workbook

from gongkai.agencies.access import PLATFORM_ORDER_IMPORT
from gongkai.hotline import services
from gongkai.hotline.caller import Caller
from gongkai.hotline.models import WorkOrder

CALLER = Caller("张三丰", "13800138000", "某某县城关镇幸福路18号3单元")


def at(text: str) -> datetime:
    """A dispatch time on Beijing time: «2026-11-30 09:00»."""
    return timezone.make_aware(datetime.fromisoformat(text))


def make_order(
    agency,
    number: str = "GD20261130001",
    *,
    kind: str = "consult",
    dispatched: str = "2026-11-30 09:00",
    subject: str = "咨询低保申请需要哪些材料",
    caller: Caller = CALLER,
    user=PLATFORM_ORDER_IMPORT,
    **fields,
) -> WorkOrder:
    order, _ = services.receive(
        agency,
        services.Incoming(
            number=number,
            kind=kind,
            subject=subject,
            content=fields.pop("content", f"{subject}？来电人希望尽快答复。"),
            dispatched_at=at(dispatched),
            caller=caller,
            **fields,
        ),
        user=user,
    )
    return order


HEADERS = ["工单编号", "工单类别", "标题", "诉求内容", "来电人", "来电号码", "地址", "派单时间"]


def rows(count: int = 3, start: int = 1) -> list[list[str]]:
    """Platform rows, each a different caller and matter, dispatched on 30 November."""
    return [
        [
            f"GD2026113000{n:02d}",
            ["咨询", "求助", "投诉"][n % 3],
            f"第{n}号诉求：小区路灯不亮影响夜间出行",
            f"第{n}号诉求内容：幸福路小区{n}栋门前路灯损坏一个月。",
            f"来电人{n}",
            f"1390000{n:04d}",
            f"某某县城关镇幸福路{n}号",
            f"2026-11-30 {8 + n % 8:02d}:15:00",
        ]
        for n in range(start, start + count)
    ]


def csv_bytes(table: list[list[str]], headers=HEADERS, encoding="utf-8-sig") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(table)
    return out.getvalue().encode(encoding)


def xlsx_bytes(table: list[list], headers=HEADERS) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in table:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def json_bytes(table: list[list], headers=HEADERS, *, lines: bool = False) -> bytes:
    records = [dict(zip(headers, row, strict=True)) for row in table]
    if lines:
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    return json.dumps(records, ensure_ascii=False, indent=2).encode()


CALL_HEADERS = [
    "呼叫流水号",
    "热线号码",
    "主叫号码",
    "振铃时间",
    "接听时间",
    "挂机时间",
    "坐席工号",
    "科室",
    "是否转接",
    "转接成功",
    "满意度",
]


def call_row(
    call_id: str,
    ring: str,
    *,
    wait: int | None = 5,
    talk: int = 120,
    phone: str = "13800138000",
    unit: str = "",
    transferred: str = "否",
    succeeded: str = "",
    rating: str = "满意",
) -> list[str]:
    """One telephone-system row: rang at `ring` (2026-11-30 09:00:00), answered after `wait`
    seconds (None: missed) and talked for `talk`."""
    rang = datetime.fromisoformat(ring)
    answered = rang + timedelta(seconds=wait) if wait is not None else None
    ended = (answered or rang) + timedelta(seconds=talk if answered else 30)
    return [
        call_id,
        "96128",
        phone,
        f"{rang:%Y-%m-%d %H:%M:%S}",
        f"{answered:%Y-%m-%d %H:%M:%S}" if answered else "",
        f"{ended:%Y-%m-%d %H:%M:%S}",
        "8001",
        unit,
        transferred,
        succeeded,
        rating if answered else "",
    ]
