"""The word lists a deployment may add to, and the format of one entry in each of them.

A list is one key of a kind's data file (``spam_injection.brands``). An entry is written the way
the data file writes it: a word, a run of characters, a regular expression, a pair
``误写: 正确写法``, or a small YAML mapping with the list's fields. `parse` turns the text an
admin typed into the value merged into the checker's data, or refuses it in Chinese.
"""

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import yaml


class EntryFormat(StrEnum):
    WORD = "word"
    CHARACTERS = "characters"
    GROUP = "group"
    DOMAIN = "domain"
    PATTERN = "pattern"
    PAIR = "pair"
    RECORD = "record"


class EntryError(ValueError):
    """An entry that does not parse in its list's format; the message is Chinese."""


@dataclass(frozen=True)
class WordList:
    name: str
    label: str
    format: EntryFormat
    fields: tuple[str, ...] = ()
    required: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        return self.name.split(".")[0]

    @property
    def key(self) -> str:
        return self.name.split(".")[1]


F = EntryFormat
WORD_LISTS: tuple[WordList, ...] = (
    WordList("spam_injection.brands", "垃圾信息：博彩、色情站点品牌", F.WORD),
    WordList("spam_injection.phrases", "垃圾信息：引流话术（必须处理）", F.WORD),
    WordList("spam_injection.terms", "垃圾信息：博彩、色情用语（警告）", F.WORD),
    WordList("spam_injection.patterns", "垃圾信息：正则话术", F.PATTERN),
    WordList("spam_injection.trusted_domain_suffixes", "垃圾信息：可信域名后缀", F.DOMAIN),
    WordList("miswritten_word.typo", "错别字", F.PAIR),
    WordList("miswritten_word.rewriter", "自动改写造成的错误", F.PAIR),
    WordList("miswritten_word.correct", "错别字：不报告的正确写法", F.WORD),
    WordList(
        "miswritten_word.contextual",
        "错别字：依上下文判断的写法",
        F.RECORD,
        ("wrong", "right", "followed_by", "reason"),
        ("wrong", "right", "followed_by"),
    ),
    WordList(
        "political_expression.entries",
        "规范政治表述",
        F.RECORD,
        ("wrong", "right", "reason", "severity"),
        ("wrong", "right"),
    ),
    WordList("leader_name.names", "领导人和官员姓名", F.WORD),
    WordList("leader_name.confusables", "领导人姓名：音近、形近字组", F.GROUP),
    WordList("leader_name.known_miswritings", "领导人姓名：已知误写", F.PAIR),
    WordList(
        "secret_marking.patterns",
        "涉密、内部标志",
        F.RECORD,
        ("pattern", "label", "severity"),
        ("pattern", "label"),
    ),
    WordList("phone_number.work_contact_labels", "工作联系电话的称谓", F.WORD),
    WordList("bank_card.card_labels", "银行卡号前的词", F.WORD),
    WordList("bank_card.public_account_labels", "机关公开收款账户的称谓", F.WORD),
    WordList("bank_card.other_code_labels", "表明数字是其他代码的称谓", F.WORD),
    WordList("doc_number_format.year_style_suffixes", "按“公告2019年第26号”编号的文种", F.WORD),
    WordList("doc_number_format.prefix_endings", "文号代字的结尾字", F.CHARACTERS),
    WordList("incomplete_date.blank_year_preceders", "说明年份被删掉的前一个字", F.CHARACTERS),
    WordList("incomplete_date.placeholders", "日期占位符", F.CHARACTERS),
    WordList("garbled_text.signatures", "固定乱码串", F.WORD),
    WordList("script_mix.allowed_in_simplified", "简体文字中可用的繁体字", F.CHARACTERS),
    WordList("script_mix.allowed_in_traditional", "繁体文字中可用的简体字", F.CHARACTERS),
)
BY_NAME: dict[str, WordList] = {word_list.name: word_list for word_list in WORD_LISTS}

FORMAT_HELP: dict[EntryFormat, str] = {
    F.WORD: "一行一个词语，例如：金冠国际",
    F.CHARACTERS: "一个或几个字，不含空格，例如：函",
    F.GROUP: "一组音近或形近的字，至少两个，例如：建健键",
    F.DOMAIN: "域名后缀，例如：example.gov.cn",
    F.PATTERN: "一个正则表达式（Python 语法），不能匹配空字符串",
    F.PAIR: "写成“错误写法: 正确写法”，例如：布暑: 部署",
    F.RECORD: "YAML 映射，每行一个“字段: 值”",
}
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9-]{2,63}$")
_PAIR_SEPARATOR = re.compile(r"\s*[:：]\s*")
MAX_LENGTH = 500


