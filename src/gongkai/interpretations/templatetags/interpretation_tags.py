"""Interpretations on pages of the apps below this one: the catalog item's workbench page and
portal page (each links to the other side), the agency's disclosure column and the review chain
page (the 同步 setting)."""

from django import template
from django.db.models import Q
from django.middleware.csrf import get_token

from gongkai.agencies import access
from gongkai.catalog.models import InfoItem
from gongkai.interpretations import policy
from gongkai.interpretations.forms import SyncSettingForm
from gongkai.interpretations.models import Interpretation, NoInterpretationReason
from gongkai.interpretations.public import published_interpretations

register = template.Library()


@register.inclusion_tag("interpretations/item_panel.html", takes_context=True)
def item_interpretations(context, item: InfoItem):
    """On an item's workbench page: the interpretation record of an interpretation, or a
    document's interpretations, its recorded reason and what the 同步 rule still asks."""
    user = context["request"].user
    own = Interpretation.objects.filter(item=item).first()
    linked = (
        Interpretation.objects.filter(links__document=item)
        .select_related("item__current_version")
        .order_by("pk")
    )
    is_policy = own is None and policy.is_policy_document(item)
    return {
        "item": item,
        "own": own,
        "interpreted": own.documents.select_related("current_version") if own else (),
        "linked": linked,
        "is_policy": is_policy,
        "reason": NoInterpretationReason.objects.filter(document=item).first(),
        "waiting": policy.approval_refusal(item) if is_policy else None,
        "can_draft": access.can(user, "item.change", item.agency),
    }


@register.inclusion_tag("interpretations/public/item_links.html")
def public_interpretations(item: InfoItem):
    """On an item's portal page: its published interpretations, or, for an interpretation,
    the published documents it interprets."""
    rows = list(
        published_interpretations().filter(Q(item=item) | Q(links__document=item)).distinct()
    )
    own = next((row for row in rows if row.item_id == item.pk), None)
    return {"own": own, "interpretations": [row for row in rows if row.item_id != item.pk]}


@register.inclusion_tag("interpretations/setting_form.html", takes_context=True)
def interpretation_setting(context, agency):
    request = context["request"]
    return {
        "agency": agency,
        "form": SyncSettingForm(instance=policy.setting_of(agency)),
        "csrf_token": get_token(request),
    }
