"""The API's JSON body parser: a body nested too deeply for Python's parser to follow is a
Chinese 400, not a `RecursionError` and a server error."""

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser


class BodyRefused(ParseError):
    """A body our parsers cannot read, with the reason already in Chinese."""


class JSONBodyParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise BodyRefused("JSON 嵌套层数过多，无法解析。") from None
