"""The tabs of the account list: every account, and those the workbench warns about. Keys are
unique across the workbench."""

from gongkai.web.queues import Queue

from .states import PROBLEM_STATES, with_state

QUEUES: dict[str, Queue] = {
    "new_media": Queue("全部账号", "newmedia.view", lambda qs, ask: with_state(qs, ask.today)),
    "new_media_attention": Queue(
        "即将或已超过2周未更新",
        "newmedia_warning.view",
        lambda qs, ask: with_state(
            qs.filter(is_active=True, agency__is_active=True), ask.today
        ).filter(state__in=PROBLEM_STATES),
    ),
}
