"""The per-client limits on the public pages and API of 依申请公开 (`core/rate_limits.py`)."""

from datetime import timedelta

from gongkai.core.rate_limits import Limit

STATUS_LOOKUP = Limit(
    scope="status_lookup",
    setting="GONGKAI_STATUS_LOOKUPS_PER_15_MIN",
    window=timedelta(minutes=15),
    message="查询过于频繁，请15分钟后再试。",
)
# Each accepted application starts a statutory clock (Art. 33), so a flood of them from one
# address is refused; staff registering paper applications in the workbench are not limited.
PUBLIC_APPLICATION = Limit(
    scope="application",
    setting="GONGKAI_PUBLIC_SUBMISSIONS_PER_HOUR",
    window=timedelta(hours=1),
    message="同一网络地址提交过于频繁，请一小时后再试；急需办理的，请到查阅点当面提交。",
)
