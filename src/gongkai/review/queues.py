"""The tabs of the review queue: every review under way, and those waiting at a step the user
signs (the role of the step a review has reached, at the review's agency)."""

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from gongkai.agencies import access
from gongkai.web.queues import Ask, Queue

from .models import SIGNING_ROLES, Decision, ReviewOpinion, ReviewState
from .policy import MAX_CHAIN_STEPS


def _pending(qs, ask: Ask):
    return qs.filter(state=ReviewState.PENDING)


def _at_my_step(qs, ask: Ask):
    """`Review.next_step` in one query: the step whose index is the number of approvals so
    far, read from the chain the review keeps; its role must be one the user holds there."""
    approvals = (
        ReviewOpinion.objects.filter(review=OuterRef("pk"), decision=Decision.APPROVE)
        .order_by()
        .values("review")
        .annotate(n=Count("pk"))
        .values("n")
    )
    mine = Q(pk__in=[])
    for role, _label in SIGNING_ROLES:
        grant = access.grant(ask.user, f"review.step.{role}")
        if grant.nothing:
            continue
        at_step = Q(pk__in=[])
        for index in range(MAX_CHAIN_STEPS):
            at_step |= Q(signed=index, **{f"steps__{index}__role": role})
        mine |= at_step & grant.q("agency")
    signed = Coalesce(Subquery(approvals, output_field=IntegerField()), Value(0))
    return _pending(qs, ask).annotate(signed=signed).filter(mine)


QUEUES: dict[str, Queue] = {
    "pending": Queue("全部审查中", "review.sign", _pending),
    "mine": Queue("待我签署", "review.sign", _at_my_step),
}
