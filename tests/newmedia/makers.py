"""政务新媒体 accounts dated as a test needs."""

from gongkai.newmedia.models import NewMediaAccount


def make_account(agency, name: str, last_post_on=None, platform="wechat", **extra):
    return NewMediaAccount.objects.create(
        agency=agency,
        platform=platform,
        name=name,
        operator=extra.pop("operator", f"{agency.name}办公室"),
        last_post_on=last_post_on,
        **extra,
    )
