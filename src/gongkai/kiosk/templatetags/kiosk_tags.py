from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def idle_seconds() -> int:
    """How long the kiosk waits untouched before going back to its start page."""
    return settings.GONGKAI_KIOSK_IDLE_SECONDS
