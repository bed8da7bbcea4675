"""The transitions of an interpretation (its description and links) and of a policy document's
interpretation record (a reason it needs none): each rule of `rules.py` with who may, its form
and its service. The workbench pages and the staff API go through `perform`.

The interpretation's text, files, review and publication are its catalog item's, moved by
`review.workflow.ITEM_WORKFLOW` on the item's own page."""

from gongkai.agencies import access
from gongkai.lib.workflow import Transition, Workflow

from . import services
from .forms import DescribeForm, DocumentForm, WaiverForm
from .rules import DOCUMENT_RULES, INTERPRETATION_RULES


def _interpretation_form_kwargs(transition: Transition, interpretation) -> dict:
    if transition.form is DescribeForm:
        return {"agency": interpretation.agency}
    if transition.name == "unlink":
        return {"documents": interpretation.documents.select_related("current_version")}
    return {"documents": services.interpretable(interpretation.agency)}


INTERPRETATION_WORKFLOW = Workflow.of(
    INTERPRETATION_RULES,
    Transition(
        "describe",
        lambda interpretation, data, user: services.describe(
            user=user, interpretation=interpretation, **data
        ),
        "item.change",
        DescribeForm,
        done="已保存解读形式和起草单位。",
    ),
    Transition(
        "link",
        lambda interpretation, data, user: services.link(
            user=user, interpretation=interpretation, document=data["document"]
        ),
        "item.change",
        DocumentForm,
        done="已关联所解读的文件。",
    ),
    Transition(
        "unlink",
        lambda interpretation, data, user: services.unlink(
            user=user, interpretation=interpretation, document=data["document"]
        ),
        "item.change",
        DocumentForm,
        done="已取消关联。",
    ),
    agency_of=lambda interpretation: interpretation.agency,
    can=access.can,
    form_kwargs=_interpretation_form_kwargs,
)

DOCUMENT_WORKFLOW = Workflow.of(
    DOCUMENT_RULES,
    Transition(
        "waive",
        lambda document, data, user: services.waive(
            user=user, document=document, reason=data["reason"]
        ),
        "item.change",
        WaiverForm,
        done="已记录无需解读的理由。",
    ),
    Transition(
        "clear_waiver",
        lambda document, data, user: services.clear_waiver(user=user, document=document),
        "item.change",
        done="已撤销无需解读的理由。",
    ),
    agency_of=lambda document: document.agency,
    can=access.can,
)
