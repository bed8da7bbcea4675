"""Every agency has the default work-order categories from its creation on; an agency admin
edits its own, and the open orders follow the new limits."""

from gongkai.agencies.models import Agency

from .defaults import DEFAULT_CATEGORIES
from .models import OrderCategory
from .services import recompute_open_deadlines


def ensure_default_categories(agency: Agency) -> list[OrderCategory]:
    """Create the categories the agency lacks with the default limits; existing ones stay."""
    have = set(agency.order_categories.values_list("kind", flat=True))
    return [
        OrderCategory.objects.create(
            agency=agency,
            kind=default.kind,
            limit_workdays=default.limit_workdays,
            warn_workdays=default.warn_workdays,
            max_extension_workdays=default.max_extension_workdays,
            basis=default.basis,
            unconfirmed=default.unconfirmed,
        )
        for default in DEFAULT_CATEGORIES
        if default.kind not in have
    ]


def follow_limits(category: OrderCategory) -> int:
    """After an agency changed a category's limits, its open orders are due by the new ones."""
    return recompute_open_deadlines("工单类别时限调整", category.orders.all())
