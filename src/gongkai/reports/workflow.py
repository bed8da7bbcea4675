"""The transitions of an annual report: each rule of `rules.REPORT_RULES` with who may, its form
and its service. The editor page and the staff API go through `REPORT_WORKFLOW.perform`."""

from gongkai.agencies import access
from gongkai.lib.workflow import Transition, Workflow

from . import forms, services
from .rules import REPORT_RULES

REPORT_WORKFLOW = Workflow.of(
    REPORT_RULES,
    Transition(
        "sections",
        lambda report, data, user: services.save_sections(
            report,
            user=user,
            overview=data["overview"],
            problems=data["problems"],
            other=data["other_matters"],
        ),
        "report.edit",
        forms.SectionsForm,
        done="正文已保存",
    ),
    Transition(
        "figures",
        lambda report, data, user: services.enter_figures(report, user=user, **data),
        "report.edit",
        forms.FiguresForm,
        done="填报数据已保存",
    ),
    Transition(
        "override",
        lambda report, data, user: services.override_cell(report, user=user, **data),
        "report.edit",
        forms.OverrideForm,
        done="更正已记录",
    ),
    Transition(
        "remove_override",
        lambda report, data, user: services.remove_override(report, user=user, cell=data["cell"]),
        "report.edit",
        forms.CellForm,
        done="更正已撤销",
    ),
    Transition(
        "refresh",
        lambda report, data, user: services.recalculate(report, user=user),
        "report.edit",
        done="已按最新记录重新计算",
    ),
    Transition(
        "submit",
        lambda report, data, user: services.submit(report, user=user),
        "report.submit",
        done="已报送主管部门",
    ),
    Transition(
        "return",
        lambda report, data, user: services.return_report(report, user=user, reason=data["reason"]),
        "report.accept",
        forms.ReturnForm,
        done="已退回",
    ),
    Transition(
        "accept",
        lambda report, data, user: services.accept(report, user=user),
        "report.accept",
        done="已审核通过",
    ),
    Transition(
        "publish",
        lambda report, data, user: services.publish(report, user=user),
        "report.publish",
        done="已在门户网站公开",
    ),
    agency_of=lambda report: report.agency,
    can=access.can,
)
