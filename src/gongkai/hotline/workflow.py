"""The moves of a work order: each rule of `rules.ORDER_RULES` with who may, its form and its
service. The work-order page, the staff API and the command line go through
`ORDER_WORKFLOW.perform`."""

from gongkai.agencies import access
from gongkai.lib.workflow import Transition, Workflow

from . import calls, forms, services
from .rules import CALL_RULES, ORDER_RULES

HANDLE, REVIEW = "workorder.handle", "workorder.review_return"

ORDER_WORKFLOW = Workflow.of(
    ORDER_RULES,
    Transition(
        "accept",
        lambda order, data, user: services.accept(order, user=user),
        HANDLE,
        done="已签收，您是该工单的承办人",
    ),
    Transition(
        "request_return",
        lambda order, data, user: services.request_return(order, reason=data["reason"], user=user),
        HANDLE,
        forms.ReturnForm,
        done="退单申请已提交，待分管领导或主管部门审核",
    ),
    Transition(
        "approve_return",
        lambda order, data, user: services.approve_return(
            order, opinion=data["opinion"], user=user
        ),
        REVIEW,
        forms.ApproveReturnForm,
        done="已同意退单，工单退回平台",
    ),
    Transition(
        "reject_return",
        lambda order, data, user: services.reject_return(order, opinion=data["opinion"], user=user),
        REVIEW,
        forms.RejectReturnForm,
        done="已驳回退单，工单继续办理",
    ),
    Transition(
        "reassign",
        lambda order, data, user: services.reassign(
            order, reason=data["reason"], unit=data["unit"], handler=data["handler"], user=user
        ),
        HANDLE,
        forms.ReassignForm,
        done="已改派",
    ),
    Transition(
        "extend",
        lambda order, data, user: services.extend(
            order, workdays=data["workdays"], reason=data["reason"], user=user
        ),
        HANDLE,
        forms.ExtendForm,
        done="已延期",
    ),
    Transition(
        "merge",
        lambda order, data, user: services.merge(order, into_number=data["into_number"], user=user),
        HANDLE,
        forms.MergeForm,
        done=lambda order: f"已并入工单{order.merged_into.number}",
    ),
    Transition(
        "reply",
        lambda order, data, user: services.reply(order, text=data["text"], user=user),
        HANDLE,
        forms.ReplyForm,
        done="已答复，答复随导出文件回传平台",
    ),
    Transition(
        "close",
        lambda order, data, user: services.close(order, user=user),
        HANDLE,
        done="已办结",
    ),
    Transition(
        "record_callback",
        lambda order, data, user: services.record_callback(
            order,
            callback_on=data["callback_on"],
            satisfaction=data["satisfaction"],
            note=data["note"],
            user=user,
        ),
        HANDLE,
        forms.CallbackForm,
        done="回访结果已记录",
    ),
    agency_of=lambda order: order.agency,
    can=access.can,
    form_kwargs=lambda transition, order: (
        {"order": order}
        if transition.form in (forms.ReassignForm, forms.MergeForm, forms.CallbackForm)
        else {}
    ),
)

CALL_WORKFLOW = Workflow.of(
    CALL_RULES,
    Transition(
        "call_back",
        lambda call, data, user: calls.call_back(
            call, reached=data["reached"], note=data["note"], user=user
        ),
        "call.handle",
        forms.CallBackForm,
        done=lambda call: (
            "已回拨并接通" if call.callback_status == "done" else "已记录未接通，稍后再拨"
        ),
    ),
    agency_of=lambda call: call.agency,
    can=access.can,
)
