"""The moves of a consultation and of a comment on it: each rule of `consultation_rules` with
who may, its form and its service. The workbench pages and the staff API go through
`CONSULTATION_WORKFLOW.perform` and `COMMENT_WORKFLOW.perform`."""

from gongkai.agencies import access
from gongkai.lib.workflow import Transition, Workflow

from . import consultation_forms as forms
from . import consultations as services
from .consultation_rules import COMMENT_RULES, CONSULTATION_RULES

MANAGE = "consultation.manage"

CONSULTATION_WORKFLOW = Workflow.of(
    CONSULTATION_RULES,
    Transition(
        "open",
        lambda consultation, data, user: services.open_(consultation, user=user),
        MANAGE,
        done="已发布，门户开始按期接收意见",
    ),
    Transition(
        "close",
        lambda consultation, data, user: services.close(consultation, user=user),
        MANAGE,
        done="已截止征集，请逐条登记采纳情况后公布",
    ),
    Transition(
        "record_adoption",
        lambda consultation, data, user: services.record_adoption(
            consultation,
            summary=data["summary"],
            decision=data["decision"],
            reason=data["reason"],
            comments=data["comments"],
            user=user,
        ),
        MANAGE,
        forms.AdoptionForm,
        done="已登记采纳情况",
    ),
    Transition(
        "publish_result",
        lambda consultation, data, user: services.publish_result(
            consultation, text=data["text"], user=user
        ),
        MANAGE,
        forms.PublishResultForm,
        done="采纳情况已在门户公布",
    ),
    agency_of=lambda consultation: consultation.agency,
    can=access.can,
    form_kwargs=lambda transition, consultation: (
        {"consultation": consultation} if transition.form is forms.AdoptionForm else {}
    ),
)

COMMENT_WORKFLOW = Workflow.of(
    COMMENT_RULES,
    Transition(
        "release",
        lambda comment, data, user: services.release(comment, user=user),
        MANAGE,
        done="已放行，意见转入待审核",
    ),
    Transition(
        "approve",
        lambda comment, data, user: services.approve(comment, user=user),
        MANAGE,
        done="已确认为有效意见",
    ),
    Transition(
        "reject",
        lambda comment, data, user: services.reject(comment, reason=data["reason"], user=user),
        MANAGE,
        forms.RejectCommentForm,
        done="已不予采用，该意见不计入意见数",
    ),
    agency_of=lambda comment: comment.consultation.agency,
    can=access.can,
)
