"""The official layouts of the annual report, as data: headings, table rows, columns and labels.

Three layouts exist: the 2021 format (国办公开办函〔2021〕30号, report years from 2021), the
2019/2020 trial format (国办公开办函〔2019〕60号) and, before 2019, local statistics tables with no
national layout. Labels are the exact official text; the importer matches them loosely.
"""

from dataclasses import dataclass

from gongkai.applications.outcomes import REPORT_COLUMNS, REPORT_ROWS

FORMAT_2021 = "2021"
FORMAT_2019 = "2019"
FORMAT_PRE2019 = "pre2019"


@dataclass(frozen=True)
class Row:
    """One data row of a table: its figure key, its exact label and the group label above it."""

    key: str
    label: str
    group: str = ""


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass(frozen=True)
class Table2Block:
    """One 第二十条 block of table 2: a caption row, a header row, then rows of figures."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    # The figure each value column feeds, in order; "" marks a column kept only in the page.
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Table4Group:
    key: str
    label: str
    parent: str


@dataclass(frozen=True)
class ReportFormat:
    code: str
    document: str
    title: str
    headings: tuple[str, ...]
    table2_title: str
    table2: tuple[Table2Block, ...]
    table3_title: str
    table3_note: str
    table3_rows: tuple[Row, ...]
    table3_columns: tuple[Column, ...]
    table4_title: str
    table4_groups: tuple[Table4Group, ...]
    table4_columns: tuple[Column, ...]

    def table3_row(self, key: str) -> Row:
        return next(row for row in self.table3_rows if row.key == key)

    def cell_label(self, cell: str) -> str:
        """A generated cell's name as the printed table says it: 「表三 （一）予以公开 × 自然人」
        for t3.granted.natural_person, 「表二 规范性文件 × 本年制发件数」 for
        t2.normative_documents.issued."""
        table, row, *column = cell.split(".")
        if table == "t2":
            kinds = {"regulations": "规章", "normative_documents": "行政规范性文件"}
            counts = {
                "issued": "本年制发件数",
                "repealed": "本年废止件数",
                "in_force": "现行有效件数",
            }
            return f"表二 {kinds.get(row, row)} × {counts.get(column[0], column[0])}"
        if table == "t3":
            columns = {c.key: c.label for c in self.table3_columns}
            return f"表三 {self.table3_row(row).label} × {columns[column[0]]}"
        groups = {
            g.key: f"{g.parent}·{g.label}" if g.parent else g.label for g in self.table4_groups
        }
        columns = {c.key: c.label for c in self.table4_columns}
        return f"表四 {groups[row]} × {columns[column[0]]}"


HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)

TABLE3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
TABLE3_RESULTS_LABEL = next(row.group for row in REPORT_ROWS if row.key == "total")
TABLE3_APPLICANT_LABEL = "申请人情况"
TABLE3_ORGANISATION_LABEL = "法人或其他组织"

# Table 3's rows and columns are those the cases are counted in (`applications/outcomes.py`),
# with their exact 2021 wording; the formats only lay them out.
TABLE3_COLUMNS = tuple(Column(key, label) for key, label in REPORT_COLUMNS)
TABLE3_ROWS_2021 = tuple(Row(str(row.key), row.label, row.group) for row in REPORT_ROWS)
# The trial format has one undivided 其他处理 row; it is kept under the 2021 key for 其他.
_OTHER = next(group for group in (row.group for row in REPORT_ROWS) if group.endswith("其他处理"))
TABLE3_ROWS_2019 = tuple(
    Row("other_other", _OTHER, TABLE3_RESULTS_LABEL) if row.key == "other_other" else row
    for row in TABLE3_ROWS_2021
    if row.group != _OTHER or row.key == "other_other"
)

# Result rows that add up to （七）总计 in either format (a row absent from a format is blank).
TABLE3_RESULT_KEYS = tuple(
    row.key
    for row in TABLE3_ROWS_2021
    if row.key not in ("new_received", "carried_over", "total", "carried_forward")
)

TABLE4_COLUMNS = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
TABLE4_GROUPS = (
    Table4Group("reconsideration", "行政复议", ""),
    Table4Group("litigation_direct", "未经复议直接起诉", "行政诉讼"),
    Table4Group("litigation_after_reconsideration", "复议后起诉", "行政诉讼"),
)

_CONTENT = "信息内容"
_DECISIONS_2021 = ("本年处理决定数量",)
_ITEMS_2019 = ("上一年项目数量", "本年增/减", "处理决定数量")

TABLE2_2021 = (
    Table2Block(
        "第二十条第（一）项",
        (_CONTENT, "本年制发件数", "本年废止件数", "现行有效件数"),
        (Row("regulations", "规章"), Row("normative_documents", "行政规范性文件")),
        ("issued", "repealed", "in_force"),
    ),
    Table2Block(
        "第二十条第（五）项",
        (_CONTENT, *_DECISIONS_2021),
        (Row("licensing", "行政许可"),),
        ("decisions",),
    ),
    Table2Block(
        "第二十条第（六）项",
        (_CONTENT, *_DECISIONS_2021),
        (Row("punishment", "行政处罚"), Row("coercion", "行政强制")),
        ("decisions",),
    ),
    Table2Block(
        "第二十条第（八）项",
        (_CONTENT, "本年收费金额（单位：万元）"),
        (Row("fees", "行政事业性收费"),),
        ("amount",),
    ),
)

# In the trial format only 处理决定数量 and the document counts map onto the 2021 figures; the
# other columns (项目数量, 本年增/减, 政府集中采购) stay in the page and in the parsed extras.
TABLE2_2019 = (
    Table2Block(
        "第二十条第（一）项",
        (_CONTENT, "本年新制作数量", "本年新公开数量", "对外公开总数量"),
        (Row("regulations", "规章"), Row("normative_documents", "规范性文件")),
        ("issued", "", "in_force"),
    ),
    Table2Block(
        "第二十条第（五）项",
        (_CONTENT, *_ITEMS_2019),
        (Row("licensing", "行政许可"), Row("other_services", "其他对外管理服务事项")),
        ("", "", "decisions"),
    ),
    Table2Block(
        "第二十条第（六）项",
        (_CONTENT, *_ITEMS_2019),
        (Row("punishment", "行政处罚"), Row("coercion", "行政强制")),
        ("", "", "decisions"),
    ),
    Table2Block(
        "第二十条第（八）项",
        (_CONTENT, "上一年项目数量", "本年增/减"),
        (Row("fees", "行政事业性收费"),),
        ("", ""),
    ),
    Table2Block(
        "第二十条第（九）项",
        (_CONTENT, "采购项目数量", "采购总金额"),
        (Row("procurement", "政府集中采购"),),
        ("", ""),
    ),
)

_TABLE_TITLES = (
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
)

FORMAT_2021_SPEC = ReportFormat(
    code=FORMAT_2021,
    document="国办公开办函〔2021〕30号",
    title="中华人民共和国政府信息公开工作年度报告格式",
    headings=HEADINGS,
    table2_title=_TABLE_TITLES[0],
    table2=TABLE2_2021,
    table3_title=_TABLE_TITLES[1],
    table3_note=TABLE3_NOTE,
    table3_rows=TABLE3_ROWS_2021,
    table3_columns=TABLE3_COLUMNS,
    table4_title=_TABLE_TITLES[2],
    table4_groups=TABLE4_GROUPS,
    table4_columns=TABLE4_COLUMNS,
)
FORMAT_2019_SPEC = ReportFormat(
    code=FORMAT_2019,
    document="国办公开办函〔2019〕60号",
    title="中华人民共和国政府信息公开工作年度报告格式（试行）",
    headings=HEADINGS,
    table2_title=_TABLE_TITLES[0],
    table2=TABLE2_2019,
    table3_title=_TABLE_TITLES[1],
    table3_note=TABLE3_NOTE,
    table3_rows=TABLE3_ROWS_2019,
    table3_columns=TABLE3_COLUMNS,
    table4_title=_TABLE_TITLES[2],
    table4_groups=TABLE4_GROUPS,
    table4_columns=TABLE4_COLUMNS,
)


@dataclass(frozen=True)
class LegacyLayout:
    """The pre-2019 local tables: indicator rows by unit, against period columns."""

    code: str
    indicator_header: str
    unit_header: str
    # Column headers seen in local tables, by scheme; a table is recognised by any of them.
    period_headers: tuple[str, ...]


LEGACY = LegacyLayout(
    code=FORMAT_PRE2019,
    indicator_header="指标名称",
    unit_header="单位",
    period_headers=(
        "历年累计数",
        "年度数",
        "同比增减",
        "本期实际",
        "本年累计",
        "本月累计",
        "历年累计",
    ),
)


def format_for_year(year: int) -> ReportFormat | LegacyLayout:
    """The layout a report for `year` must follow."""
    if year >= 2021:
        return FORMAT_2021_SPEC
    if year >= 2019:
        return FORMAT_2019_SPEC
    return LEGACY
