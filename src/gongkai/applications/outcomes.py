"""How an application ends, in the terms of annual report table 3 (收到和处理政府信息公开申请情况).

The single source both the cases and the annual report count from: every decided case carries one
`Outcome` (a leaf row of table 3) and one `ApplicantCategory` (a column). Row and column labels
are the exact wording of the 2021 format (国办公开办函〔2021〕30号); the 2019 format differs only
in folding the three （六）其他处理 rows into one.
"""

import re
from dataclasses import dataclass

from django.db import models

REGULATION = "《中华人民共和国政府信息公开条例》"


class Outcome(models.TextChoices):
    GRANTED = "granted", "予以公开"
    PARTIAL = "partial", "部分公开"
    DENIED_STATE_SECRET = "denied_state_secret", "不予公开：属于国家秘密"
    DENIED_OTHER_LAW = "denied_other_law", "不予公开：其他法律行政法规禁止公开"
    DENIED_THREE_SAFETY = "denied_three_safety", "不予公开：危及“三安全一稳定”"
    DENIED_THIRD_PARTY = "denied_third_party", "不予公开：保护第三方合法权益"
    DENIED_INTERNAL_AFFAIRS = "denied_internal_affairs", "不予公开：属于三类内部事务信息"
    DENIED_PROCESS_INFO = "denied_process_info", "不予公开：属于四类过程性信息"
    DENIED_ENFORCEMENT_FILE = "denied_enforcement_file", "不予公开：属于行政执法案卷"
    DENIED_ADMIN_QUERY = "denied_admin_query", "不予公开：属于行政查询事项"
    UNABLE_NOT_HELD = "unable_not_held", "无法提供：本机关不掌握相关政府信息"
    UNABLE_NEED_CREATION = "unable_need_creation", "无法提供：没有现成信息需要另行制作"
    UNABLE_UNCLEAR_AFTER_CORRECTION = (
        "unable_unclear_after_correction",
        "无法提供：补正后申请内容仍不明确",
    )
    NOT_PROCESSED_PETITION = "not_processed_petition", "不予处理：信访举报投诉类申请"
    NOT_PROCESSED_REPEAT = "not_processed_repeat", "不予处理：重复申请"
    NOT_PROCESSED_PUBLICATION = "not_processed_publication", "不予处理：要求提供公开出版物"
    NOT_PROCESSED_MASS = "not_processed_mass", "不予处理：无正当理由大量反复申请"
    NOT_PROCESSED_CONFIRM = (
        "not_processed_confirm",
        "不予处理：要求行政机关确认或重新出具已获取信息",
    )
    OTHER_NO_CORRECTION = "other_no_correction", "其他处理：逾期不补正，不再处理"
    OTHER_NO_FEE = "other_no_fee", "其他处理：逾期未缴纳信息处理费，不再处理"
    OTHER_OTHER = "other_other", "其他处理：其他"


class ApplicantCategory(models.TextChoices):
    NATURAL_PERSON = "natural_person", "自然人"
    COMMERCIAL = "commercial", "商业企业"
    RESEARCH = "research", "科研机构"
    SOCIAL_WELFARE = "social_welfare", "社会公益组织"
    LEGAL_SERVICE = "legal_service", "法律服务机构"
    OTHER_ORG = "other_org", "其他"


# Table 3's columns in order; only 总计 is not a category a case can carry.
REPORT_COLUMNS: tuple[tuple[str, str], ...] = (*ApplicantCategory.choices, ("total", "总计"))


@dataclass(frozen=True)
class ReportRow:
    key: str
    number: str  # as numbered in ogi-spec §3.4
    group: str  # the merged cell the row sits under; "" for a top-level row
    label: str  # exact wording of the row's own cell


_RESULTS = "三、本年度办理结果"
_DENIED = "（三）不予公开"
_UNABLE = "（四）无法提供"
_NOT_PROCESSED = "（五）不予处理"
_OTHER = "（六）其他处理"

