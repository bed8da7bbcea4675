"""Integer parameters of a request (query string or form), read one way on every page and API.

`str.isdigit()` accepts «²» and «٣», which `int()` refuses, and `int()` accepts numbers no
database column holds (SQLite and PostgreSQL integers stop at 2⁶³ − 1); either, passed on to a
query, was a server error. A value that is not a plain number within its bounds is treated as
absent: the page shows its default, and an id that cannot exist finds nothing.
"""

from collections.abc import Mapping

from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework.pagination import LimitOffsetPagination

LARGEST_ID = 2**63 - 1
# The furthest a list may be paged into; beyond it a database's LIMIT/OFFSET arithmetic overflows.
LARGEST_OFFSET = 2**31 - 1


def integer(
    raw: object, *, minimum: int = 0, maximum: int = LARGEST_ID, default: int | None = None
) -> int | None:
    """`raw` as an integer between `minimum` and `maximum`, else `default`."""
    text = raw.strip() if isinstance(raw, str) else ""
    if not text or not text.isascii() or not text.isdigit() or len(text) > len(str(maximum)):
        return default
    value = int(text)
    return value if minimum <= value <= maximum else default


def object_id(params: Mapping, name: str) -> int | None:
    """The row id in `params[name]`, or None when it cannot name a row."""
    return integer(params.get(name), minimum=1)


class BoundedLimitOffsetPagination(LimitOffsetPagination):
    """The API's paging: at most `max_limit` rows a page, and `limit`/`offset` read through
    `integer` so an unreadable or huge value gives the default instead of an error."""

    max_limit = 500

    def get_limit(self, request) -> int:
        asked = integer(request.query_params.get(self.limit_query_param), minimum=1)
        return self.default_limit if asked is None else min(asked, self.max_limit)

    def get_offset(self, request) -> int:
        return integer(
            request.query_params.get(self.offset_query_param), maximum=LARGEST_OFFSET, default=0
        )


@extend_schema_field(OpenApiTypes.INT)
class IntegerFilter(filters.CharFilter):
    """An API list's integer filter read through `integer`: `year=0.0`, `topic=²` or an id past
    any column filter nothing instead of reaching the query (django-filter's NumberFilter takes
    decimals and unbounded numbers)."""

    def __init__(self, *args, minimum: int = 0, maximum: int = LARGEST_ID, **kwargs):
        super().__init__(*args, **kwargs)
        self.minimum, self.maximum = minimum, maximum

    def filter(self, qs, value):
        number = integer(value, minimum=self.minimum, maximum=self.maximum)
        return qs if number is None else super().filter(qs, number)
