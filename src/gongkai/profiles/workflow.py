"""The transitions of a profile version: each rule of `rules.PROFILE_RULES` with who may, its
form and its service. The version's page and the staff API go through
`PROFILE_WORKFLOW.perform`."""

from gongkai.agencies import access
from gongkai.lib.workflow import Transition, Workflow

from . import forms, services
from .rules import PROFILE_RULES


def _unit(version, data, user):
    fields = {k: data[k] for k in ("name", "duties", "phone", "sort_order")}
    return services.save_unit(version, user=user, unit=data["unit"], **fields)


def _add_leader(version, data, user):
    return services.add_leader(
        version,
        user=user,
        name=data["name"],
        took_office=data["took_office"],
        post=data["post"],
        portfolio=data["portfolio"],
        cv=data["cv"],
        photo=forms.upload_of(data["photo"]),
    )


def _change_leader(version, data, user):
    return services.change_leader(
        version,
        user=user,
        leader=data["leader"],
        post=data["post"],
        portfolio=data["portfolio"],
        cv=data["cv"],
        sort_order=data["sort_order"],
        photo=forms.upload_of(data["photo"]),
    )


PROFILE_WORKFLOW = Workflow.of(
    PROFILE_RULES,
    Transition(
        "edit",
        lambda version, data, user: services.edit(version, user=user, **data),
        "profile.edit",
        forms.BasicForm,
        done="职能和基本信息已保存",
    ),
    Transition("save_unit", _unit, "profile.edit", forms.UnitForm, done="内设机构已保存"),
    Transition(
        "remove_unit",
        lambda version, data, user: services.remove_unit(version, user=user, unit=data["unit"]),
        "profile.edit",
        forms.RemoveUnitForm,
        done="内设机构已删除",
    ),
    Transition("add_leader", _add_leader, "profile.edit", forms.AddLeaderForm, done="领导已新增"),
    Transition(
        "change_leader",
        _change_leader,
        "profile.edit",
        forms.ChangeLeaderForm,
        done="领导信息已保存",
    ),
    Transition(
        "leader_leaves",
        lambda version, data, user: services.leader_leaves(
            version, user=user, leader=data["leader"], left_on=data["left_on"]
        ),
        "profile.edit",
        forms.LeaderLeavesForm,
        done="已登记离任，审核发布后生效",
    ),
    Transition(
        "submit",
        lambda version, data, user: services.submit(version, user=user),
        "profile.edit",
        done="已提交审核",
    ),
    Transition(
        "approve",
        lambda version, data, user: services.approve(version, user=user),
        "profile.review",
        done="审核通过，门户网站已更新",
    ),
    Transition(
        "return",
        lambda version, data, user: services.return_version(
            version, user=user, reason=data["reason"]
        ),
        "profile.review",
        forms.ReturnForm,
        done="已退回修改",
    ),
    agency_of=lambda version: version.agency,
    can=access.can,
    form_kwargs=lambda transition, version: (
        {"version": version} if transition.form not in (None, forms.ReturnForm) else {}
    ),
)
