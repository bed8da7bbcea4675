"""Near-miss spellings of leaders' and officials' names."""

from collections.abc import Iterator

from ..checker import Checker, register
from ..findings import Finding, Severity
from ..lists import ListData
from ..matching import PhraseMatcher


def near_misses(name: str, confusables: list[str]) -> dict[str, str]:
    """Every spelling of `name` with exactly one character swapped for a confusable one."""
    groups = {char: group for group in confusables for char in group}
    variants: dict[str, str] = {}
    for position, char in enumerate(name):
        for other in groups.get(char, ""):
            if other != char:
                variants[name[:position] + other + name[position + 1 :]] = name
    return variants


@register
class LeaderName(Checker):
    kind = "leader_name"
    severity = Severity.BLOCK

    def __init__(self, data: ListData) -> None:
        super().__init__(data)
        names = data.get("names", [])
        confusables = data.get("confusables", [])
        variants: dict[str, str] = {}
        for name in names:
            # One swapped character in a two-character name is usually an ordinary word.
            if len(name) >= 3:
                variants.update(near_misses(name, confusables))
        variants.update(data.get("known_miswritings") or {})
        # Matching the correct names too lets leftmost-longest matching protect them:
        # a correct name is never reported as a variant of a longer or overlapping one.
        phrases: dict[str, str | None] = {name: None for name in names}
        phrases.update(
            {variant: name for variant, name in variants.items() if variant not in names}
        )
        self.matcher = PhraseMatcher(phrases)

    def find(self, text: str) -> Iterator[Finding]:
        for start, end, name in self.matcher.finditer(text):
            if name is None:
                continue
            yield self.finding(
                start,
                end,
                text,
                f"「{text[start:end]}」与领导人姓名「{name}」只差一个音近或形近的字，"
                "疑为误写。误写领导人姓名属严重错误。",
                suggestion=name,
            )
