"""Rows of 政民互动 owned by an agency, for the cross-agency isolation walk."""

from gongkai.engagement.models import Channel, Message
from tests.engagement.makers import make_message


def message(agency, marker: str) -> Message:
    return make_message(agency, subject=marker, text=f"{marker}的咨询内容")


def message_payload(agency, marker: str) -> dict:
    return {"transition": "refuse", "fields": {"reason": marker}, "refuse-reason": marker}


def channel(agency, marker: str) -> Channel:
    return Channel.objects.get(agency=agency, kind="question")


def channel_payload(agency, marker: str) -> dict:
    return {
        "reply_workdays": 1,
        "complex_workdays": 1,
        "warn_workdays": 1,
        "max_extension_workdays": 1,
    }
