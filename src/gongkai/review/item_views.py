"""The staff page of one catalog item: its versions, attachments, check findings and review
chain, and the forms of the review gate's transitions (ITEM_WORKFLOW). It lives here rather than
in catalog because driving an item through the gate runs review's services."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView

from gongkai.catalog.models import InfoItem
from gongkai.web import transitions
from gongkai.web.scoping import ScopedMixin

from . import services as review
from .models import Review
from .policy import DUE_SOON_DAYS
from .workflow import ITEM_WORKFLOW

# The transitions whose form the item page shows (as `<name>_form`); a refused input comes back
# in it, beside its field. Removing an attachment is a button, and says why on the page.
PAGE_FORMS = ("sign", "override", "schedule", "revoke", "revise")


class ItemDetailView(ScopedMixin, DetailView):
    """The item with its versions, attachments, check findings and review chain; the forms on
    it post here, and each transition's service checks the user's right to it."""

    model = InfoItem
    action = "item.view"
    template_name = "review/item.html"

    def get_queryset(self):
        return super().get_queryset().select_related("agency", "current_version")

    def post(self, request, *args, **kwargs):
        self.object = item = self.get_object()
        name = request.POST.get("transition", "")
        attempt = transitions.attempt(ITEM_WORKFLOW, item, name, request)
        if attempt.done:
            messages.success(request, ITEM_WORKFLOW.message(name, attempt.result))
            return self._back()
        if attempt.form is not None and attempt.form.errors and name in PAGE_FORMS:
            return self.render_to_response(
                self.get_context_data(**{f"{name}_form": attempt.form}), status=400
            )
        return self._back(error=attempt.error)

    def _back(self, error: str = ""):
        if error:
            messages.error(self.request, error)
        return HttpResponseRedirect(reverse("review:item", args=[self.object.pk]))

    def get_context_data(self, **kwargs):
        item, user = self.object, self.request.user
        version = item.current_version
        pending = review.pending_review(item)
        reviews = (
            Review.objects.filter(version__item=item)
            .select_related("version", "submitted_by", "checks_override_by")
            .prefetch_related("opinions__reviewer")
        )
        moves = set(ITEM_WORKFLOW.available(item, user))
        context = {
            "version": version,
            "versions": item.versions.all(),
            "attachments": version.attachments.all(),
            "findings": version.all_findings(),
            "block_findings": version.block_findings,
            "pending": pending,
            "reviews": reviews,
            # Editing content in place is allowed exactly when removing an attachment is.
            "can_edit": "remove_attachment" in moves,
            "can_submit": "submit" in moves,
            "can_sign": "sign" in moves,
            "can_override": "override" in moves,
            "can_publish": "publish" in moves,
            "can_schedule": "schedule" in moves,
            "can_revoke": "revoke" in moves,
            "can_revise": "revise" in moves,
            "today": timezone.localdate(),
            "due_soon_days": DUE_SOON_DAYS,
        }
        context |= {f"{name}_form": ITEM_WORKFLOW.form(name, item) for name in PAGE_FORMS}
        return super().get_context_data(**(context | kwargs))
