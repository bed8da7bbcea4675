"""Every agency has the default channels from its creation on; an agency edits its own."""

from gongkai.agencies.models import Agency

from .defaults import DEFAULT_CHANNELS
from .models import Channel
from .services import recompute_open_deadlines


def ensure_default_channels(agency: Agency) -> list[Channel]:
    """Create the channels the agency lacks with the default limits; existing ones stay."""
    have = set(agency.channels.values_list("kind", flat=True))
    return [
        Channel.objects.create(
            agency=agency,
            kind=default.kind,
            reply_workdays=default.reply_workdays,
            complex_workdays=default.complex_workdays,
            warn_workdays=default.warn_workdays,
            max_extension_workdays=default.max_extension_workdays,
            publish_by_default=default.publish_by_default,
            anonymous_allowed=default.anonymous_allowed,
        )
        for default in DEFAULT_CHANNELS
        if default.kind not in have
    ]


def open_channels():
    """The channels the public may write to, at active agencies, in the agencies' order."""
    return (
        Channel.objects.filter(is_open=True, agency__is_active=True)
        .select_related("agency")
        .order_by("agency__path", "id")
    )


def follow_limits(channel: Channel) -> int:
    """After an agency changed a channel's limits, its open messages are due by the new ones."""
    return recompute_open_deadlines("渠道时限调整", channel.messages.all())
