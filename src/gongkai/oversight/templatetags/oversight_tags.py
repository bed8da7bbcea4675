"""How the oversight pages show figures (exact fractions as the data writes them) and look up
a probe by name."""

from fractions import Fraction

from django import template

from ..scoring import rounded
from ..systems import number

register = template.Library()


@register.filter
def figure(value):
    """A figure of a system: 5, 0.5, 4/3; a dash when there is none."""
    if value is None or value == "":
        return "—"
    return number(value) if isinstance(value, Fraction) else value


@register.filter
def score(value):
    """A score, rounded half up to two places."""
    return rounded(value) if isinstance(value, Fraction) else value


@register.filter
def lookup(mapping, key):
    return mapping.get(key) if mapping else None
