"""Two 政务新媒体 accounts of the demo county's 民政局: a WeChat account kept up, and a Weibo
account that has gone more than two weeks without a post, so the workbench warns about it."""

from datetime import timedelta

from django.utils import timezone

from gongkai.core.actor import acting_as, actor_for_user
from gongkai.newmedia.models import LastPostSource, NewMediaAccount, Platform

MZ = "某某县民政局"


def load(*, agencies: dict, users: dict) -> None:
    today = timezone.localdate()
    with acting_as(actor_for_user(users["mz_clerk"])):
        for platform, name, account_id, days in (
            (Platform.WECHAT, "某某县民政", "mzjweixin", 2),
            (Platform.WEIBO, "某某县民政局发布", "mzjweibo", 20),
        ):
            NewMediaAccount.objects.create(
                agency=agencies[MZ],
                platform=platform,
                name=name,
                account_id=account_id,
                operator="县民政局办公室",
                last_post_on=today - timedelta(days=days),
                last_post_source=LastPostSource.ENTERED,
            )
