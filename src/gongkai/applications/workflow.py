"""The moves of a case: each rule of `rules.CASE_RULES` with who may, its form and its service.

The workbench's move pages, the API's `moves` endpoint and the command line all go through
`CASE_WORKFLOW.perform`.
"""

from gongkai.agencies import access
from gongkai.lib.workflow import Transition, Workflow

from . import forms, letters, reply_files, services
from .rules import CASE_RULES


def _date_only(service):
    return lambda case, data, user: service(case, on=data["on"], user=user)


def _with_input(service):
    return lambda case, data, user: service(case, user=user, **data)


def _form_kwargs(transition: Transition, case) -> dict:
    # The handler list and the fee rank depend on the case.
    return {"case": case} if transition.form in (forms.AssignForm, forms.FeeForm) else {}


CASE_WORKFLOW = Workflow.of(
    CASE_RULES,
    Transition(
        "assign",
        lambda case, data, user: services.assign(
            case, handler=data["handler"], unit=data["unit"], user=user
        ),
        "case.handle",
        forms.AssignForm,
    ),
    Transition(
        "correction", _with_input(services.request_correction), "case.handle", forms.CorrectionForm
    ),
    Transition(
        "correction_received",
        _with_input(services.receive_correction),
        "case.handle",
        forms.ReceiveCorrectionForm,
    ),
    Transition(
        "correction_lapsed",
        _date_only(services.lapse_correction),
        "case.handle",
        forms.DateOnlyForm,
    ),
    Transition(
        "consultation",
        _with_input(services.start_consultation),
        "case.handle",
        forms.ConsultationStartForm,
    ),
    Transition(
        "consultation_ended",
        _with_input(services.end_consultation),
        "case.handle",
        forms.ConsultationEndForm,
    ),
    Transition(
        "extension", _with_input(services.request_extension), "case.handle", forms.ExtensionForm
    ),
    Transition(
        "extension_approved",
        _date_only(services.approve_extension),
        "case.approve_extension",
        forms.DateOnlyForm,
    ),
    Transition("fee", _with_input(services.assess_fee), "case.handle", forms.FeeForm),
    Transition("fee_paid", _date_only(services.fee_paid), "case.handle", forms.DateOnlyForm),
    Transition("fee_lapsed", _date_only(services.lapse_fee), "case.handle", forms.DateOnlyForm),
    Transition("decide", _with_input(services.decide), "case.handle", forms.DecideForm),
    Transition("deliver", _with_input(services.deliver), "case.handle", forms.DeliverForm),
    Transition("close", _date_only(services.close), "case.handle", forms.DateOnlyForm),
    Transition(
        "reply_file",
        _with_input(reply_files.attach),
        "case.handle",
        reply_files.ReplyFileForm,
        done="已附上答复材料。",
    ),
    Transition(
        "letter",
        lambda case, data, user: letters.generate(case, data["kind"], user=user),
        "case.handle",
        forms.LetterForm,
    ),
    agency_of=lambda case: case.agency,
    can=access.can,
    read=services.state_of,
    form_kwargs=_form_kwargs,
)
