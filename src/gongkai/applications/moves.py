"""The moves a case can make, each with its form, the action it needs, when it is possible and
the service it calls; the workbench and the API both go through this table."""

from collections.abc import Callable
from dataclasses import dataclass

from . import forms, letters, services
from .ledger import State, Status
from .models import Application


@dataclass(frozen=True)
class Move:
    """One thing that can be done to a case: its form, who may, when, and the service call."""

    slug: str
    label: str
    form: type
    perform: Callable
    available: Callable[[State], bool]
    action: str = "case.handle"


def _date_only(service):
    return lambda case, data, user: service(case, on=data["on"], user=user)


MOVES: dict[str, Move] = {
    move.slug: move
    for move in (
        Move(
            "assign",
            "分办",
            forms.AssignForm,
            lambda case, data, user: services.assign(
                case, handler=data["handler"], unit=data["unit"], user=user
            ),
            lambda s: s.is_open,
        ),
        Move(
            "correction",
            "告知补正",
            forms.CorrectionForm,
            lambda case, data, user: services.request_correction(case, user=user, **data),
            lambda s: s.status == Status.IN_PROGRESS and s.correction_requested_on is None,
        ),
        Move(
            "correction_received",
            "登记收到补正",
            forms.ReceiveCorrectionForm,
            lambda case, data, user: services.receive_correction(case, user=user, **data),
            lambda s: s.status == Status.AWAITING_CORRECTION,
        ),
        Move(
            "correction_lapsed",
            "逾期未补正（视为放弃）",
            forms.DateOnlyForm,
            _date_only(services.lapse_correction),
            lambda s: s.status == Status.AWAITING_CORRECTION,
        ),
        Move(
            "consultation",
            "征求意见（中止计时）",
            forms.ConsultationStartForm,
            lambda case, data, user: services.start_consultation(case, user=user, **data),
            lambda s: s.status == Status.IN_PROGRESS,
        ),
        Move(
            "consultation_ended",
            "征求意见结束",
            forms.ConsultationEndForm,
            lambda case, data, user: services.end_consultation(case, user=user, **data),
            lambda s: s.status == Status.CONSULTING,
        ),
        Move(
            "extension",
            "申请延期答复",
            forms.ExtensionForm,
            lambda case, data, user: services.request_extension(case, user=user, **data),
            lambda s: (
                s.status in (Status.IN_PROGRESS, Status.CONSULTING)
                and not s.extension_workdays
                and s.extension_requested is None
            ),
        ),
        Move(
            "extension_approved",
            "批准延期答复",
            forms.DateOnlyForm,
            _date_only(services.approve_extension),
            lambda s: s.extension_requested is not None,
            action="case.approve_extension",
        ),
        Move(
            "fee",
            "收费",
            forms.FeeForm,
            lambda case, data, user: services.assess_fee(case, user=user, **data),
            lambda s: s.status == Status.IN_PROGRESS and not s.fee_assessed,
        ),
        Move(
            "fee_paid",
            "登记缴费",
            forms.DateOnlyForm,
            _date_only(services.fee_paid),
            lambda s: s.status == Status.AWAITING_FEE,
        ),
        Move(
            "fee_lapsed",
            "逾期未缴费（视为放弃）",
            forms.DateOnlyForm,
            _date_only(services.lapse_fee),
            lambda s: s.status == Status.AWAITING_FEE,
        ),
        Move(
            "decide",
            "作出答复",
            forms.DecideForm,
            lambda case, data, user: services.decide(case, user=user, **data),
            lambda s: s.status == Status.IN_PROGRESS,
        ),
        Move(
            "deliver",
            "登记送达",
            forms.DeliverForm,
            lambda case, data, user: services.deliver(case, user=user, **data),
            lambda s: s.status == Status.DECIDED,
        ),
        Move(
            "close",
            "办结",
            forms.DateOnlyForm,
            _date_only(services.close),
            lambda s: s.status == Status.DELIVERED,
        ),
        Move(
            "letter",
            "生成文书",
            forms.LetterForm,
            lambda case, data, user: letters.generate(case, data["kind"], user=user),
            lambda s: True,
        ),
    )
}


def make_form(move: Move, case: Application, data=None, prefix: str | None = None):
    kwargs = {"data": data, "prefix": prefix}
    if move.form in (forms.AssignForm, forms.FeeForm):
        kwargs["case"] = case
    return move.form(**kwargs)
