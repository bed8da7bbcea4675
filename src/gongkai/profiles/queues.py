"""The tabs of the profile list: every version, those waiting for the reviewer, those returned
to the agency. Keys are unique across the workbench."""

from gongkai.web.queues import Queue

from .models import ProfileStatus

QUEUES: dict[str, Queue] = {
    "profiles": Queue("全部版本", "profile.view", lambda qs, ask: qs),
    "profiles_to_review": Queue(
        "待审核",
        "profile.review",
        lambda qs, ask: qs.filter(status=ProfileStatus.SUBMITTED),
    ),
    "profiles_returned": Queue(
        "已退回修改",
        "profile.edit",
        lambda qs, ask: qs.filter(status=ProfileStatus.RETURNED),
    ),
}