# Table 3's rows in order; the keys of the outcome rows are the `Outcome` values.
REPORT_ROWS: tuple[ReportRow, ...] = (
    ReportRow("new_received", "R1", "", "一、本年新收政府信息公开申请数量"),
    ReportRow("carried_over", "R2", "", "二、上年结转政府信息公开申请数量"),
    ReportRow(Outcome.GRANTED, "R3.1", _RESULTS, "（一）予以公开"),
    ReportRow(
        Outcome.PARTIAL,
        "R3.2",
        _RESULTS,
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ),
    ReportRow(Outcome.DENIED_STATE_SECRET, "R3.3.1", _DENIED, "1.属于国家秘密"),
    ReportRow(Outcome.DENIED_OTHER_LAW, "R3.3.2", _DENIED, "2.其他法律行政法规禁止公开"),
    ReportRow(Outcome.DENIED_THREE_SAFETY, "R3.3.3", _DENIED, "3.危及“三安全一稳定”"),
    ReportRow(Outcome.DENIED_THIRD_PARTY, "R3.3.4", _DENIED, "4.保护第三方合法权益"),
    ReportRow(Outcome.DENIED_INTERNAL_AFFAIRS, "R3.3.5", _DENIED, "5.属于三类内部事务信息"),
    ReportRow(Outcome.DENIED_PROCESS_INFO, "R3.3.6", _DENIED, "6.属于四类过程性信息"),
    ReportRow(Outcome.DENIED_ENFORCEMENT_FILE, "R3.3.7", _DENIED, "7.属于行政执法案卷"),
    ReportRow(Outcome.DENIED_ADMIN_QUERY, "R3.3.8", _DENIED, "8.属于行政查询事项"),
    ReportRow(Outcome.UNABLE_NOT_HELD, "R3.4.1", _UNABLE, "1.本机关不掌握相关政府信息"),
    ReportRow(Outcome.UNABLE_NEED_CREATION, "R3.4.2", _UNABLE, "2.没有现成信息需要另行制作"),
    ReportRow(
        Outcome.UNABLE_UNCLEAR_AFTER_CORRECTION, "R3.4.3", _UNABLE, "3.补正后申请内容仍不明确"
    ),
    ReportRow(Outcome.NOT_PROCESSED_PETITION, "R3.5.1", _NOT_PROCESSED, "1.信访举报投诉类申请"),
    ReportRow(Outcome.NOT_PROCESSED_REPEAT, "R3.5.2", _NOT_PROCESSED, "2.重复申请"),
    ReportRow(Outcome.NOT_PROCESSED_PUBLICATION, "R3.5.3", _NOT_PROCESSED, "3.要求提供公开出版物"),
    ReportRow(Outcome.NOT_PROCESSED_MASS, "R3.5.4", _NOT_PROCESSED, "4.无正当理由大量反复申请"),
    ReportRow(
        Outcome.NOT_PROCESSED_CONFIRM,
        "R3.5.5",
        _NOT_PROCESSED,
        "5.要求行政机关确认或重新出具已获取信息",
    ),
    ReportRow(
        Outcome.OTHER_NO_CORRECTION,
        "R3.6.1",
        _OTHER,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    ReportRow(
        Outcome.OTHER_NO_FEE,
        "R3.6.2",
        _OTHER,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ReportRow(Outcome.OTHER_OTHER, "R3.6.3", _OTHER, "3.其他"),
    ReportRow("total", "R3.7", _RESULTS, "（七）总计"),
    ReportRow("carried_forward", "R4", "", "四、结转下年度继续办理"),
)
ROW_BY_KEY: dict[str, ReportRow] = {row.key: row for row in REPORT_ROWS}


def _short_name(label: str) -> str:
    """A result as charts and summaries name it:
    「（二）部分公开（区分处理的，…）」 → 「部分公开」."""
    return re.sub(r"（[^）]*）$", "", re.sub(r"^（[一二三四五六七]）", "", label))


def _outcome_groups() -> tuple[tuple[str, tuple[str, ...]], ...]:
    groups: dict[str, list[str]] = {}
    for row in REPORT_ROWS:
        if not row.number.startswith("R3.") or row.key == "total":
            continue
        heading = row.label if row.group == _RESULTS else row.group
        groups.setdefault(_short_name(heading), []).append(str(row.key))
    return tuple((name, tuple(keys)) for name, keys in groups.items())


# The result rows gathered under table 3's six headings (予以公开 … 其他处理), in table order.
OUTCOME_GROUPS = _outcome_groups()

# The article a reply ending in each outcome cites. Empty where no single article is settled
# (ogi-spec §3.4 and §9 leave 行政查询事项 and 确认或重新出具 open): the handler cites one.
LEGAL_BASIS: dict[Outcome, str] = {
    Outcome.GRANTED: f"{REGULATION}第三十六条第（一）项、第（二）项",
    Outcome.PARTIAL: f"{REGULATION}第三十七条",
    Outcome.DENIED_STATE_SECRET: f"{REGULATION}第十四条",
    Outcome.DENIED_OTHER_LAW: f"{REGULATION}第十四条",
    Outcome.DENIED_THREE_SAFETY: f"{REGULATION}第十四条",
    Outcome.DENIED_THIRD_PARTY: f"{REGULATION}第十五条",
    Outcome.DENIED_INTERNAL_AFFAIRS: f"{REGULATION}第十六条第一款",
    Outcome.DENIED_PROCESS_INFO: f"{REGULATION}第十六条第二款",
    Outcome.DENIED_ENFORCEMENT_FILE: f"{REGULATION}第十六条第二款",
    Outcome.DENIED_ADMIN_QUERY: "",
    # Not held (36(4)) and not this organ's to disclose (36(5)) share the row in practice.
    Outcome.UNABLE_NOT_HELD: f"{REGULATION}第三十六条第（四）项、第（五）项",
    Outcome.UNABLE_NEED_CREATION: f"{REGULATION}第三十八条",
    Outcome.UNABLE_UNCLEAR_AFTER_CORRECTION: f"{REGULATION}第三十条",
    Outcome.NOT_PROCESSED_PETITION: f"{REGULATION}第三十九条第一款",
    Outcome.NOT_PROCESSED_REPEAT: f"{REGULATION}第三十六条第（六）项",
    Outcome.NOT_PROCESSED_PUBLICATION: f"{REGULATION}第三十九条第二款",
    Outcome.NOT_PROCESSED_MASS: f"{REGULATION}第三十五条",
    Outcome.NOT_PROCESSED_CONFIRM: "",
    Outcome.OTHER_NO_CORRECTION: f"{REGULATION}第三十条",
    Outcome.OTHER_NO_FEE: "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）",
    Outcome.OTHER_OTHER: "",
}
