"""The workbench page where staff check a document and download a masked copy."""

from urllib.parse import quote

from django.http import HttpResponse
from django.views.generic import FormView

from gongkai.web.scoping import StaffMixin

from .findings import KIND_LABELS, SEVERITY_LABELS, Severity
from .forms import CheckForm
from .highlight import highlighted
from .masking import masked_copy
from .services import check_text


class CheckDocumentView(StaffMixin, FormView):
    action = "checks.use"
    form_class = CheckForm
    template_name = "checks/check.html"

    def form_valid(self, form):
        data = form.cleaned_data
        if self.request.POST.get("mask"):
            body, filename, content_type = masked_copy(data["data"], data["filename"])
            response = HttpResponse(body, content_type=content_type)
            response["Content-Disposition"] = _attachment(filename)
            return response
        text = data["extracted"]
        findings = check_text(text)
        counts = {
            SEVERITY_LABELS[severity]: sum(f.severity == severity for f in findings)
            for severity in Severity
        }
        return self.render_to_response(
            self.get_context_data(
                form=form,
                filename=data["filename"],
                findings=[
                    {
                        "finding": f,
                        "kind": KIND_LABELS.get(f.kind, f.kind),
                        "severity": SEVERITY_LABELS[f.severity],
                    }
                    for f in findings
                ],
                counts=counts,
                marked_text=highlighted(text, findings),
            )
        )


def _attachment(filename: str) -> str:
    return f"attachment; filename*=UTF-8''{quote(filename)}"
