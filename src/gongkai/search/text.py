"""Text folding, character bigrams, word segmentation and 文号/索引号 keys for search.

Index and query go through the same folding so that full-width and half-width forms,
traditional and simplified script, and upper and lower case meet in one form. Everything here
is a pure function over strings plus the word lists in `data/` (extendable through the
GONGKAI_SEARCH_DATA_DIR setting).
"""

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from operator import add
from pathlib import Path

import numpy as np
import opencc
import rjieba
from django.conf import settings

from gongkai.checks.kinds.script_mix import script_tables
from gongkai.lib.doc_numbers import YEAR_CLOSES, YEAR_OPENS

DATA_DIR = Path(__file__).resolve().parent / "data"

# A run of characters that can sit inside one word; everything else separates runs.
_RUN = re.compile(r"[^\W_]+")
_DOC_NUMBER = re.compile(
    r"(?P<prefix>[\u4e00-\u9fff]{1,12}?)\s*"
    rf"{YEAR_OPENS}?\s*(?P<year>(?:19|20)\d{{2}})\s*(?:{YEAR_CLOSES}|年)?\s*"
    r"第?\s*(?P<seq>\d{1,6})\s*号"
)
_BARE_SEQUENCE = re.compile(r"^第?(?P<seq>\d{1,6})号文?$")
# 索引号 as the national guideline composes it: an agency code, a year, a serial, with "/" or "-".
_INDEX_NUMBER = re.compile(r"^[0-9A-Za-z]{4,}(?:[/\-][0-9A-Za-z]+){1,4}$")


def _data_files(name: str) -> list[Path]:
    files = [DATA_DIR / name]
    extra = getattr(settings, "GONGKAI_SEARCH_DATA_DIR", "")
    if extra and (Path(extra) / name).is_file():
        files.append(Path(extra) / name)
    return files


def data_lines(name: str) -> Iterator[list[str]]:
    """The entries of a word list shipped in `data/` and of its namesake in
    GONGKAI_SEARCH_DATA_DIR, each split at spaces."""
    for path in _data_files(name):
        yield from list_lines(path)


def list_lines(path: Path) -> Iterator[list[str]]:
    """The entries of one word-list file: lines split at spaces, blank lines and # comments
    left out."""
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line.split()


@cache
def _traditional_table() -> dict[int, str]:
    traditional_only, _ = script_tables()
    return {ord(char): simplified for char, simplified in traditional_only.items()}


@cache
def _fold_table() -> dict[int, str]:
    """Each character's fold: its NFKC form (full width → half width, ① → 1), lower-cased,
    with traditional-only characters mapped to simplified ones. Only changed characters."""
    table: dict[int, str] = {}
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char).lower().translate(_traditional_table())
        if folded != char:
            table[code] = folded
    return table


@dataclass(frozen=True)
class _Tables:
    """The per-character tables as arrays over the Basic Multilingual Plane, so that a whole
    document is folded and split into bigrams by array lookups instead of a Python loop per
    character (a tenth of the time; indexing is dominated by it otherwise)."""

    fold: np.ndarray  # code point → its one-character fold
    length: np.ndarray  # code point → length of its fold (1 for most, 3 for …, 0 for none)
    expansion_row: np.ndarray  # code point → its row in `expansions` when length ≠ 1
    expansions: np.ndarray  # rows of folds longer than one character, zero-padded
    run: np.ndarray  # code point → True when it can sit inside a word (letter, digit, Han)
    traditional: np.ndarray  # code point → True for a traditional-only character
    simplified: np.ndarray  # code point → True for a simplified-only character


@cache
def _tables() -> _Tables:
    folds = _fold_table()
    fold = np.arange(0x10000, dtype="<u4")
    length = np.ones(0x10000, dtype=np.int64)
    expansion_row = np.zeros(0x10000, dtype=np.int64)
    odd = sorted(code for code, folded in folds.items() if len(folded) != 1)
    expansions = np.zeros((len(odd) + 1, max(len(folds[c]) for c in odd)), dtype="<u4")
    for code, folded in folds.items():
        length[code] = len(folded)
        if len(folded) == 1:
            fold[code] = ord(folded)
    for row, code in enumerate(odd, start=1):
        expansion_row[code] = row
        expansions[row, : len(folds[code])] = [ord(char) for char in folds[code]]
    run = np.array([chr(code).isalnum() for code in range(0x10000)], dtype=bool)
    marks = []
    for chars in script_tables():
        mark = np.zeros(0x10000, dtype=bool)
        mark[[ord(char) for char in chars if ord(char) < 0x10000]] = True
        marks.append(mark)
    return _Tables(fold, length, expansion_row, expansions, run, *marks)


# Below this length the per-character table is quicker than setting up array lookups; both
# give the same result, the arrays being built from that table.
_SHORT = 200


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), dtype="<u4")


def _from_code_points(codes: np.ndarray) -> str:
    return codes.astype("<u4", copy=False).tobytes().decode("utf-32-le")


