"""The moves of an assessment round, a remedy task (整改) and a 通报: each rule of `rules` with
who may, its form and its service. The workbench pages, the staff API and
`gongkai oversight move` go through these `perform`s."""

from gongkai.agencies import access
from gongkai.lib.workflow import Transition, Workflow

from . import circulars, forms, rounds
from .rules import CIRCULAR_RULES, REMEDY_RULES, ROUND_RULES

ROUND_WORKFLOW = Workflow.of(
    ROUND_RULES,
    Transition(
        "deduct",
        lambda round_, data, user: rounds.add_deduction(round_, user=user, **data),
        "oversight.manage",
        forms.DeductionForm,
        done="已录入，并向该机关下达整改任务",
    ),
    Transition(
        "close",
        lambda round_, data, user: rounds.close(round_, user=user),
        "oversight.manage",
        done="已结束考核，可以起草通报",
    ),
    Transition(
        "draft_circular",
        lambda round_, data, user: circulars.draft(round_, user=user),
        "oversight.manage",
        done="已起草通报，请修改后送审公开",
    ),
    agency_of=lambda round_: round_.owner,
    can=access.can,
    form_kwargs=lambda transition, round_: (
        {"round_": round_} if transition.form is forms.DeductionForm else {}
    ),
)

REMEDY_WORKFLOW = Workflow.of(
    REMEDY_RULES,
    Transition(
        "answer",
        lambda remedy, data, user: rounds.answer(
            remedy, text=data["text"], file=data["file"], user=user
        ),
        "oversight.remedy",
        forms.AnswerForm,
        done="已报送整改情况，等待主管部门复核",
    ),
    Transition(
        "accept",
        lambda remedy, data, user: rounds.accept(remedy, note=data["note"], user=user),
        "oversight.manage",
        forms.AcceptForm,
        done="已复核：整改到位",
    ),
    Transition(
        "reject",
        lambda remedy, data, user: rounds.reject(remedy, note=data["note"], user=user),
        "oversight.manage",
        forms.RejectForm,
        done="已复核：整改不到位",
    ),
    agency_of=lambda remedy: remedy.agency,
    can=access.can,
)

CIRCULAR_WORKFLOW = Workflow.of(
    CIRCULAR_RULES,
    Transition(
        "edit",
        lambda circular, data, user: circulars.edit(circular, data=data, user=user),
        "oversight.manage",
        forms.CircularForm,
        done="已保存通报",
    ),
    Transition(
        "publish",
        lambda circular, data, user: circulars.publish(circular, user=user),
        "item.change",
        done="通报已作为目录信息送审，审核通过后公开",
    ),
    agency_of=lambda circular: circular.round.owner,
    can=access.can,
    # The edit form opens filled with the draft's text.
    form_kwargs=lambda transition, circular: (
        {
            "initial": {
                field: getattr(circular, field)
                for field in ("title", "number", "body", "signature", "dated")
            }
        }
        if transition.form is forms.CircularForm
        else {}
    ),
)
