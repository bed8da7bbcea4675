"""The city platform's export files (CSV, XLSX, JSON) read into rows by column name, each with
the line it starts on, and written back in the same format, encoding and shape.

CSV may come in UTF-8 (with or without a byte-order mark) or in GB18030, as Chinese spreadsheet
programs save it; JSON as an array of objects or as one object per line (JSON Lines). A broken
JSON object is reported on its line and reading goes on from the next object.
"""

import csv
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath

from gongkai.lib.spreadsheet_cells import as_text_cell
from gongkai.lib.upload_limits import CORRUPT_ZIP_ERRORS, UnsafeFile, check_package

from .models import FileFormat


class FileRefused(ValueError):
    """A file that cannot be read at all; str() is Chinese."""


@dataclass
class Table:
    file_format: str
    variant: str
    headers: list[str]
    # (line, {column: value}); a row that could not be read at all is (line, error text).
    rows: list[tuple[int, dict | str]] = field(default_factory=list)


def detect(data: bytes, name: str) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix in (".xlsx", ".xlsm") or data[:2] == b"PK":
        return FileFormat.XLSX
    if suffix in (".json", ".jsonl", ".ndjson"):
        return FileFormat.JSON
    if suffix == ".csv":
        return FileFormat.CSV
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return FileFormat.JSON if head in (b"[", b"{") else FileFormat.CSV


def read(data: bytes, name: str) -> Table:
    file_format = detect(data, name)
    if file_format == FileFormat.XLSX:
        return _read_xlsx(data)
    if file_format == FileFormat.JSON:
        return _read_json(data)
    return _read_csv(data)


def cell(value):
    """A cell as the importer reads it: text stripped, whole numbers without «.0», dates kept."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value).strip()


def _decode(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise FileRefused("文件既不是 UTF-8 也不是 GB18030 编码的文本，无法读取") from None


def _read_csv(data: bytes) -> Table:
    text, encoding = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        headers = [h.strip() for h in next(reader)]
    except StopIteration:
        raise FileRefused("文件是空的") from None
    except csv.Error as error:
        raise FileRefused(f"第 1 行（列名）无法读取：{error}") from None
    table = Table(FileFormat.CSV, encoding, headers)
    while True:
        line = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            table.rows.append((line, f"不是有效的 CSV 行：{error}"))
            continue
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(headers):
            table.rows.append((line, f"有 {len(values)} 列，多于列名的 {len(headers)} 列"))
            continue
        table.rows.append((line, {h: cell(v) for h, v in zip(headers, values, strict=False)}))
    return table


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        check_package(data)
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except UnsafeFile as error:
        raise FileRefused(str(error)) from None
    except (*CORRUPT_ZIP_ERRORS, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise FileRefused("不是可以读取的 XLSX 文件") from None
    try:
        sheet = book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        headers: list[str] = []
        table = None
        for line, values in enumerate(rows, start=1):
            values = [cell(v) for v in values]
            if table is None:
                if not any(values):
                    continue
                headers = [str(v) for v in values]
                while headers and not headers[-1]:
                    headers.pop()
                table = Table(FileFormat.XLSX, "", headers)
                continue
            if not any(v not in ("", None) for v in values):
                continue
            table.rows.append((line, dict(zip(headers, values, strict=False))))
    finally:
        book.close()
    if table is None:
        raise FileRefused("工作表是空的")
    return table


def _json_rows(text: str, variant: str) -> Iterator[tuple[int, dict | str]]:
    decoder = json.JSONDecoder()
    pos = text.index("[") + 1 if variant == "array" else 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or (variant == "array" and text[pos] == "]"):
            return
        line = text.count("\n", 0, pos) + 1
        try:
            value, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as error:
            yield line, f"不是有效的 JSON（{error.msg}）"
            # Go on from the next line that starts an object.
            following = text.find("\n", pos)
            found = text.find("{", following) if following >= 0 else -1
            if found < 0:
                return
            pos = found
            continue
        pos = end
        if isinstance(value, dict):
            yield line, {str(k): cell(v) for k, v in value.items()}
        else:
            yield line, "每条工单应是一个 JSON 对象"


def _read_json(data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused("JSON 文件应为 UTF-8 编码") from None
    variant = "array" if text.lstrip().startswith("[") else "lines"
    rows = list(_json_rows(text, variant))
    headers: dict[str, None] = {}
    for _, row in rows:
        if isinstance(row, dict):
            headers |= dict.fromkeys(row)
    return Table(FileFormat.JSON, variant, list(headers), rows)


def plain(value):
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def write(file_format: str, variant: str, headers: list[str], rows: list[dict]) -> bytes:
    """`rows` by column name, in the format, encoding and shape the platform sent."""
    if file_format == FileFormat.JSON:
        records = [{h: plain(row.get(h, "")) for h in headers} for row in rows]
        if variant == "lines":
            lines = [json.dumps(r, ensure_ascii=False) for r in records]
            return ("\n".join(lines) + "\n").encode()
        return json.dumps(records, ensure_ascii=False, indent=2).encode()
    if file_format == FileFormat.XLSX:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("工单")
        sheet.append(headers)
        for row in rows:
            sheet.append([as_text_cell(plain(row.get(h, ""))) for h in headers])
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([as_text_cell(plain(row.get(h, ""))) for h in headers])
    encoding = "gb18030" if variant == "gb18030" else "utf-8-sig"
    return out.getvalue().encode(encoding)


CONTENT_TYPES = {
    FileFormat.CSV: "text/csv; charset=utf-8",
    FileFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileFormat.JSON: "application/json",
}
