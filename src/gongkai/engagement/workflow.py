"""The moves of a message: each rule of `rules.MESSAGE_RULES` with who may, its form and its
service. The message page and the staff API go through `MESSAGE_WORKFLOW.perform`."""

from gongkai.agencies import access
from gongkai.lib.workflow import Transition, Workflow

from . import forms, services
from .models import MessageStatus
from .rules import MESSAGE_RULES

MESSAGE_WORKFLOW = Workflow.of(
    MESSAGE_RULES,
    Transition(
        "release",
        lambda message, data, user: services.release(message, user=user),
        "message.handle",
        done="已放行，留言转入待受理",
    ),
    Transition(
        "accept",
        lambda message, data, user: services.accept(
            message, complex_case=data["complex_case"], handler=data["handler"], user=user
        ),
        "message.handle",
        forms.AcceptForm,
        done="已受理",
    ),
    Transition(
        "refuse",
        lambda message, data, user: services.refuse(message, reason=data["reason"], user=user),
        "message.handle",
        forms.RefuseForm,
        done="已不予受理，留言人可凭查询码看到理由",
    ),
    Transition(
        "transfer",
        lambda message, data, user: services.transfer(
            message, reason=data["reason"], agency=data["agency"], unit=data["unit"], user=user
        ),
        "message.handle",
        forms.TransferForm,
        done="已转办",
    ),
    Transition(
        "extend",
        lambda message, data, user: services.extend(
            message, workdays=data["workdays"], reason=data["reason"], user=user
        ),
        "message.handle",
        forms.ExtendForm,
        done="已延期，留言人可凭查询码看到延期理由",
    ),
    Transition(
        "reply",
        lambda message, data, user: services.reply(
            message,
            text=data["text"],
            publish=data["publish_reply"],
            masked_names=data["masked_names"],
            user=user,
        ),
        "message.handle",
        forms.ReplyForm,
        done=lambda message: (
            "答复已提交领导审核"
            if message.status == MessageStatus.CHECKING
            else "已答复，留言人可凭查询码看到答复"
        ),
    ),
    Transition(
        "rework",
        lambda message, data, user: services.rework(message, reason=data["reason"], user=user),
        "message.check",
        forms.ReworkForm,
        done="已退回承办人修改",
    ),
    Transition(
        "check",
        lambda message, data, user: services.check(message, user=user),
        "message.check",
        done="审核通过，答复已发出",
    ),
    Transition(
        "close",
        lambda message, data, user: services.close(message, user=user),
        "message.handle",
        done="已办结",
    ),
    agency_of=lambda message: message.agency,
    can=access.can,
    form_kwargs=lambda transition, message: (
        {"message": message}
        if transition.form in (forms.AcceptForm, forms.TransferForm, forms.ReplyForm)
        else {}
    ),
)
