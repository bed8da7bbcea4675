"""索引号 (index numbers): the rule that makes them and the forms accepted from legacy catalogs.

国办秘函〔2009〕6号 (ogi-spec §5.1) sets 前段码/后段码: the publisher's code, then the year and a
5-digit serial. We issue `<统一社会信用代码>/<year>-<serial>` by default; a deployment may set
GONGKAI_INDEX_NUMBER_FORMAT. Numbers from other catalogs (9-character organisation codes, USCC
with a month, CMS-generated forms) are accepted on import as they are.
"""

import re
from datetime import date

from django.conf import settings

DEFAULT_FORMAT = "{credit_code}/{year}-{serial:05d}"
# Printable, no spaces, the characters real catalogs use.
ACCEPTED = re.compile(r"^[0-9A-Za-z][0-9A-Za-z/\-_.]{5,59}$")


def index_format() -> str:
    return getattr(settings, "GONGKAI_INDEX_NUMBER_FORMAT", "") or DEFAULT_FORMAT


def make(*, credit_code: str, year: int, serial: int, fmt: str | None = None) -> str:
    """The index number for an agency's `serial`-th item of `year`."""
    return (fmt or index_format()).format(credit_code=credit_code, year=year, serial=serial)


def numbering_year(written_on: date | None, registered_on: date) -> int:
    """The year in an item's 索引号: the year of its 成文日期, the year the information was made
    (国办秘函〔2009〕6号 numbers information by the year it was generated); the year it is
    registered when no 成文日期 is given. The workbench, the API and the bulk import apply it."""
    return (written_on or registered_on).year


def is_acceptable(value: str) -> bool:
    """Whether an index number from another catalog may be kept as it is."""
    return bool(ACCEPTED.match(value))
