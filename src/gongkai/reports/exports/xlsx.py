"""The report's tables as a workbook: one sheet per table, merged cells as in the format."""

import io
from decimal import Decimal

from gongkai.lib.spreadsheet_cells import as_text_cell

from ..content import ReportContent
from . import sections

SHEET_NAMES = {"t2": "表二 主动公开", "t3": "表三 依申请公开", "t4": "表四 复议诉讼"}


def _number(text: str) -> int | Decimal | str:
    if not text:
        return ""
    try:
        return int(text)
    except ValueError:
        try:
            return Decimal(text)
        except ArithmeticError:
            return text


def write_xlsx(content: ReportContent) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    layouts = [layout for _, _, tables in sections(content) for layout in tables]
    for index, layout in enumerate(layouts):
        slug = layout.slug.split("-")[0]
        name = SHEET_NAMES[slug] if slug != "t2" or len(layouts) == 3 else f"表二（{index + 1}）"
        sheet = book.create_sheet(name[:31])
        title = as_text_cell(f"{content.title}·{layout.caption}")
        sheet.cell(1, 1, title).font = Font(name="宋体", bold=True)
        top = 2  # the first row holds the sheet's title
        for r, c, cell in layout.placements():
            row, column = top + r, 1 + c
            value = as_text_cell(_number(cell.text) if cell.numeric else cell.text)
            target = sheet.cell(row, column, value)
            target.alignment = centre
            target.font = Font(name="宋体", bold=cell.header and cell.scope == "colgroup")
            if cell.rowspan > 1 or cell.colspan > 1:
                sheet.merge_cells(
                    start_row=row,
                    start_column=column,
                    end_row=row + cell.rowspan - 1,
                    end_column=column + cell.colspan - 1,
                )
        for r in range(len(layout.rows)):
            for c in range(layout.column_count):
                sheet.cell(top + r, 1 + c).border = border
        for c, width in enumerate(layout.widths):
            sheet.column_dimensions[get_column_letter(c + 1)].width = 9 * width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
