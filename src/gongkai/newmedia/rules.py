"""How long a 政务新媒体 account may go without a post, as data.

国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》 fails an account (单项否决) that has not
posted in the two weeks before the check; the workbench warns a few days before
(`GONGKAI_NEWMEDIA_WARN_DAYS`). An account whose last post was never entered is warned about
too: nobody can say it is kept up.
"""

from datetime import date, timedelta

STALE_AFTER_DAYS = 14


def stale_before(today: date) -> date:
    """An account whose last post is older than this day is stale today."""
    return today - timedelta(days=STALE_AFTER_DAYS)


def warn_before(today: date, warn_days: int) -> date:
    """An account whose last post is older than this day is stale within `warn_days`."""
    return stale_before(today) + timedelta(days=warn_days + 1)
