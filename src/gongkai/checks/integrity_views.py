"""The workbench's 发布内容完整性 page: the latest scan's findings, agency by agency, for the
agencies the user may see (a 主管部门 sees those below its own)."""

from django.views.generic import ListView

from gongkai.agencies import access
from gongkai.web.scoping import ScopedMixin

from .models import IntegrityFinding, IntegrityScan


class IntegrityFindingsView(ScopedMixin, ListView):
    model = IntegrityFinding
    action = "integrity.view"
    template_name = "checks/integrity.html"

    def get_queryset(self):
        self.scan = IntegrityScan.objects.first()
        if self.scan is None:
            return IntegrityFinding.objects.none()
        return (
            super()
            .get_queryset()
            .filter(scan=self.scan)
            .select_related("agency", "item__published_version", "item__current_version")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(scan=self.scan, **kwargs)
        if self.scan is not None:
            found: dict[int, int] = {}
            for finding in context["object_list"]:
                found[finding.agency_id] = found.get(finding.agency_id, 0) + 1
            agencies = access.agencies_for(self.request.user, self.action).order_by("path")
            context["agencies"] = [
                (agency, self.scan.pages_of(agency.pk), found.get(agency.pk, 0))
                for agency in agencies
                if self.scan.pages_of(agency.pk) or agency.pk in found
            ]
        return context
