"""Audit published reports: read files or folders, present figures and failures as text or JSON."""

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .figures import TABLE3_COLUMN_KEYS, TABLE4_COLUMN_KEYS, TABLE4_GROUP_KEYS
from .formats import (
    FORMAT_2019,
    FORMAT_2019_SPEC,
    FORMAT_2021,
    FORMAT_2021_SPEC,
    TABLE3_COLUMNS,
    TABLE4_COLUMNS,
    TABLE4_GROUPS,
)
from .importer import ParsedReport, ReportReadError, read_report
from .validate import row_label

REPORT_SUFFIXES = frozenset((".html", ".htm", ".shtml", ".txt", ".text", ".docx", ".pdf"))
FORMAT_NAMES = {
    FORMAT_2021: f"2021年格式（{FORMAT_2021_SPEC.document}）",
    FORMAT_2019: f"2019年试行格式（{FORMAT_2019_SPEC.document}）",
}


@dataclass
class AuditEntry:
    path: Path
    report: ParsedReport | None = None
    error: str = ""

    def as_json(self) -> dict[str, Any]:
        if self.report is None:
            return {"file": str(self.path), "error": self.error}
        return {"file": str(self.path), **self.report.as_json()}


def collect_files(paths: Iterable[Path]) -> list[Path]:
    """The files to audit: files as given, folders searched for report files, sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(
                    found
                    for found in path.rglob("*")
                    if found.is_file() and found.suffix.lower() in REPORT_SUFFIXES
                )
            )
        else:
            files.append(path)
    return files


def audit_files(files: Iterable[Path]) -> list[AuditEntry]:
    entries = []
    for path in files:
        try:
            entries.append(AuditEntry(path, read_report(path)))
        except ReportReadError as error:
            entries.append(AuditEntry(path, error=str(error)))
    _compare_consecutive_years([entry.report for entry in entries if entry.report is not None])
    return entries


def _compare_consecutive_years(reports: list[ParsedReport]) -> None:
    """An agency's report is checked against its report of the year before, when both are read:
    the carry-over and in-force identities, which also settle run-together rows.

    Reports are paired by the agency name and year read from them; a name and year that several
    files share (two copies, or names the reader cannot tell apart) pairs nothing."""
    found: dict[tuple[str, int], list[ParsedReport]] = {}
    for report in reports:
        if report.agency and report.year is not None:
            found.setdefault((report.agency, report.year), []).append(report)
    by_year = {key: same[0] for key, same in found.items() if len(same) == 1}
    for agency, year in sorted(by_year, key=lambda key: key[1]):
        previous = by_year.get((agency, year - 1))
        if previous is not None:
            by_year[(agency, year)].compare_with(previous.figures)


def _cell(value: object) -> str:
    return "—" if value is None else str(value)


def render_report(report: ParsedReport) -> str:
    """Figures and failures of one report, laid out like the official tables."""
    lines = [
        f"文件：{report.source}",
        f"格式：{FORMAT_NAMES.get(report.format, '2019年以前的地方统计表')}"
        f"    年度：{_cell(report.year)}    机关：{report.agency or '未识别'}",
    ]
    if report.format in (FORMAT_2019, FORMAT_2021):
        lines += _render_tables(report)
    if report.legacy is not None:
        lines.append(f"统计表：{report.legacy.title or '（无标题）'}")
        for row in report.legacy.rows:
            values = "，".join(f"{column} {_cell(value)}" for column, value in row.values.items())
            lines.append(f"  {row.section} {row.label}（{row.unit}）：{values}")
    narrative = report.narrative
    stated = [
        ("新收申请", narrative.applications_received, "件"),
        ("行政复议", narrative.reconsiderations, "件"),
        ("行政诉讼", narrative.litigations, "件"),
        ("信息处理费", narrative.fees_collected_yuan, "元"),
    ]
    shown = "，".join(f"{name} {value}{unit}" for name, value, unit in stated if value is not None)
    lines.append(f"正文所述：{shown or '无可识别的数字'}")
    lines += [f"拆分说明：{note}" for note in report.notes]
    if report.inconsistencies:
        lines.append(f"检查结果：{len(report.inconsistencies)} 项不一致")
        lines += [f"  [{item.rule}] {item.where}：{item.detail}" for item in report.inconsistencies]
    else:
        lines.append("检查结果：全部通过")
    return "\n".join(lines)


def _render_tables(report: ParsedReport) -> list[str]:
    table2 = report.figures.table2
    lines = ["表二 主动公开政府信息情况"]
    for label, documents in (
        ("规章", table2.regulations),
        ("行政规范性文件", table2.normative_documents),
    ):
        lines.append(
            f"  {label}：本年制发 {_cell(documents['issued'])}，本年废止 "
            f"{_cell(documents['repealed'])}，现行有效 {_cell(documents['in_force'])}"
        )
    lines.append(
        f"  行政许可 {_cell(table2.licensing)}，行政处罚 {_cell(table2.punishment)}，"
        f"行政强制 {_cell(table2.coercion)}，行政事业性收费 {_cell(table2.fees)} 万元"
    )
    lines.append("表三 收到和处理政府信息公开申请情况")
    lines.append("  " + " | ".join(column.label for column in TABLE3_COLUMNS) + " | 行")
    for row, cells in report.figures.table3.items():
        values = " | ".join(_cell(cells[column]) for column in TABLE3_COLUMN_KEYS)
        lines.append(f"  {values} | {row_label(row, report.format)}")
    lines.append("表四 政府信息公开行政复议、行政诉讼情况")
    headers = " | ".join(column.label for column in TABLE4_COLUMNS)
    for group, spec in zip(TABLE4_GROUP_KEYS, TABLE4_GROUPS, strict=True):
        cells = report.figures.table4[group]
        name = f"{spec.parent}·{spec.label}" if spec.parent else spec.label
        values = " | ".join(_cell(cells[column]) for column in TABLE4_COLUMN_KEYS)
        lines.append(f"  {name}（{headers}）：{values}")
    return lines


def render_summary(entries: list[AuditEntry]) -> str:
    """Which file fails which check: one row per file, one column per rule that failed anywhere."""
    rules = list(
        dict.fromkeys(
            rule for entry in entries if entry.report for rule in entry.report.failed_rules
        )
    )
    header = ["文件", "格式", "年度", *rules]
    rows = []
    for entry in entries:
        if entry.report is None:
            rows.append([str(entry.path), "读取失败", entry.error])
            continue
        failed = set(entry.report.failed_rules)
        rows.append(
            [
                str(entry.path),
                entry.report.format,
                _cell(entry.report.year),
                *("✗" if rule in failed else "" for rule in rules),
            ]
        )
    read = [entry for entry in entries if entry.report is not None]
    passing = sum(1 for entry in read if not entry.report.inconsistencies)
    lines = ["\t".join(header), *("\t".join(row) for row in rows)]
    lines.append(
        f"共 {len(entries)} 份：读取失败 {len(entries) - len(read)} 份，全部通过 {passing} 份，"
        f"有不一致 {len(read) - passing} 份"
    )
    return "\n".join(lines)
