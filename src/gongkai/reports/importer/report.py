"""Read a published annual report end to end: format, year, agency, figures, failing checks."""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..figures import Figures, NarrativeFigures
from ..formats import FORMAT_2019, FORMAT_2021, FORMAT_PRE2019, format_for_year
from ..validate import Inconsistency, check_report
from . import across_years
from .documents import Document, ReportReadError, grid_as_lines, read_document
from .legacy import LegacyTable, read_legacy
from .narrative import agency_name, narrative_figures, report_year
from .tables import TablesResult, detect_rows_format, read_table2, read_table3, read_table4
from .text import loose

_HEADERS_2021 = re.compile(loose("本年制发件数") + "|" + loose("本年废止件数"))
_HEADERS_2019 = re.compile(loose("本年新制作数量") + "|" + loose("对外公开总数量"))
_REPORT_WORDS = re.compile(r"公开|本年新收|指标名称")
# Identities of the tables come first in every listing, in the order the spec gives them.
_RULE_ORDER = ("t3_results_sum", "t3_balance", "t3_row_total", "t4_total")


@dataclass
class ParsedReport:
    source: str
    format: str
    year: int | None
    agency: str | None
    figures: Figures
    narrative: NarrativeFigures
    legacy: LegacyTable | None = None
    inconsistencies: list[Inconsistency] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tables: TablesResult = field(default_factory=TablesResult)
    rows_format: str | None = None

    def compare_with(self, previous: Figures | None) -> None:
        """Settle open rows with last year's figures (if given) and run every check again."""
        if previous is not None:
            across_years.settle(self.tables, previous, self.rows_format or self.format)
        found = check_report(
            self.figures,
            self.rows_format or self.format,
            narrative=self.narrative,
            previous=previous,
        )
        found += self.tables.inconsistencies
        # Every row still open is listed with its candidate splits, never left a silent blank.
        found += [row.inconsistency() for row in self.tables.open_rows]
        found += _format_rows_check(self.year, self.rows_format)
        found.sort(
            key=lambda item: _RULE_ORDER.index(item.rule) if item.rule in _RULE_ORDER else 99
        )
        self.inconsistencies = found
        self.notes = list(self.tables.notes)

    @property
    def failed_rules(self) -> list[str]:
        return list(dict.fromkeys(item.rule for item in self.inconsistencies))

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": self.format, "year": self.year, "agency": self.agency}
        data.update(self.figures.as_json())
        data["inconsistencies"] = [item.as_json() for item in self.inconsistencies]
        if self.format == FORMAT_PRE2019 and self.legacy is not None:
            data["legacy"] = {
                "title": self.legacy.title,
                "rows": [row.as_json() for row in self.legacy.rows],
            }
        return data


def _detect_format(
    all_text: str,
    rows_format: str | None,
    legacy: LegacyTable | None,
    year: int | None,
) -> str:
    if rows_format is not None:
        return rows_format
    if _HEADERS_2021.search(all_text):
        return FORMAT_2021
    if _HEADERS_2019.search(all_text):
        return FORMAT_2019
    if legacy is not None:
        return FORMAT_PRE2019
    return format_for_year(year).code if year is not None else FORMAT_PRE2019


def _format_rows_check(year: int | None, rows_format: str | None) -> list[Inconsistency]:
    """V10: the 其他处理 rows must be those of the format in force for the report year."""
    if year is None or rows_format is None:
        return []
    expected = format_for_year(year).code
    if expected not in (FORMAT_2019, FORMAT_2021) or expected == rows_format:
        return []
    rows = {FORMAT_2019: "一行", FORMAT_2021: "三行"}
    return [
        Inconsistency(
            "t3_format_rows",
            "表三 （六）其他处理",
            f"{year}年度报告应使用{expected}年格式（其他处理分{rows[expected]}），"
            f"实际使用{rows_format}年格式（其他处理分{rows[rows_format]}）",
        )
    ]


def parse_document(
    document: Document, source: str = "", previous: Figures | None = None
) -> ParsedReport:
    """Figures and checks of an already-read document."""
    grid_lines = [line for grid in document.grids for line in grid_as_lines(grid)]
    all_text = "\n".join([document.text, *grid_lines])
    if not _REPORT_WORDS.search(all_text):
        raise ReportReadError("文件中没有找到政府信息公开年度报告的内容")
    year = report_year(all_text)
    narrative = narrative_figures(document.text)
    rows_format = detect_rows_format(document)
    legacy = read_legacy(document) if rows_format is None else None
    format_code = _detect_format(all_text, rows_format, legacy, year)
    tables = TablesResult()
    if format_code in (FORMAT_2019, FORMAT_2021):
        read_table2(document, format_code, tables)
        read_table3(document, rows_format or format_code, narrative.applications_received, tables)
        read_table4(document, narrative.reconsiderations, narrative.litigations, tables)
    report = ParsedReport(
        source=source,
        format=format_code,
        year=year,
        agency=agency_name(document.lines + grid_lines),
        figures=tables.figures,
        narrative=narrative,
        legacy=legacy,
        tables=tables,
        rows_format=rows_format,
    )
    report.compare_with(previous)
    return report


def read_report(path: Path | str, previous: Figures | None = None) -> ParsedReport:
    """Read and check one published report file; ReportReadError says in Chinese why not."""
    path = Path(path)
    return parse_document(read_document(path), str(path), previous)
