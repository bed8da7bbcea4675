"""Read what a report's prose says: its year, the reporting agency and the figures it states."""

import re
from collections import Counter
from decimal import Decimal

from ..figures import NarrativeFigures
from .cells import parse_amount

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_TITLE = re.compile(
    r"(?P<before>[^\n]*?)(?P<year>(?:19|20)\d\d)?\s*年?度?(?P<middle>[\u4e00-\u9fff]*?)"
    r"(?:政府)?(?:信息|政务)公开[\u4e00-\u9fff]{0,6}报告"
)
_REPORT_YEAR = (
    re.compile(r"((?:19|20)\d\d)\s*年度?[^\n。]{0,30}?(?:信息|政务)公开[^\n。]{0,8}?报告"),
    re.compile(r"统计期限?自\s*((?:19|20)\d\d)\s*年\s*1\s*月\s*1\s*日"),
    re.compile(r"((?:19|20)\d\d)\s*年度?数"),
    re.compile(r"(?:截至|截止|到)\s*((?:19|20)\d\d)\s*年\s*12\s*月\s*31\s*日"),
)
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")
_DATE_LINE = re.compile(
    r"^[\d〇○零一二三四五六七八九十]{4}\s*年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$"
)
_SITE_NOISE = re.compile(r"^.*(?:网站|官网|入口|平台)")
_AGENCY_SUFFIX = re.compile(
    r"[\u4e00-\u9fff]{1,14}?(?:人民政府办公室|人民政府|办公厅|办公室|委员会|局|厅|委|办|院|署|镇|乡|街道办事处|街道|中心)"
)

_NONE_RECEIVED = re.compile(
    r"(?:没有|未(?!经)|无)[^。;,.\n\d]{0,20}?(?:收到|接到|受理|提出)[^。;\n\d]{0,16}?申请"
    r"|(?:没有|无)依申请公开(?:事项|情况)"
)
_RECEIVED = re.compile(
    r"(?:收到|受理|新收)[^。;,.\n\d]{0,20}?申请[^。;,\n\d]{0,6}?(\d+)\s*(?:件|条|个|份|宗|次)"
)
# A statement of none needs a verb after the negation: 「尚未审结 总计 未经复议」 in a flattened
# table 4 header is not one.
_NONE_APPEALED = re.compile(r"(?:没有|未|无)(?:发生|出现|因|被|收到)[^。\n\d]{0,40}?复议")
_NONE_SUED = re.compile(r"(?:没有|未|无)(?:发生|出现|因|被|收到)[^。\n\d]{0,40}?诉讼")
_RECONSIDERED = re.compile(r"行政复议(?:案件)?[^。;,\n\d]{0,6}?(\d+)\s*(?:件|起|宗)")
_SUED = re.compile(r"行政诉讼(?:案件)?[^。;,\n\d]{0,6}?(\d+)\s*(?:件|起|宗)")
_FEES = re.compile(r"信息处理费[^。;\n\d]{0,20}?(\d+(?:\.\d+)?)\s*(万元|元)")
_NO_FEES = re.compile(r"(?:未|没有|无)[^。;\n]{0,10}?收取[^。;\n]{0,10}?(?:信息处理费|费用)")


def report_year(text: str) -> int | None:
    """The year the report covers, from the title, the statistical period or table headers."""
    for pattern in _REPORT_YEAR:
        match = pattern.search(text)
        if match:
            return int(match.group(1))
    years = Counter(int(found) for found in _ANY_YEAR.findall(text))
    return years.most_common(1)[0][0] if years else None


def _clean_agency(text: str) -> str | None:
    runs = _CJK_RUN.findall(text)
    if not runs:
        return None
    name = _SITE_NOISE.sub("", runs[-1])
    return name or None


def agency_name(lines: list[str]) -> str | None:
    """The reporting agency: from the title, the signature above the date, or the first line."""
    for line in lines[:15]:
        # A title is short and has no sentence punctuation; prose mentioning 年度报告 is not one.
        if len(line) > 60 or re.search(r"[。,，;；]", line):
            continue
        match = _TITLE.search(line)
        if match is None:
            continue
        before = _clean_agency(match.group("before"))
        if before:
            return before
        middle = _clean_agency(match.group("middle"))
        if middle:
            return middle
    for index in range(len(lines) - 1, 0, -1):
        if _DATE_LINE.match(lines[index].replace(" ", "")):
            signature = lines[index - 1].strip()
            if _CJK_RUN.fullmatch(signature) and len(signature) <= 20:
                return signature
    for line in lines[:3]:
        for run in _CJK_RUN.findall(line):
            match = _AGENCY_SUFFIX.match(run)
            if match and len(match.group()) >= 3:
                return match.group()
    return None


def narrative_figures(text: str) -> NarrativeFigures:
    """Figures the prose states about applications, appeals and fees."""
    figures = NarrativeFigures()
    received = _RECEIVED.search(text)
    if received:
        figures.applications_received = int(received.group(1))
    elif _NONE_RECEIVED.search(text):
        figures.applications_received = 0
    reconsidered = _RECONSIDERED.search(text)
    if reconsidered:
        figures.reconsiderations = int(reconsidered.group(1))
    elif _NONE_APPEALED.search(text):
        figures.reconsiderations = 0
    sued = _SUED.search(text)
    if sued:
        figures.litigations = int(sued.group(1))
    elif _NONE_SUED.search(text):
        figures.litigations = 0
    fees = _FEES.search(text)
    if fees:
        amount = parse_amount(fees.group(1)) or Decimal(0)
        figures.fees_collected_yuan = amount * 10000 if fees.group(2) == "万元" else amount
    elif _NO_FEES.search(text):
        figures.fees_collected_yuan = Decimal(0)
    return figures
