"""Messages made through the intake service, as the public form or a clerk makes them."""

from gongkai.engagement import services
from gongkai.engagement.models import Channel, ChannelKind, Message

SPAM = "澳门新葡京在线博彩 www.bet365.com 加微信领彩金"


def channel_of(agency, kind: str = ChannelKind.QUESTION) -> Channel:
    return Channel.objects.get(agency=agency, kind=kind)


def make_message(
    agency,
    *,
    kind: str = ChannelKind.QUESTION,
    text: str = "低保申请需要哪些材料？",
    received_on=None,
    **fields,
) -> Message:
    submission = services.Submission(
        subject=fields.pop("subject", "咨询低保申请材料"),
        text=text,
        writer_name=fields.pop("writer_name", "张三"),
        phone=fields.pop("phone", "13800138000"),
        **fields,
    )
    return services.receive(channel_of(agency, kind), submission, received_on=received_on)
