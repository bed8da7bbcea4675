"""Named filters of a workbench list ("queues"), each scoped by the access action it needs.

A list page and the inbox read the same `Queue`: the page shows the rows of the queue named in
its address (`?queue=…&days=3`) and the inbox counts the rows of the same queue with the same
address parameters, so the count beside an inbox link is the number of rows the link shows.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils import timezone

from gongkai.agencies import access


@dataclass(frozen=True)
class Ask:
    """Who asks for a queue, on which day, with which parameters of the list's address."""

    user: object
    today: date
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Queue:
    label: str
    action: str
    # Narrows the rows already scoped to the user's grant for `action`.
    narrow: Callable[[QuerySet, Ask], QuerySet]

    def rows(self, queryset: QuerySet, ask: Ask) -> QuerySet:
        return self.narrow(access.scope(queryset, ask.user, self.action), ask)


@dataclass(frozen=True)
class Source:
    """An inbox source: one queue of a list page, under a title of its area."""

    area: str
    title: str
    model: type[Model]
    url_name: str
    queues: Mapping[str, Queue]
    queue: str
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def action(self) -> str:
        return self.queues[self.queue].action

    @property
    def url(self) -> str:
        """The list page showing exactly the counted rows."""
        return f"{reverse(self.url_name)}?{urlencode({'queue': self.queue, **self.params})}"

    def rows(self, user, today: date):
        ask = Ask(user, today, {"queue": self.queue, **self.params})
        return self.queues[self.queue].rows(self.model.objects.all(), ask)


class QueueListMixin:
    """A list page with tabs: `queues` by key, the one named by `?queue=` (else the first).

    The page's own `action` admits the user; the queue's action scopes its rows, so a queue
    meant for approvers lists only the agencies where the user approves.
    """

    queues: dict[str, Queue] = {}

    def queue_rows(self, queryset: QuerySet) -> QuerySet:
        key = self.request.GET.get("queue", "")
        self.queue_key = key if key in self.queues else next(iter(self.queues))
        ask = Ask(self.request.user, timezone.localdate(), self.request.GET)
        return self.queues[self.queue_key].rows(queryset, ask)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            # A tab whose action the user holds nowhere would always be empty: not shown.
            queues={
                key: q.label
                for key, q in self.queues.items()
                if not access.grant(self.request.user, q.action).nothing
            },
            queue=self.queue_key,
            queue_label=self.queues[self.queue_key].label,
            **kwargs,
        )
