"""`gongkai check [FILE ...] [--json]`: pre-publication checks from the command line.

This replaces Django's system-check command of the same name for the `gongkai` program:
staff run `gongkai check 通知.docx`, which is the command they need. With no FILE (or "-")
the text is read from standard input. Django's own system checks stay reachable as
`gongkai check --system [--deploy]`.
"""

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.management.commands.check import Command as SystemCheckCommand

from gongkai.checks.extract import MAX_BYTES, ExtractionError, extract_bytes, extract_file
from gongkai.checks.findings import KIND_LABELS, SEVERITY_LABELS, Finding, Severity
from gongkai.checks.services import check_text

STDIN_NAME = "-"
CONTEXT_CHARS = 15


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def context(text: str, finding: Finding) -> str:
    """The finding's text in 【】 with a few characters either side, on one line."""
    before = text[max(0, finding.start - CONTEXT_CHARS) : finding.start]
    after = text[finding.end : finding.end + CONTEXT_CHARS]
    snippet = f"{before}【{text[finding.start : finding.end]}】{after}"
    return " ".join(snippet.split())


class Command(BaseCommand):
    help = (
        "对 .txt、.html、.docx、.pdf 文件或标准输入中的文字做发布前检查："
        "涉密标志、个人信息、植入的垃圾信息、错别字、政治表述、文号、日期和乱码。"
        "有“必须处理”的问题或文件无法读取时，退出码为 1。"
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "files", nargs="*", metavar="FILE", help="要检查的文件；省略或写作 - 时读取标准输入"
        )
        parser.add_argument("--json", action="store_true", help="每个文件输出一行 JSON")
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=MAX_BYTES,
            help=f"单个文件的大小上限（字节），默认 {MAX_BYTES}",
        )
        parser.add_argument(
            "--system", action="store_true", help="改为运行 Django 系统检查（不检查文件）"
        )
        parser.add_argument(
            "--deploy", action="store_true", help="与 --system 同用：同时检查生产部署配置"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["system"]:
            call_command(
                SystemCheckCommand(),
                deploy=options["deploy"],
                stdout=self.stdout,
                stderr=self.stderr,
            )
            return
        names = options["files"] or [STDIN_NAME]
        if names == [STDIN_NAME] and sys.stdin.isatty():
            raise CommandError("请指定要检查的文件，或通过管道从标准输入提供文字。", returncode=2)
        failed = False
        for name in names:
            try:
                text = self._read(name, options["max_bytes"])
            except ExtractionError as exc:
                failed = True
                self._report_error(name, str(exc), as_json=options["json"])
                continue
            findings = check_text(text)
            failed = failed or any(f.severity == Severity.BLOCK for f in findings)
            if options["json"]:
                self._write_json({"file": name, "findings": [f.as_dict() for f in findings]})
            else:
                self._write_human(name, text, findings)
        if failed:
            raise SystemExit(1)

    def _read(self, name: str, max_bytes: int) -> str:
        if name == STDIN_NAME:
            return extract_bytes(sys.stdin.buffer.read(max_bytes + 1), max_bytes=max_bytes)
        return extract_file(Path(name), max_bytes=max_bytes)

    def _write_json(self, data: dict[str, Any]) -> None:
        self.stdout.write(json.dumps(data, ensure_ascii=False))

    def _report_error(self, name: str, message: str, *, as_json: bool) -> None:
        if as_json:
            # A file that could not be read has no findings; "error" says why.
            self._write_json({"file": name, "findings": [], "error": message})
        else:
            self.stderr.write(f"{name}：无法检查。{message}")

    def _write_human(self, name: str, text: str, findings: list[Finding]) -> None:
        out: TextIO = self.stdout
        if not findings:
            out.write(f"{name}：未发现问题。")
            return
        counts = {severity: 0 for severity in Severity}
        for finding in findings:
            counts[finding.severity] += 1
        summary = "，".join(
            f"{SEVERITY_LABELS[severity]} {count} 项" for severity, count in counts.items() if count
        )
        out.write(f"{name}：发现 {len(findings)} 项问题（{summary}）")
        for finding in findings:
            line, column = line_and_column(text, finding.start)
            label = KIND_LABELS.get(finding.kind, finding.kind)
            out.write(
                f"  {line}:{column} [{SEVERITY_LABELS[finding.severity]}] {label}（{finding.kind}）"
            )
            out.write(f"    {context(text, finding)}")
            out.write(f"    {finding.message}")
            if finding.suggestion:
                out.write(f"    建议：{finding.suggestion}")