def _bmp(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """Indexes into the tables, and where the characters beyond U+FFFF are (None when there
    are none, as in nearly every text, which then skips the clamping)."""
    if not codes.size or codes.max() <= 0xFFFF:
        return codes, None
    beyond = codes > 0xFFFF
    return np.minimum(codes, 0xFFFF), beyond


@cache
def _any_traditional() -> re.Pattern[str]:
    return re.compile("[" + "".join(map(re.escape, sorted(script_tables()[0]))) + "]")


@cache
def _phrase_converter() -> opencc.OpenCC:
    # Taiwan phrasing to mainland phrasing (資訊 → 信息, 軟體 → 软件), not character by character.
    return opencc.OpenCC("tw2sp")


@cache
def regional_terms() -> dict[str, str]:
    return {parts[0]: parts[1] for parts in data_lines("regional.txt") if len(parts) >= 2}


def is_traditional(text: str) -> bool:
    """True when most of the script-specific characters in `text` are traditional ones."""
    if not _any_traditional().search(text):
        return False  # nearly every text: one scan, no counting
    tables = _tables()
    index, beyond = _bmp(_code_points(text))
    if beyond is not None:
        index = index[~beyond]
    count = np.count_nonzero(tables.traditional[index])
    return count > 0 and count > np.count_nonzero(tables.simplified[index])


def to_simplified(text: str) -> str:
    """Traditional text in mainland phrasing; text already simplified is returned untouched.

    OpenCC's t2s on simplified text damages it (破坏 → 破坯), so only a text that is mostly
    traditional goes through the phrase converter.
    """
    if not is_traditional(text):
        return text
    for regional, mainland in regional_terms().items():
        text = text.replace(regional, mainland)
    return _phrase_converter().convert(text)


def fold(text: str) -> str:
    """The one form that index and queries share: NFKC width folding, simplified, lower case.

    A stray traditional character in a simplified text is mapped alone, through the
    traditional-only character table; a traditional text is converted phrase by phrase.
    """
    text = to_simplified(text)
    if len(text) < _SHORT:
        return text.translate(_fold_table())
    return _from_code_points(_fold_codes(_code_points(text)))


def _fold_codes(codes: np.ndarray) -> np.ndarray:
    """`fold` over code points of text already in simplified script."""
    tables = _tables()
    index, beyond = _bmp(codes)
    folded = tables.fold[index]
    lengths = tables.length[index]
    if beyond is not None:
        folded = np.where(beyond, codes, folded)
        lengths = np.where(beyond, 1, lengths)
    expanding = lengths != 1
    if expanding.any():
        # Rare: … → "...", ㈠ → "(一)", a character that folds to nothing. Each character's
        # fold is laid out at its own offset in the result.
        source = np.repeat(np.arange(codes.size), lengths)
        offset = np.arange(source.size) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        expanded = tables.expansions[tables.expansion_row[index[source]], offset]
        folded = np.where(expanding[source], expanded, folded[source])
    return folded


@cache
def _aligned_table() -> dict[int, str]:
    return {code: folded for code, folded in _fold_table().items() if len(folded) == 1}


def fold_aligned(text: str) -> str:
    """`fold` character by character, keeping length so that positions map back to the
    original (for highlighting): no phrase conversion, no expansions like ① → 1."""
    return text.translate(_aligned_table())


def runs(folded: str) -> list[str]:
    return _RUN.findall(folded)


def bigram_run(run: str) -> list[str]:
    """Overlapping character bigrams of one run, then its last character alone."""
    return [*map(add, run, run[1:]), run[-1]]


def bigram_text(folded: str) -> str:
    """The bigram stream of already-folded text, space separated for a whitespace tokenizer.

    Runs are separated by one space and every adjacent pair of characters becomes a token, so
    each character starts exactly one token within its run: a phrase of a query's bigrams at
    consecutive positions is an exact substring match, and a lone character is found by the
    tokens that start with it. A pair that straddles a separator leaves the run's last
    character, and the next run's first, as single-character tokens.
    """
    if len(folded) < _SHORT:
        return " ".join(_bigram_tokens(folded))
    return _bigram_stream(_code_points(folded))


def _bigram_tokens(folded: str) -> list[str]:
    """The bigram stream as a list, built run by run (quicker for a short text)."""
    tokens: list[str] = []
    for run in runs(folded):
        if tokens:
            tokens.append(run[0])
        tokens += bigram_run(run)
    return tokens


def _bigram_stream(codes: np.ndarray) -> str:
    """The bigram stream of folded code points, built by array operations."""
    index, beyond = _bmp(codes)
    in_run = _tables().run[index]
    if beyond is not None:
        for code in np.unique(codes[beyond]):
            in_run[codes == code] = chr(code).isalnum()
    if not in_run.any():
        return ""
    # Runs separated by one space: keep a separator only right after a run's last character.
    kept = in_run.copy()
    kept[1:] |= in_run[:-1]
    spaced = np.where(in_run, codes, 0x20)[kept]
    if spaced[-1] == 0x20:
        spaced = spaced[:-1]
    # Each character followed by the next and a space; the last character alone.
    stream = np.full(3 * spaced.size - 2, 0x20, dtype="<u4")
    stream[0::3] = spaced
    stream[1::3] = spaced[1:]
    return _from_code_points(stream)


def query_bigrams(folded_run: str) -> list[str]:
    """The tokens a phrase query needs to find `folded_run` as a substring."""
    if len(folded_run) == 1:
        return [folded_run]
    return [folded_run[i : i + 2] for i in range(len(folded_run) - 1)]


@cache
def _segmenter_ready() -> bool:
    for parts in data_lines("dictionary.txt"):
        word = fold(parts[0])
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        rjieba.add_word(word, freq, None)
    return True


def segment(folded: str) -> list[str]:
    """Words of folded text, cut with the government-domain dictionary."""
    _segmenter_ready()
    return [word for word in rjieba.cut(folded) if _RUN.fullmatch(word)]


def warm_up() -> None:
    """Build the folding tables and start the script converter now (about a second), so that
    a web worker's first search does not wait for them."""
    fold("政府資訊公開條例" * (_SHORT // 8 + 1))
    segment("政府信息公开条例")


def dictionary_words() -> list[str]:
    return [fold(parts[0]) for parts in data_lines("dictionary.txt")]


@cache
def synonym_groups() -> dict[str, tuple[str, ...]]:
    """Each folded term → every term of its synonym group (itself included)."""
    groups: dict[str, set[str]] = {}
    for parts in data_lines("synonyms.txt"):
        group = {fold(part) for part in parts}
        for term in list(group):
            group |= groups.get(term, set())
        for term in group:
            groups[term] = group
    return {
        term: tuple(sorted(group, key=lambda t: (-len(t), t))) for term, group in groups.items()
    }


@cache
def abbreviations() -> tuple[tuple[str, str], ...]:
    """(short form, full form) pairs of `abbreviations.txt`, folded, longest short form first
    so that 个税法 is expanded before 个税."""
    pairs = {fold(parts[0]): fold(parts[1]) for parts in data_lines("abbreviations.txt")}
    return tuple(sorted(pairs.items(), key=lambda pair: (-len(pair[0]), pair[0])))


def expand_abbreviations(folded: str) -> str:
    """`folded` with each short form in it written out in full (民诉法解释 → 民事诉讼法解释),
    unless that full form is already there; the text itself when none applies."""
    for short, full in abbreviations():
        if short in folded and full not in folded:
            folded = folded.replace(short, full)
    return folded


def doc_number_key(text: str) -> str | None:
    """The canonical key of a 文号 (国办发〔2019〕26号 → "国办发2019-26"), or None."""
    match = _DOC_NUMBER.search(fold(text))
    if match is None:
        return None
    return f"{match['prefix']}{match['year']}-{int(match['seq'])}"


def doc_number_keys(text: str) -> list[str]:
    """Every 文号 key in a text (the primary number, then any others it carries)."""
    folded = fold(text)
    return [f"{m['prefix']}{m['year']}-{int(m['seq'])}" for m in _DOC_NUMBER.finditer(folded)]


def doc_sequence(text: str) -> str | None:
    """The serial of a 文号 (国办发〔2019〕26号 → "26") for 「26号文」 within an agency."""
    match = _DOC_NUMBER.search(fold(text))
    return str(int(match["seq"])) if match else None


def bare_sequence(query: str) -> str | None:
    """「26号文」, 「第26号」: a bare serial, meaningful only within one agency's numbers."""
    match = _BARE_SEQUENCE.match(fold(query).replace(" ", ""))
    return str(int(match["seq"])) if match else None


def index_number_key(text: str) -> str:
    return fold(text).replace(" ", "").upper()


def looks_like_index_number(query: str) -> bool:
    return bool(_INDEX_NUMBER.match(fold(query).strip()))


def agency_path_prefixes(path: str) -> list[str]:
    """ "/1/4/9/" → ["/1/", "/1/4/", "/1/4/9/"]: every subtree the agency belongs to."""
    parts = [part for part in path.split("/") if part]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))]


def join_texts(parts: Iterable[str]) -> str:
    return "\n".join(part for part in parts if part)


def phrase_tokens(folded: str) -> list[str]:
    """Bigram-field tokens that match `folded` exactly, punctuation between runs aside.

    Inner runs must be whole runs in the document: each follows the previous run's last
    character and its own first character alone (see `bigram_text`); the first run may
    continue to the left and the last to the right.
    """
    parts = runs(folded)
    tokens: list[str] = []
    for i, run in enumerate(parts):
        last = i == len(parts) - 1
        if i > 0:
            tokens.append(run[0])
            if last and len(run) == 1:
                break
        tokens += query_bigrams(run) if last else bigram_run(run)
    return tokens
