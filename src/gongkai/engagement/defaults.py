"""The channels every agency starts with, and their limits in working days.

Each limit is a local rule taken as the default (engagement-and-oversight.md §2); an agency
changes its own channels on the workbench. The day after receipt is day 1, as everywhere.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ChannelDefault:
    kind: str
    reply_workdays: int
    complex_workdays: int
    warn_workdays: int  # how many working days before the deadline a message counts as due soon
    publish_by_default: bool
    anonymous_allowed: bool
    max_extension_workdays: int


# More time must be announced before the deadline and is capped (巢湖: 15 days in all).
MAX_EXTENSION_WORKDAYS = 15

DEFAULT_CHANNELS = (
    # 咨询: 3 working days, 10 when marked complex (沈阳, 巢湖).
    ChannelDefault("question", 3, 10, 1, True, False, MAX_EXTENSION_WORKDAYS),
    # 意见建议: 7 working days, up to 15 when complex (安徽).
    ChannelDefault("suggestion", 7, 15, 2, True, True, MAX_EXTENSION_WORKDAYS),
    # 投诉举报: 15 working days (广东, 安徽); a report may be anonymous, its reply is not public.
    ChannelDefault("complaint", 15, 15, 3, False, True, MAX_EXTENSION_WORKDAYS),
    # 网民找错: reply within 3 working days (辽宁).
    ChannelDefault("error_report", 3, 10, 1, True, True, MAX_EXTENSION_WORKDAYS),
    # 领导信箱: written to the head of the agency; handled like a suggestion.
    ChannelDefault("leader_mailbox", 7, 15, 2, False, False, MAX_EXTENSION_WORKDAYS),
)
