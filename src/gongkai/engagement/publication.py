"""The public copy of an answered message: personal numbers (ID numbers, phones, bank cards,
through `checks/masking.py`) and the names the handler marked are masked in the copy only;
the record keeps what the writer and the handler wrote."""

import re

from gongkai.checks.masking import MASK, mask_text

NAME_SEPARATORS = re.compile(r"[\s,，、;；]+")


def marked_names(text: str) -> list[str]:
    """The names a handler listed, longest first so a longer name is masked whole."""
    names = {name for name in NAME_SEPARATORS.split(text) if name}
    return sorted(names, key=len, reverse=True)


def mask_name(name: str) -> str:
    """张三 → 张*: the surname stays, so the text still reads as a person."""
    return name[0] + MASK * (len(name) - 1) if len(name) > 1 else MASK


def public_copy(text: str, names: list[str]) -> str:
    masked = mask_text(text)
    for name in names:
        masked = masked.replace(name, mask_name(name))
    return masked
