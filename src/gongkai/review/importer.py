"""Bulk import of catalog items from JSON Lines (format in docs/import.md).

Each line is one item. A bad line is reported with its number and reason and the others are
kept; re-running the same file updates instead of duplicating (same 索引号, or same agency +
文号 + title). New items arrive as drafts that enter review; with `published=True` an agency
admin migrates items already published in a legacy catalog, each confirmed as a one-step review.
It is the review area's because every imported item enters the review gate here.
"""

import bz2
import gzip
import io
import json
import lzma
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.catalog import index_numbers, services
from gongkai.catalog.models import (
    ENTERED_FIELDS,
    Art20Item,
    DisclosureAttribute,
    ExemptionReason,
    Genre,
    InfoItem,
    ItemStatus,
    ItemVersion,
    Topic,
    Validity,
)
from gongkai.catalog.rules import EDITABLE_STATUSES
from gongkai.lib import doc_numbers
from gongkai.lib.errors import Refused

from . import services as review

FIELDS = {"index_no", "published_at", *ENTERED_FIELDS}
DATE_FIELDS = ("written_on", "formed_on", "effective_on", "expires_on")
OPENERS: dict[str, Callable] = {".xz": lzma.open, ".gz": gzip.open, ".bz2": bz2.open}


class LineError(ValueError):
    """Why one line was not imported; str() is Chinese for the person running the import."""


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    ignored_fields: set[str] = field(default_factory=set)
    notes: list[tuple[int, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def processed(self) -> int:
        return self.created + self.updated + self.unchanged + len(self.errors)

    def summary(self) -> str:
        rate = self.processed / self.seconds if self.seconds else 0
        return (
            f"共 {self.processed} 行：新增 {self.created}，更新 {self.updated}，"
            f"未变 {self.unchanged}，出错 {len(self.errors)}；用时 {self.seconds:.1f} 秒"
            f"（{rate:.0f} 条/秒）"
        )


def parse_mapping(pairs: list[str]) -> dict[str, str]:
    """`["publisher=agency", "written_on=date"]` → {source name: our field}."""
    mapping = {}
    for pair in pairs:
        ours, sep, theirs = pair.partition("=")
        if not sep or not ours or not theirs:
            raise ValueError(f"字段映射“{pair}”应写成 本系统字段=文件字段，如 publisher=agency")
        if ours not in FIELDS:
            raise ValueError(f"字段映射“{pair}”中的“{ours}”不是可导入的字段")
        mapping[theirs] = ours
    return mapping


def open_lines(path: Path) -> Iterator[str]:
    opener = OPENERS.get(path.suffix.lower())
    raw = opener(path, "rb") if opener else path.open("rb")
    with raw, io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict") as text:
        yield from text


class Taxonomy:
    """Topic and genre names resolved once per import."""

    def __init__(self) -> None:
        self.topics: dict[str, Topic] = {}
        for topic in Topic.objects.select_related("parent"):
            self.topics[str(topic)] = topic
            self.topics.setdefault(topic.name, topic)
        self.genres = {genre.name: genre for genre in Genre.objects.all()}

    def topic(self, name: str) -> Topic:
        found = self.topics.get(name.replace("/", "\\").strip())
        if found is None:
            raise LineError(f"主题分类“{name}”不存在（可写“一级\\二级”，如“综合政务\\政务公开”）")
        return found

    def genre(self, name: str) -> Genre:
        found = self.genres.get(name.strip())
        if found is None:
            raise LineError(f"体裁分类“{name}”不存在")
        return found


def _choice(value, choices, label: str):
    by_label = {str(lbl): code for code, lbl in choices.choices}
    if not isinstance(value, str | int):
        raise LineError(f"{label}应为文字，不能是 {json.dumps(value, ensure_ascii=False)}")
    if value in choices.values:
        return value
    if value in by_label:
        return by_label[value]
    raise LineError(f"{label}“{value}”无效，可用：{'、'.join(by_label)}")


def _date(name: str, value) -> date | None:
    if value in (None, ""):
        return None
    try:
        parsed = parse_date(value[:10]) if isinstance(value, str) else None
    except ValueError:
        # Well formed but no such day, as legacy catalogs write an unknown month: 1946-00-00.
        raise LineError(f"{name}“{value}”不是存在的日期") from None
    if parsed is None:
        raise LineError(f"{name}“{value}”不是 YYYY-MM-DD 格式的日期")
    return parsed


def _published_at(value) -> datetime | None:
    """The legacy publication date or date-time of `--published`, read with the line."""
    if value in (None, ""):
        return None
    if isinstance(value, str) and len(value) > 10:
        try:
            parsed = parse_datetime(value)
        except ValueError:
            raise LineError(f"published_at“{value}”不是存在的日期时间") from None
    else:
        parsed = None
    if parsed is None:
        return _first_shown(_date("published_at", value))
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


def read_line(
    text: str, mapping: dict[str, str], taxonomy: Taxonomy, report: Report
) -> tuple[dict, list[str]]:
    """One line as the catalog services take it, and notes on what was assumed; raises
    LineError."""
    notes: list[str] = []
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LineError(f"不是有效的 JSON（第 {exc.colno} 个字符附近：{exc.msg}）") from exc
    if not isinstance(raw, dict):
        raise LineError("每行应是一个 JSON 对象")
    data: dict = {}
    for key, value in raw.items():
        ours = mapping.get(key, key if key in FIELDS else None)
        if ours is None:
            report.ignored_fields.add(key)
        elif ours not in data or value not in (None, ""):
            data[ours] = value
    title = str(data.get("title") or "").strip()
    if not title:
        raise LineError("缺少标题（title）")
    data["title"] = title
    for name in DATE_FIELDS:
        data[name] = _date(name, data.get(name))
    data["formed_on"] = data["formed_on"] or data["written_on"]
    if data["formed_on"] is None:
        # Without a date of its own the item is taken as formed on the day it is registered.
        data["formed_on"] = timezone.localdate()
        notes.append("没有成文日期和形成日期，形成日期按导入当天登记")
    if data.get("topic"):
        data["topic"] = taxonomy.topic(str(data["topic"]))
    if data.get("genre"):
        data["genre"] = taxonomy.genre(str(data["genre"]))
    if data.get("validity"):
        data["validity"] = _choice(data["validity"], Validity, "有效性")
    if data.get("attribute"):
        data["attribute"] = _choice(data["attribute"], DisclosureAttribute, "公开属性")
    reasons = data.get("exemption_reasons") or []
    if isinstance(reasons, str):
        reasons = [reasons]
    if not isinstance(reasons, list):
        raise LineError("不予公开理由（exemption_reasons）应为理由代码或名称的列表")
    data["exemption_reasons"] = [_choice(r, ExemptionReason, "不予公开理由") for r in reasons]
    if data.get("art20_item") not in (None, ""):
        try:
            data["art20_item"] = _choice(int(data["art20_item"]), Art20Item, "第二十条事项")
        except (TypeError, ValueError, OverflowError) as exc:
            raise LineError(f"第二十条事项“{data['art20_item']}”应为 1–15 的数字") from exc
    for name in ("publisher", "doc_no", "keywords", "summary", "body", "interpretation_url"):
        if name in data:
            data[name] = "" if data[name] is None else str(data[name]).strip()
    for name, value in data.items():
        # A database refuses the NUL character, and one refused row would undo its whole batch.
        if isinstance(value, str) and "\x00" in value:
            raise LineError(f"{name} 含有空字符（\\u0000），请先清理文件")
    data["published_at"] = _published_at(data.get("published_at"))
    index_no = str(data.pop("index_no", "") or "").strip()
    if index_no and not index_numbers.is_acceptable(index_no):
        raise LineError(f"索引号“{index_no}”含有不允许的字符")
    data["index_no"] = index_no
    return data, notes


def _first_shown(formed_on: date) -> datetime:
    """A legacy item's publication time when the file gives none: 09:00 on its 形成日期."""
    return timezone.make_aware(datetime(formed_on.year, formed_on.month, formed_on.day, 9, 0))


def identity(index_no: str, doc_no: str, title: str) -> tuple | None:
    """What makes a line the same item as another: its 索引号 when it has one, else its 文号
    and title; a line with neither is a new item every time (an empty 文号 is no identity,
    and many real items share a title such as 「关于做好有关工作的通知」)."""
    if index_no:
        return ("索引号", index_no)
    if doc_no:
        return (doc_no, title)
    return None


class Importer:
    """Imports lines for one agency on one user's authority.

    New items are validated and checked line by line and stored a batch at a time
    (`services.insert_built`); lines that change an existing item go through the same services
    as the workbench, each in its own savepoint so a bad line loses nothing but itself.
    """

    BATCH = 500

    def __init__(
        self,
        *,
        user,
        agency: Agency,
        published: bool,
        mapping: dict[str, str],
        source: str = "",
    ):
        action = "item.import_published" if published else "item.change"
        if not access.can(user, action, agency):
            raise PermissionDenied(
                "只有本机关的机关管理员可以按已公开迁移（--published）。"
                if published
                else "您没有在该机关登记政府信息的权限。"
            )
        self.user, self.agency, self.published, self.mapping = user, agency, published, mapping
        self.source = source or "批量导入"
        self.taxonomy = Taxonomy()
        self.report = Report()
        # (文号, title) → item id of the agency's current versions, the key of a line that
        # brings no 索引号 of its own.
        self.known: dict[tuple, int] = {
            key[:2]: key[2]
            for key in InfoItem.objects.filter(agency=agency)
            .exclude(current_version__doc_no="")
            .values_list("current_version__doc_no", "current_version__title", "pk")
        }

    def run(
        self, lines: Iterator[str], progress: Callable[[Report], None] | None = None, every=1000
    ) -> Report:
        started = time.monotonic()
        batch: list[tuple[int, str]] = []
        reported = 0
        for number, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            batch.append((number, text))
            if len(batch) >= self.BATCH:
                self._batch(batch)
                batch = []
                self.report.seconds = time.monotonic() - started
                if progress and self.report.processed - reported >= every:
                    reported = self.report.processed
                    progress(self.report)
        self._batch(batch)
        self.report.seconds = time.monotonic() - started
        return self.report

    def _batch(self, batch: list[tuple[int, str]]) -> None:
        self.pending: list[tuple[int, InfoItem, ItemVersion, str | None]] = []
        self.pending_keys: set = set()
        with transaction.atomic():
            for number, text in batch:
                try:
                    self._line(number, text)
                except LineError as exc:
                    self.report.errors.append((number, str(exc)))
                except Refused as refused:
                    self.report.errors.append((number, refused.message))
            self._flush()

    def _line(self, number: int, text: str) -> None:
        data, line_notes = read_line(text, self.mapping, self.taxonomy, self.report)
        self.report.notes += [(number, note) for note in line_notes]
        index_no = data.pop("index_no")
        published_at = data.pop("published_at")
        try:
            doc_no = doc_numbers.normalize(data.get("doc_no", "")).text
        except doc_numbers.DocNumberError as exc:
            raise LineError(str(exc)) from exc
        if self.published and data.get("attribute", DisclosureAttribute.PROACTIVE) != (
            DisclosureAttribute.PROACTIVE
        ):
            raise LineError("只有主动公开的信息可以按已公开迁移")
        key = identity(index_no, doc_no, data["title"])
        if key is not None and key in self.pending_keys:
            # The same item twice in one batch: store the first before updating it.
            self._flush()
        existing = self._existing(index_no, key)
        if existing is None:
            item, version, notes = services.build_item(
                user=self.user, agency=self.agency, data=data, index_no=index_no
            )
            self.pending.append((number, item, version, published_at))
            if key is not None:
                self.pending_keys.add(key)
            self.report.notes += [(number, note) for note in notes]
            return
        with transaction.atomic():
            changed = self._update(existing, data)
            if self.published:
                self._confirm(existing, published_at, data["formed_on"])
        if changed:
            self.report.updated += 1
        else:
            self.report.unchanged += 1

    def _existing(self, index_no: str, key: tuple | None) -> InfoItem | None:
        items = InfoItem.objects.select_related("current_version")
        if index_no:
            found = items.filter(index_no=index_no).first()
            if found is not None and found.agency_id != self.agency.pk:
                raise LineError(f"索引号“{index_no}”已被其他机关的信息使用")
            return found
        pk = self.known.get(key) if key is not None else None
        return items.get(pk=pk) if pk else None

    def _flush(self) -> None:
        if not self.pending:
            return
        fresh = [(item, version) for _, item, version, _ in self.pending]
        self._number(fresh)
        if self.published:
            for _, _, version, published_at in self.pending:
                version.published_at = published_at or _first_shown(version.formed_on)
        services.insert_built(fresh, agency=self.agency, source=self.source)
        for _, item, version, _ in self.pending:
            if version.doc_no:
                self.known[(version.doc_no, version.title)] = item.pk
        if self.published:
            review.confirm_migrated_new(
                user=self.user, agency=self.agency, items=[i for i, _ in fresh], source=self.source
            )
        self.report.created += len(self.pending)
        self.pending, self.pending_keys = [], set()

    def _number(self, fresh: list[tuple[InfoItem, ItemVersion]]) -> None:
        """Give index numbers to new items without one, by the one year rule and issuer."""
        by_year: dict[int, list[InfoItem]] = {}
        for item, version in fresh:
            if not item.index_no:
                year = index_numbers.numbering_year(version.written_on, timezone.localdate())
                by_year.setdefault(year, []).append(item)
        for year, items in by_year.items():
            numbers = services.issue_index_numbers(self.agency, year, len(items))
            for item, number in zip(items, numbers, strict=True):
                item.index_no = number

    def _update(self, item: InfoItem, data: dict) -> bool:
        version = item.current_version
        cleaned, _ = services.clean_content(data)
        if all(getattr(version, k) == v for k, v in cleaned.items() if k in data):
            return False
        if item.status not in EDITABLE_STATUSES:
            if item.status in (ItemStatus.SUBMITTED, ItemStatus.IN_REVIEW):
                raise LineError("该信息正在审查中，不能用导入修改")
            services.start_revision(user=self.user, item=item, change_note="批量导入更新")
            item.refresh_from_db()
        services.update_item(user=self.user, item=item, data=data)
        item.refresh_from_db()
        return True

    def _confirm(self, item: InfoItem, published_at, fallback: date) -> None:
        item.refresh_from_db()
        if item.published_version_id == item.current_version_id:
            return
        when = published_at or _first_shown(fallback)
        review.confirm_migrated(user=self.user, item=item, published_at=when, source=self.source)