def parse(word_list: WordList, text: str) -> Any:
    """The value `text` adds to `word_list`, or EntryError saying in Chinese what is wrong."""
    text = text.strip()
    if not text:
        raise EntryError("条目不能为空")
    if len(text) > MAX_LENGTH:
        raise EntryError(f"条目不能超过 {MAX_LENGTH} 个字符")
    fmt = word_list.format
    if fmt is F.RECORD:
        return _record(word_list, text)
    if "\n" in text:
        raise EntryError("条目只能写一行；要添加多个条目，请逐条添加")
    if fmt is F.WORD:
        if len(text) < 2:
            raise EntryError("词语至少两个字，单个字会在正文中到处命中")
        return text
    if fmt is F.CHARACTERS:
        if any(char.isspace() for char in text):
            raise EntryError("只能填写字符本身，不能含空格")
        return "".join(dict.fromkeys(text))
    if fmt is F.GROUP:
        chars = "".join(dict.fromkeys(text))
        if any(char.isspace() for char in text) or len(chars) < 2:
            raise EntryError("字组至少包含两个不同的字，不能含空格")
        return chars
    if fmt is F.DOMAIN:
        domain = text.lower().lstrip(".")
        if not _DOMAIN.match(domain):
            raise EntryError(f"「{text}」不是域名后缀，应写成 example.gov.cn 这样的形式")
        return domain
    if fmt is F.PATTERN:
        _compile(text)
        return text
    parts = _PAIR_SEPARATOR.split(text, maxsplit=1)
    if len(parts) != 2 or not all(parts):
        raise EntryError("应写成“错误写法: 正确写法”，冒号两边都不能为空")
    wrong, right = parts
    if wrong == right:
        raise EntryError("错误写法和正确写法相同")
    return {wrong: right}


def identity(word_list: WordList, value: Any) -> str:
    """What two entries of a list must not share: the word, or the wrong form, or the pattern."""
    if word_list.format is F.PAIR:
        return next(iter(value))
    if word_list.format is F.RECORD:
        return value.get("wrong") or value["pattern"]
    return value


def package_values(word_list: WordList, data: dict) -> list[Any]:
    """The package's entries of `word_list`, one value per entry, from the kind's data."""
    raw = data.get(word_list.key)
    if raw is None:
        return []
    if word_list.format is F.PAIR:
        return [{wrong: right} for wrong, right in raw.items()]
    return list(raw)


def display(word_list: WordList, value: Any) -> str:
    """An entry written the way an admin types it."""
    if word_list.format is F.PAIR:
        wrong, right = next(iter(value.items()))
        return f"{wrong}: {right}"
    if word_list.format is F.RECORD:
        return yaml.safe_dump(value, allow_unicode=True, sort_keys=False).strip()
    return value


def add_to(word_list: WordList, data: dict, value: Any) -> None:
    """Merge one addition into a kind's data in place: lists extended, mappings by key."""
    current = data.get(word_list.key)
    if word_list.format is F.PAIR:
        data[word_list.key] = {**(current or {}), **value}
    elif word_list.format is F.CHARACTERS:
        current = current or ""
        data[word_list.key] = current + "".join(c for c in value if c not in current)
    elif current is None or value not in current:
        data[word_list.key] = [*(current or []), value]


def _record(word_list: WordList, text: str) -> dict[str, str]:
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise EntryError(f"不是有效的 YAML 映射：{exc}") from exc
    if not isinstance(value, dict):
        raise EntryError("应写成每行一个“字段: 值”的映射，字段为 " + "、".join(word_list.fields))
    unknown = sorted(str(key) for key in value if key not in word_list.fields)
    if unknown:
        raise EntryError("不认识的字段：" + "、".join(unknown))
    missing = [key for key in word_list.required if not value.get(key)]
    if missing:
        raise EntryError("缺少字段：" + "、".join(missing))
    if not all(isinstance(item, str) for item in value.values()):
        raise EntryError("每个字段的值都应是文字；数字、日期等请加引号")
    if "pattern" in value:
        _compile(value["pattern"])
    if "followed_by" in value:
        _compile(value["followed_by"])
    if value.get("severity", "block") not in ("block", "warn", "info"):
        raise EntryError("severity 只能是 block、warn 或 info")
    return value


def _compile(pattern: str) -> None:
    try:
        compiled = re.compile(pattern)
    except re.error as exc:
        raise EntryError(f"正则表达式有误：{exc}") from exc
    if compiled.match(""):
        raise EntryError("正则表达式能匹配空字符串，会在每一处命中")
