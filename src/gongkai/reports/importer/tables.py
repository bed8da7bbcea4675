"""Find tables 2, 3 and 4 of a 2019- or 2021-format report by their labels and read the figures.

Tables are read from real grids (HTML, DOCX) when the page has them, otherwise from the text,
where the rows follow each other with their numbers in between. A row whose numbers do not come
out as the fixed number of cells is split every possible way; the table's identities and the
figures stated in the prose pick the reading, and a row still open to several readings is left
blank as an `OpenRow` with its candidates: last year's report may still settle it
(`across_years.py`), and whatever stays open is reported as `ambiguous_split`.
"""

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..figures import (
    DECISION_KEYS,
    TABLE3_COLUMN_KEYS,
    TABLE4_COLUMN_KEYS,
    TABLE4_GROUP_KEYS,
    Figures,
    Table2,
)
from ..formats import (
    FORMAT_2019,
    FORMAT_2021,
    TABLE2_2019,
    TABLE2_2021,
    TABLE3_RESULT_KEYS,
    Table2Block,
)
from ..validate import Inconsistency, row_label
from .cells import Cells, cell_tokens, parse_amount, splits, tokens
from .documents import Document, Grid, distinct_cells, grid_as_lines
from .text import loose

CJK = re.compile(r"[\u4e00-\u9fff]")
# Beyond this many combinations of doubtful rows the table is not searched as a whole.
MAX_COMBINATIONS = 20000


def _row(prefix: str, core: str, tail: str = "") -> re.Pattern[str]:
    """A row label: an optional ordinal prefix, then the first words of the label.

    The words must follow the prefix directly, so that a match starts at the prefix and the
    digits of 「2.」 are never read as a figure of the row above."""
    return re.compile(rf"(?:{prefix}[\W_]*)?{loose(core)}{tail}")


def _strict(prefix: str, core: str, tail: str = "") -> re.Pattern[str]:
    return re.compile(rf"{prefix}[\W_]*{loose(core)}{tail}")


