"""The tabs of the column list: every column, and those the workbench warns about (due soon,
stale, or empty without a 情况说明), for those who answer for the site. Keys are unique across
the workbench."""

from gongkai.web.queues import Queue

from .states import PROBLEM_STATES, with_state


def _active(qs, ask):
    return with_state(qs.filter(is_active=True, agency__is_active=True), ask.today)


QUEUES: dict[str, Queue] = {
    "columns": Queue("全部栏目", "column.view", lambda qs, ask: with_state(qs, ask.today)),
    "columns_attention": Queue(
        "即将超期、已超期或空白",
        "column_warning.view",
        lambda qs, ask: _active(qs, ask).filter(state__in=PROBLEM_STATES),
    ),
}