_COMMON_ROWS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("new_received", _row("一", "本年新收")),
    ("carried_over", _row("二", "上年结转")),
    ("granted", _row(r"\(?一\)?", "予以公开")),
    ("partial", _row(r"\(?二\)?", "部分公开")),
    ("denied_state_secret", _row("1", "属于国家秘密")),
    ("denied_other_law", _row("2", "其他法律行政法规")),
    ("denied_three_safety", _row("3", "危及")),
    ("denied_third_party", _row("4", "保护第三方")),
    ("denied_internal_affairs", _row("5", "属于三类内部事务")),
    ("denied_process_info", _row("6", "属于四类过程性")),
    ("denied_enforcement_file", _row("7", "属于行政执法案卷")),
    ("denied_admin_query", _row("8", "属于行政查询事项")),
    ("unable_not_held", _row("1", "本机关不掌握")),
    ("unable_need_creation", _row("2", "没有现成信息")),
    ("unable_unclear_after_correction", _row("3", "补正后申请内容")),
    ("not_processed_petition", _row("1", "信访举报投诉")),
    ("not_processed_repeat", _row("2", "重复申请")),
    ("not_processed_publication", _row("3", "要求提供公开出版物")),
    ("not_processed_mass", _row("4", "无正当理由大量反复")),
    ("not_processed_confirm", _row("5", "要求行政机关确认")),
)
_CLOSING_ROWS = (
    ("total", _row(r"\(?七\)?", "总计")),
    ("carried_forward", _row("四", "结转下年度")),
)
TABLE3_PATTERNS = {
    FORMAT_2021: (
        *_COMMON_ROWS,
        ("other_no_correction", _row("1", "申请人无正当理由逾期不补正")),
        ("other_no_fee", _row("2", "申请人逾期未按收费通知")),
        ("other_other", _strict("3", "其他", "(?!法律|处理|结果|组织)")),
        *_CLOSING_ROWS,
    ),
    FORMAT_2019: (
        *_COMMON_ROWS,
        ("other_other", _row(r"\(?六\)?", "其他处理")),
        *_CLOSING_ROWS,
    ),
}
_MARKER_2021 = re.compile(loose("逾期不补正"))
_MARKER_2019 = re.compile(loose("其他处理") + r"[\W_]*[\d/]")
_TABLE3_START = re.compile(loose("法律服务机构"))
_TABLE4_ANCHOR = re.compile(loose("复议后起诉") + "|" + loose("直接起诉"))
_TABLE4_HEADER = re.compile(
    "|".join(loose(word) for word in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"))
)
_TABLE2_ANCHOR = re.compile(r"第[\W_]*二十[\W_]*条")
_TABLE2_END = re.compile(loose("本年新收") + "|" + loose("收到和处理政府信息公开申请"))


@dataclass
class Reading:
    """The raw text of one row and every reading of it that fits the table."""

    key: str
    where: str
    raw: str
    candidates: list[Cells]
    truncated: bool = False


@dataclass
class OpenRow:
    """A row left blank because several readings of its run-together digits fit."""

    table: str
    key: str
    where: str
    raw: str
    candidates: list[Cells]
    truncated: bool = False

    def inconsistency(self) -> Inconsistency:
        shown = "；".join(",".join(_cell_text(c) for c in cells) for cells in self.candidates[:4])
        more = "等" if len(self.candidates) > 4 or self.truncated else ""
        return Inconsistency(
            "ambiguous_split",
            self.where,
            f"「{self.raw}」可拆分为多种读法（{shown}{more}），无法确定，该行按空白处理",
        )


@dataclass
class TablesResult:
    figures: Figures = field(default_factory=Figures)
    inconsistencies: list[Inconsistency] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    open_rows: list[OpenRow] = field(default_factory=list)


def detect_rows_format(document: Document) -> str | None:
    """Which table-3 row set the report uses: 2021 (three 其他处理 rows) or 2019 (one)."""
    texts = [document.text, *("\n".join(grid_as_lines(grid)) for grid in document.grids)]
    if any(_MARKER_2021.search(text) for text in texts):
        return FORMAT_2021
    if any(_MARKER_2019.search(text) for text in texts):
        return FORMAT_2019
    return None


_FIGURE = re.compile(r"[+-]?\d[\d.,]*\s*(?:万元|元|件|条|个|%)?")


def _label_and_values(row: list[str]) -> tuple[str, list[str]] | None:
    """The last label cell of a grid row and the cells after it; a figure with a unit
    (「251000元」) is a value, not a label."""
    labels = [
        index for index, cell in enumerate(row) if CJK.search(cell) and not _FIGURE.fullmatch(cell)
    ]
    if not labels or labels[-1] == len(row) - 1:
        return None
    return row[labels[-1]], row[labels[-1] + 1 :]


def _readings_from_grids(
    grids: list[Grid], patterns: tuple[tuple[str, re.Pattern[str]], ...], width: int, where: str
) -> dict[str, Reading]:
    readings: dict[str, Reading] = {}
    for grid in grids:
        for row in grid:
            split = _label_and_values(distinct_cells(row))
            if split is None:
                continue
            label, values = split
            key = next((key for key, pattern in patterns if pattern.search(label)), None)
            if key is None or key in readings:
                continue
            items, crowded = cell_tokens(values)
            if len(values) == width and not crowded:
                candidates, truncated = splits(items, width)
            else:
                candidates, truncated = splits([item for item in items if item is not None], width)
            readings[key] = Reading(key, where, " ".join(values), candidates, truncated)
    return readings


def _readings_from_text(
    text: str,
    patterns: tuple[tuple[str, re.Pattern[str]], ...],
    width: int,
    where: str,
    start: int = 0,
) -> dict[str, Reading]:
    """Rows in order: each row's numbers lie between its label and the next row's label."""
    matches: list[tuple[str, re.Match[str]]] = []
    position = start
    for key, pattern in patterns:
        match = pattern.search(text, position)
        if match is None:
            continue
        matches.append((key, match))
        position = match.end()
    readings: dict[str, Reading] = {}
    for index, (key, match) in enumerate(matches):
        if index + 1 < len(matches):
            segment = text[match.end() : matches[index + 1][1].start()]
        else:
            segment = _until_prose(text, match.end())
        items = tokens(segment)
        candidates, truncated = splits(items, width)
        readings[key] = Reading(key, where, _figures_text(segment), candidates, truncated)
    return readings


def _figures_text(segment: str) -> str:
    """The stretch of a segment from its first figure to its last, for messages."""
    marks = [match.span() for match in re.finditer(r"[\d/]+", segment)]
    if not marks:
        return " ".join(segment.split())
    return " ".join(segment[marks[0][0] : marks[-1][1]].split())


def _until_prose(text: str, start: int) -> str:
    """The numbers after the last label of a table, up to where the prose resumes."""
    tail = text[start : start + 400]
    first_number = re.search(r"\d", tail)
    if first_number is None:
        return ""
    prose = CJK.search(tail, first_number.start())
    return tail[: prose.start()] if prose else tail


def _table3_score(table: dict[str, Cells | None], received: int | None) -> int:
    """How many column identities (and the stated number of new applications) fail."""

    def cell(row: str, column: int) -> int:
        values = table.get(row)
        return (values[column] or 0) if values else 0

    failures = 0
    for column in range(len(TABLE3_COLUMN_KEYS)):
        results = sum(cell(row, column) for row in TABLE3_RESULT_KEYS)
        total = cell("total", column)
        failures += results != total
        failures += cell("new_received", column) + cell("carried_over", column) != total + cell(
            "carried_forward", column
        )
    if received is not None and table.get("new_received") is not None:
        failures += cell("new_received", len(TABLE3_COLUMN_KEYS) - 1) != received
    return failures


def _row_total_holds(cells: Cells) -> bool:
    *parts, total = cells
    return total is None or sum(part or 0 for part in parts) == total


def _table4_holds(cells: Cells) -> bool:
    size = len(TABLE4_COLUMN_KEYS)
    return all(
        _row_total_holds(cells[start : start + size]) for start in range(0, len(cells), size)
    )


def _resolve(
    table: str,
    readings: dict[str, Reading],
    row_holds: Callable[[Cells], bool],
    score: Callable[[dict[str, Cells | None]], int],
    result: TablesResult,
    label: Callable[[str], str],
) -> dict[str, Cells | None]:
    """Pick each row's reading; rows that stay open to several readings are left blank."""
    chosen: dict[str, Cells | None] = {}
    open_rows: dict[str, list[Cells]] = {}
    for key, reading in readings.items():
        candidates = reading.candidates
        if len(candidates) > 1:
            fitting = [cells for cells in candidates if row_holds(cells)]
            candidates = fitting or candidates
        if not candidates:
            result.inconsistencies.append(
                Inconsistency(
                    "unreadable_cells",
                    f"{reading.where} {label(key)}",
                    f"无法从「{reading.raw}」读出固定数量的单元格，该行按空白处理",
                )
            )
            chosen[key] = None
        elif len(candidates) == 1 and not reading.truncated:
            chosen[key] = candidates[0]
        else:
            open_rows[key] = candidates
    combinations = 1
    for candidates in open_rows.values():
        combinations *= len(candidates)
    if open_rows and combinations <= MAX_COMBINATIONS:
        keys = list(open_rows)
        best: list[tuple[Cells, ...]] = []
        best_score = None
        for combo in itertools.product(*(open_rows[key] for key in keys)):
            value = score({**chosen, **dict(zip(keys, combo, strict=True))})
            if best_score is None or value < best_score:
                best, best_score = [combo], value
            elif value == best_score:
                best.append(combo)
        for index, key in enumerate(keys):
            options = {combo[index] for combo in best}
            if len(options) == 1 and not readings[key].truncated:
                chosen[key] = options.pop()
                open_rows.pop(key)
    for key, candidates in open_rows.items():
        reading = readings[key]
        result.open_rows.append(
            OpenRow(
                table,
                key,
                f"{reading.where} {label(key)}",
                reading.raw,
                candidates,
                reading.truncated,
            )
        )
        chosen[key] = None
    for key, reading in readings.items():
        cells = chosen.get(key)
        if cells is not None and len(reading.candidates) > 1:
            result.notes.append(
                f"{reading.where} {label(key)}：「{reading.raw}」按表内勾稽关系和正文数字拆分为 "
                + ",".join(_cell_text(c) for c in cells)
            )
    return chosen


def _cell_text(value: int | None) -> str:
    return "空白" if value is None else str(value)


def read_table3(
    document: Document, rows_format: str, received: int | None, result: TablesResult
) -> None:
    patterns = TABLE3_PATTERNS[rows_format]
    width = len(TABLE3_COLUMN_KEYS)
    grids = [
        grid
        for grid in document.grids
        if any(_TABLE3_START.search(line) for line in grid_as_lines(grid))
    ]
    readings = _readings_from_grids(grids, patterns, width, "表三")
    if len(readings) < len(patterns) // 2:
        text = document.text
        start = _TABLE3_START.search(text)
        readings = _readings_from_text(text, patterns, width, "表三", start.end() if start else 0)
    if not readings:
        return
    chosen = _resolve(
        "table3",
        readings,
        _row_total_holds,
        lambda table: _table3_score(table, received),
        result,
        lambda key: row_label(key, rows_format),
    )
    for key, cells in chosen.items():
        if cells is not None:
            result.figures.table3[key] = dict(zip(TABLE3_COLUMN_KEYS, cells, strict=True))


def read_table4(
    document: Document,
    reconsiderations: int | None,
    litigations: int | None,
    result: TablesResult,
) -> None:
    width = len(TABLE4_GROUP_KEYS) * len(TABLE4_COLUMN_KEYS)
    reading = _table4_from_grids(document.grids, width) or _table4_from_text(document.text, width)
    if reading is None:
        return
    size = len(TABLE4_COLUMN_KEYS)

    def score(table: dict[str, Cells | None]) -> int:
        cells = table.get("table4")
        if cells is None:
            return 0
        misses = sum(not _row_total_holds(cells[i : i + size]) for i in range(0, width, size))
        if reconsiderations is not None:
            misses += (cells[size - 1] or 0) != reconsiderations
        if litigations is not None:
            misses += (cells[2 * size - 1] or 0) + (cells[3 * size - 1] or 0) != litigations
        return misses

    chosen = _resolve("table4", {"table4": reading}, _table4_holds, score, result, lambda _key: "")
    cells = chosen.get("table4")
    if cells is None:
        return
    for index, group in enumerate(TABLE4_GROUP_KEYS):
        part = cells[index * size : (index + 1) * size]
        result.figures.table4[group] = dict(zip(TABLE4_COLUMN_KEYS, part, strict=True))


def _table4_from_grids(grids: list[Grid], width: int) -> Reading | None:
    for grid in grids:
        if not any(_TABLE4_ANCHOR.search(line) for line in grid_as_lines(grid)):
            continue
        for row in grid:
            values = distinct_cells(row)
            if any(CJK.search(cell) for cell in values) or not any(
                re.search(r"\d", cell) for cell in values
            ):
                continue
            items, crowded = cell_tokens(values)
            if len(values) != width or crowded:
                items = [item for item in items if item is not None]
            candidates, truncated = splits(items, width)
            return Reading("table4", "表四", " ".join(values), candidates, truncated)
    return None


def _table4_from_text(text: str, width: int) -> Reading | None:
    anchors = list(_TABLE4_ANCHOR.finditer(text))
    if not anchors:
        return None
    position = anchors[-1].end()
    # Headers follow the anchor with no numbers between them; the figures follow the last one.
    while True:
        header = _TABLE4_HEADER.search(text, position)
        if header is None or re.search(r"\d", text[position : header.start()]):
            break
        position = header.end()
    segment = _until_prose(text, position)
    candidates, truncated = splits(tokens(segment), width)
    return Reading("table4", "表四", _figures_text(segment), candidates, truncated)


_AMOUNT = re.compile(
    r"[+-]?\d+(?:\.\d+)?\s*(?:万元|元)?|(?<![\u4e00-\u9fff])[/／](?![\u4e00-\u9fff])"
)


def read_table2(document: Document, format_code: str, result: TablesResult) -> None:
    blocks = TABLE2_2021 if format_code == FORMAT_2021 else TABLE2_2019
    rows = [(block, row) for block in blocks for row in block.rows]
    patterns = [(row.key, _table2_pattern(row.label, format_code)) for _, row in rows]
    values = _table2_from_grids(document.grids, patterns)
    if len(values) < len(rows) // 2:
        values = _table2_from_text(document.text, patterns)
    if not values:
        return
    table2 = result.figures.table2
    for block, row in rows:
        cells = values.get(row.key)
        if cells is None:
            continue
        fields = block.fields
        width = len(block.headers) - 1
        if len(cells) != width and all(field in COUNT_FIELDS for field in fields):
            cells = _split_counts(block, row.key, row.label, cells, result)
            if cells is None:
                continue
        if len(cells) != width:
            result.inconsistencies.append(
                Inconsistency(
                    "unreadable_cells",
                    f"表二 {row.label}",
                    f"应有 {width} 个数字，读到「{' '.join(cells)}」，该行按空白处理",
                )
            )
            continue
        _store_table2(table2, block, row.key, fields, cells)


# Fields of table 2 that hold whole counts, whose run-together digits can be split.
COUNT_FIELDS = frozenset(("issued", "repealed", "in_force", "decisions"))


def _split_counts(
    block: Table2Block, key: str, label: str, cells: list[str], result: TablesResult
) -> list[str] | None:
    """The row's cells when its run-together digits split one way only (「规章000」 → 0, 0, 0).

    Several splits leave the row open (None) for last year's in-force count to settle; no
    split at all leaves the cells as read, to be reported unreadable."""
    items = tokens(" ".join(cells))
    candidates, truncated = splits(items, len(block.headers) - 1)
    raw = " ".join(cells)
    if len(candidates) == 1 and not truncated:
        reading = [_cell_text(value) if value is not None else "/" for value in candidates[0]]
        result.notes.append(f"表二 {label}：「{raw}」只有一种拆分，读作 " + ",".join(reading))
        return reading
    if candidates:
        result.open_rows.append(OpenRow("table2", key, f"表二 {label}", raw, candidates, truncated))
        return None
    return cells


def _table2_pattern(label: str, format_code: str) -> re.Pattern[str]:
    if label == "规范性文件":
        # The trial format's 规范性文件 must not match inside 行政规范性文件 of the other format.
        return re.compile(rf"(?<!行政){loose(label)}")
    return re.compile(loose(label))


def _table2_from_grids(
    grids: list[Grid], patterns: list[tuple[str, re.Pattern[str]]]
) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for grid in grids:
        if not any(_TABLE2_ANCHOR.search(line) for line in grid_as_lines(grid)):
            continue
        for row in grid:
            split = _label_and_values(distinct_cells(row))
            if split is None:
                continue
            label, cells = split
            key = next((key for key, pattern in patterns if pattern.fullmatch(label)), None)
            if key is not None and key not in values:
                values[key] = [cell.strip() or "/" for cell in cells]
    return values


def _table2_from_text(
    text: str, patterns: list[tuple[str, re.Pattern[str]]]
) -> dict[str, list[str]]:
    anchor = _TABLE2_ANCHOR.search(text)
    if anchor is None:
        return {}
    end = _TABLE2_END.search(text, anchor.end())
    region = text[anchor.start() : end.start() if end else len(text)]
    matches: list[tuple[str, re.Match[str]]] = []
    position = 0
    for key, pattern in patterns:
        match = pattern.search(region, position)
        if match is not None:
            matches.append((key, match))
            position = match.end()
    values: dict[str, list[str]] = {}
    for index, (key, match) in enumerate(matches):
        stop = matches[index + 1][1].start() if index + 1 < len(matches) else len(region)
        segment = region[match.end() : stop]
        # Header text of the next block ("第二十条第(五)项 信息内容 …") carries no figures.
        caption = _TABLE2_ANCHOR.search(segment)
        segment = segment[: caption.start()] if caption else segment
        values[key] = [found.strip() for found in _AMOUNT.findall(segment)]
    return values


def _count(text: str) -> int | None:
    amount = parse_amount(text)
    if amount is None or amount != amount.to_integral_value() or amount < 0:
        return None
    return int(amount)


def _store_table2(
    table2: Table2, block: Table2Block, key: str, fields: tuple[str, ...], cells: list[str]
) -> None:
    for field_name, header, cell in zip(fields, block.headers[1:], cells, strict=True):
        if field_name in ("issued", "repealed", "in_force"):
            getattr(table2, key)[field_name] = _count(cell)
        elif field_name == "decisions" and key in DECISION_KEYS:
            setattr(table2, key, _count(cell))
        elif field_name == "amount":
            table2.fees = parse_amount(cell)
        else:
            table2.trial_extras.setdefault(key, {})[header] = cell
    if key == "fees" and table2.fees is not None and table2.fees < 0:
        table2.fees = None
