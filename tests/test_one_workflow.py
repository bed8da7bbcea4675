"""Every transition of every workflow is reached the same way from the workbench and the API.

For each kind of record, in each of several states, two twin records are built the same way;
each transition is posted with no input to one twin through the workbench page and to the other
through the staff API. Both channels must come to the same end: both carry it out (and leave
the twins in the same state), or both refuse it with the same messages. The transitions a page
offers as buttons and forms are exactly those the API lists as available.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.messages import constants as message_levels
from django.urls import reverse
from rest_framework.test import APIClient

from gongkai.agencies.models import Membership, Role
from gongkai.applications import services as cases
from gongkai.applications.workflow import CASE_WORKFLOW
from gongkai.catalog import services as catalog
from gongkai.engagement import services as engagement
from gongkai.engagement.consultation_workflow import COMMENT_WORKFLOW, CONSULTATION_WORKFLOW
from gongkai.engagement.workflow import MESSAGE_WORKFLOW
from gongkai.hotline import services as hotline
from gongkai.hotline.calls import CallImporter
from gongkai.hotline.models import Call
from gongkai.hotline.workflow import CALL_WORKFLOW, ORDER_WORKFLOW
from gongkai.interpretations import services as interpretations
from gongkai.interpretations.models import NoInterpretationReason
from gongkai.interpretations.workflow import DOCUMENT_WORKFLOW, INTERPRETATION_WORKFLOW
from gongkai.oversight import circulars, rounds
from gongkai.oversight.workflow import CIRCULAR_WORKFLOW, REMEDY_WORKFLOW, ROUND_WORKFLOW
from gongkai.profiles import services as profiles
from gongkai.profiles.workflow import PROFILE_WORKFLOW
from gongkai.reports import services as reports
from gongkai.reports.workflow import REPORT_WORKFLOW
from gongkai.review import services as review
from gongkai.review.workflow import ITEM_WORKFLOW
from tests.applications.cases import d, make_case
from tests.catalog.files import docx_bytes
from tests.catalog.makers import Team, make_item
from tests.conftest import login, make_agency, make_staff
from tests.engagement.consultation_makers import comment_on, consultation_in
from tests.engagement.makers import SPAM, channel_of, make_message
from tests.hotline.makers import CALL_HEADERS, call_row, csv_bytes, make_order
from tests.interpretations.makers import make_interpretation, make_policy
from tests.oversight.round_makers import deduct, open_quarter
from tests.profiles.makers import add_leader, draft, editors

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Channel:
    """How one kind of record is moved: the workbench form's URL and data, the API's."""

    workflow: object
    page: Callable  # record -> the URL of the page that shows its transitions
    post: Callable  # (record, name) -> (url, data) as the workbench posts it
    api: Callable  # record -> the API endpoint of its transitions
    api_name: str  # the key naming the transition in the API's body and list
    offered: Callable  # html -> the transition names the page offers
    status: Callable  # record -> its state, read again from the database


def _case_post(case, name):
    return reverse(f"cases:move_{name}", args=[case.pk]), {}


CASES = Channel(
    CASE_WORKFLOW,
    page=lambda case: reverse("cases:detail", args=[case.pk]),
    post=_case_post,
    api=lambda case: f"/api/staff/applications/{case.pk}/moves/",
    api_name="move",
    offered=lambda html: set(re.findall(r'id="move-([a-z_]+)"', html)),
    status=lambda case: type(case).objects.get(pk=case.pk).status,
)
ITEMS = Channel(
    ITEM_WORKFLOW,
    page=lambda item: reverse("review:item", args=[item.pk]),
    post=lambda item, name: (
        reverse("review:item", args=[item.pk]),
        {"transition": name},
    ),
    api=lambda item: f"/api/staff/items/{item.pk}/transitions/",
    api_name="transition",
    offered=lambda html: set(re.findall(r'name="transition" value="([a-z_]+)"', html)),
    status=lambda item: type(item).objects.get(pk=item.pk).status,
)
REPORTS = Channel(
    REPORT_WORKFLOW,
    page=lambda report: reverse("reports:detail", args=[report.pk]),
    post=lambda report, name: (reverse("reports:detail", args=[report.pk]), {"op": name}),
    api=lambda report: f"/api/staff/reports/{report.pk}/transitions/",
    api_name="transition",
    offered=lambda html: set(re.findall(r'name="op" value="([a-z_]+)"', html)),
    status=lambda report: type(report).objects.get(pk=report.pk).status,
)
MESSAGES = Channel(
    MESSAGE_WORKFLOW,
    page=lambda message: reverse("engagement:detail", args=[message.pk]),
    post=lambda message, name: (
        reverse("engagement:detail", args=[message.pk]),
        {"transition": name},
    ),
    api=lambda message: f"/api/staff/messages/{message.pk}/transitions/",
    api_name="transition",
    offered=lambda html: set(re.findall(r'id="transition-([a-z_]+)"', html)),
    status=lambda message: type(message).objects.get(pk=message.pk).status,
)
INTERPRETATIONS = Channel(
    INTERPRETATION_WORKFLOW,
    page=lambda interpretation: reverse("interpretations:detail", args=[interpretation.pk]),
    post=lambda interpretation, name: (
        reverse("interpretations:detail", args=[interpretation.pk]),
        {"transition": name},
    ),
    api=lambda interpretation: f"/api/staff/interpretations/{interpretation.pk}/transitions/",
    api_name="transition",
    offered=lambda html: set(re.findall(r'name="transition" value="([a-z_]+)"', html)),
    status=lambda interpretation: (
        type(interpretation.item).objects.get(pk=interpretation.item_id).status
    ),
)
POLICY_DOCUMENTS = Channel(
    DOCUMENT_WORKFLOW,
    page=lambda document: reverse("interpretations:document", args=[document.pk]),
    post=lambda document, name: (
        reverse("interpretations:document", args=[document.pk]),
        {"transition": name},
    ),
    api=lambda document: f"/api/staff/policy-documents/{document.pk}/transitions/",
    api_name="transition",
    offered=lambda html: set(re.findall(r'name="transition" value="([a-z_]+)"', html)),
    status=lambda document: (
        type(document).objects.get(pk=document.pk).status,
        NoInterpretationReason.objects.filter(document=document).exists(),
    ),
)
CONSULTATIONS = Channel(
    CONSULTATION_WORKFLOW,
    page=lambda consultation: reverse("engagement:consultation", args=[consultation.pk]),
    post=lambda consultation, name: (
        reverse("engagement:consultation", args=[consultation.pk]),
        {"transition": name},
    ),
    api=lambda consultation: f"/api/staff/consultations/{consultation.pk}/transitions/",
    api_name="transition",
    offered=lambda html: set(re.findall(r'id="transition-([a-z_]+)"', html)),
    status=lambda consultation: type(consultation).objects.get(pk=consultation.pk).status,
)
COMMENTS = Channel(
    COMMENT_WORKFLOW,
    page=lambda comment: reverse("engagement:consultation_comment", args=[comment.pk]),
    post=lambda comment, name: (
        reverse("engagement:consultation_comment", args=[comment.pk]),
        {"transition": name},
    ),
    api=lambda comment: f"/api/staff/consultation-comments/{comment.pk}/transitions/",
    api_name="transition",
    offered=lambda html: set(re.findall(r'id="transition-([a-z_]+)"', html)),
    status=lambda comment: type(comment).objects.get(pk=comment.pk).status,
)
PROFILES = Channel(
    PROFILE_WORKFLOW,
    page=lambda version: reverse("profiles:detail", args=[version.pk]),
    post=lambda version, name: (
        reverse("profiles:detail", args=[version.pk]),
        {"transition": name},
    ),
    api=lambda version: f"/api/staff/profiles/{version.pk}/transitions/",
    api_name="transition",
    offered=lambda html: set(re.findall(r'id="transition-([a-z_]+)"', html)),
    status=lambda version: type(version).objects.get(pk=version.pk).status,
)


def _oversight_channel(workflow, url_name, api_path):
    return Channel(
        workflow,
        page=lambda record: reverse(url_name, args=[record.pk]),
        post=lambda record, name: (reverse(url_name, args=[record.pk]), {"transition": name}),
        api=lambda record: f"/api/staff/{api_path}/{record.pk}/transitions/",
        api_name="transition",
        offered=lambda html: set(re.findall(r'id="transition-([a-z_]+)"', html)),
        status=lambda record: type(record).objects.get(pk=record.pk).status,
    )


ROUNDS = _oversight_channel(ROUND_WORKFLOW, "oversight:round", "assessment-rounds")
REMEDIES = _oversight_channel(REMEDY_WORKFLOW, "oversight:remedy", "remedies")
CIRCULARS = _oversight_channel(CIRCULAR_WORKFLOW, "oversight:circular", "circulars")

WORK_ORDERS = Channel(
    ORDER_WORKFLOW,
    page=lambda order: reverse("hotline:detail", args=[order.pk]),
    post=lambda order, name: (reverse("hotline:detail", args=[order.pk]), {"transition": name}),
    api=lambda order: f"/api/staff/work-orders/{order.pk}/transitions/",
    api_name="transition",
    offered=lambda html: set(re.findall(r'id="transition-([a-z_]+)"', html)),
    status=lambda order: type(order).objects.get(pk=order.pk).status,
)

CALLS = Channel(
    CALL_WORKFLOW,
    page=lambda call: reverse("hotline:call", args=[call.pk]),
    post=lambda call, name: (reverse("hotline:call", args=[call.pk]), {"transition": name}),
    api=lambda call: f"/api/staff/calls/{call.pk}/transitions/",
    api_name="transition",
    offered=lambda html: set(re.findall(r'id="transition-([a-z_]+)"', html)),
    status=lambda call: type(call).objects.get(pk=call.pk).callback_status,
)


@pytest.fixture
def actor(county, agency_a):
    """One person holding every role at the department and the 主管部门's role above it."""
    user = make_staff(agency_a, *Role.values, username="does_everything")
    Membership.objects.create(user=user, agency=county, role=Role.SUPERVISOR)
    return user


def _workbench_outcome(client, channel, record, name, fields=None):
    url, data = channel.post(record, name)
    response = client.post(url, data | (fields or {}), follow=True)
    assert response.status_code in (200, 400), (name, response.status_code)
    errors = set()
    for key in response.context.keys():  # noqa: SIM118 (a ContextList iterates its contexts)
        value = response.context[key]
        if key.endswith("form") and getattr(value, "is_bound", False):
            errors |= {str(e) for found in value.errors.values() for e in found}
    errors |= {m.message for m in response.context["messages"] if m.level == message_levels.ERROR}
    return ("refused", frozenset(errors)) if errors else ("done", channel.status(record))


def _api_outcome(client, channel, record, name, fields=None):
    response = client.post(
        channel.api(record), {channel.api_name: name, "fields": fields or {}}, format="json"
    )
    if response.status_code == 200:
        return ("done", channel.status(record))
    assert response.status_code == 400, (name, response.status_code, response.content)
    return ("refused", frozenset(e for found in response.json().values() for e in found))


def _compare(channel, build, actor):
    """Post every transition to twins built by `build`; return how many were carried out."""
    page, api = login(actor), APIClient()
    api.force_authenticate(actor)
    carried_out = 0
    for name in channel.workflow.transitions:
        on_page, over_api = build(), build()
        by_page = _workbench_outcome(page, channel, on_page, name)
        by_api = _api_outcome(api, channel, over_api, name)
        assert by_page == by_api, (name, by_page, by_api)
        assert by_page[0] == "done" or by_page[1], name  # a refusal always says why
        carried_out += by_page[0] == "done"
    return carried_out


def _offers_agree(channel, record, actor):
    html = login(actor).get(channel.page(record)).content.decode()
    api = APIClient()
    api.force_authenticate(actor)
    listed = {row[channel.api_name] for row in _listed(api, channel, record)}
    assert listed == channel.offered(html), (listed, channel.offered(html))
    assert listed == set(channel.workflow.available(record, actor))
    return listed


def _listed(api, channel, record):
    body = api.get(channel.api(record)).json()
    return body["moves"] if channel is CASES else body["transitions"]


# ---- cases ----------------------------------------------------------------------------------


def _case_in(agency, actor, state: str):
    case = make_case(agency, "2026-11-20", user=actor)
    if state in ("correction", "decided"):
        cases.request_correction(
            case, on=d("2026-11-23"), deadline=d("2026-11-30"), items="请写明年度", user=actor
        )
    if state == "decided":
        cases.receive_correction(case, on=d("2026-11-24"), user=actor)
        cases.decide(
            case,
            on=d("2026-11-25"),
            outcome="granted",
            legal_basis="第三十六条",
            reasons="",
            user=actor,
        )
    if state == "consulting":
        cases.start_consultation(
            case, on=d("2026-11-23"), party="某公司", party_kind="third_party", user=actor
        )
    return case


@pytest.mark.parametrize("state", ["in_progress", "correction", "consulting", "decided"])
def test_case_moves(agency_a, actor, state):
    _compare(CASES, lambda: _case_in(agency_a, actor, state), actor)
    offered = _offers_agree(CASES, _case_in(agency_a, actor, state), actor)
    assert "letter" in offered


# ---- catalog items --------------------------------------------------------------------------


def _item_in(agency, actor, team, state: str):
    item = make_item(agency, actor)
    if state == "draft":
        catalog.add_attachment(user=actor, item=item, name="附件.docx", data=docx_bytes("附件"))
    elif state == "in_review":
        review.submit(user=actor, item=item)
    elif state in ("approved", "published"):
        item = team.approve(item)
        if state == "published":
            item = review.publish(user=actor, item=item)
    item.refresh_from_db()
    return item


@pytest.mark.parametrize("state", ["draft", "in_review", "approved", "published"])
def test_item_transitions(agency_a, actor, state):
    team = Team(agency_a)
    done = _compare(ITEMS, lambda: _item_in(agency_a, actor, team, state), actor)
    offered = _offers_agree(ITEMS, _item_in(agency_a, actor, team, state), actor)
    assert offered
    # With no input, submitting a draft and publishing an approved item go through.
    assert done == (1 if state in ("draft", "approved") else 0)


# ---- annual reports -------------------------------------------------------------------------


def _report_in(county, actor, state: str):
    # One report per agency and year: each twin is its own department.
    agency = make_agency(f"报告测试局{Membership.objects.count()}", county)
    for role in (Role.CLERK, Role.LEADER, Role.AGENCY_ADMIN):
        Membership.objects.create(user=actor, agency=agency, role=role)
    report = reports.create_draft(agency, 2025, user=actor)
    if state in ("submitted", "accepted"):
        report = reports.submit(report, user=actor)
    if state == "accepted":
        report = reports.accept(report, user=actor)
    return report


@pytest.mark.parametrize("state", ["draft", "submitted", "accepted"])
def test_report_transitions(county, actor, state):
    done = _compare(REPORTS, lambda: _report_in(county, actor, state), actor)
    report = _report_in(county, actor, state)
    if state == "draft":
        reports.override_cell(
            report, user=actor, cell="t4.reconsideration.total", value="0", reason="核对后更正"
        )
    offered = _offers_agree(REPORTS, report, actor)
    assert done >= 1 and offered


# ---- 政民互动 messages ----------------------------------------------------------------------


def _message_in(agency, actor, state: str):
    channel = channel_of(agency)
    channel.requires_leader_check = state == "checking"
    channel.save()
    message = make_message(agency, text=SPAM if state == "held" else "低保申请需要哪些材料？")
    if state == "refused":
        message = engagement.refuse(message, reason="不属于本机关职责", user=actor)
    if state in ("accepted", "checking", "replied"):
        message = engagement.accept(message, complex_case=False, user=actor)
    if state in ("checking", "replied"):
        message = engagement.reply(message, text="需提交户口簿和收入证明。", user=actor)
    return message


MESSAGE_MOVES = {
    # state: (carried out with no input, offered)
    "held": (1, {"release", "refuse"}),
    "received": (1, {"accept", "refuse", "transfer", "extend"}),
    "accepted": (0, {"transfer", "extend", "reply"}),
    "checking": (1, {"rework", "check"}),
    "replied": (1, {"close"}),
    "refused": (0, set()),
}


@pytest.mark.parametrize("state", MESSAGE_MOVES)
def test_message_transitions(agency_a, actor, state):
    done = _compare(MESSAGES, lambda: _message_in(agency_a, actor, state), actor)
    offered = _offers_agree(MESSAGES, _message_in(agency_a, actor, state), actor)
    # With no input only the moves that take none go through (release, accept, check, close).
    assert (done, offered) == MESSAGE_MOVES[state]


# ---- 政策解读 ---------------------------------------------------------------------------------


def _interpretation_in(agency, actor, team, state: str):
    document = make_policy(agency, actor)
    interpretation = make_interpretation(agency, actor, document)
    if state == "two_documents":
        interpretations.link(
            user=actor,
            interpretation=interpretation,
            document=make_policy(agency, actor, title="关于调整临时救助标准的通知"),
        )
    if state == "approved":
        team.approve(interpretation.item)
    return type(interpretation).objects.get(pk=interpretation.pk)


INTERPRETATION_MOVES = {
    # state: offered (nothing goes through with no input: each move takes a document or a form)
    "draft": {"describe", "link"},
    "two_documents": {"describe", "link", "unlink"},
    "approved": set(),
}


@pytest.mark.parametrize("state", INTERPRETATION_MOVES)
def test_interpretation_transitions(agency_a, actor, state):
    team = Team(agency_a)
    build = lambda: _interpretation_in(agency_a, actor, team, state)  # noqa: E731
    assert _compare(INTERPRETATIONS, build, actor) == 0
    assert _offers_agree(INTERPRETATIONS, build(), actor) == INTERPRETATION_MOVES[state]


def _document_in(agency, actor, state: str):
    document = make_policy(agency, actor)
    if state == "waived":
        interpretations.waive(user=actor, document=document, reason="转发上级文件，上级已作解读")
    return document


@pytest.mark.parametrize("state", ["unexplained", "waived"])
def test_policy_document_transitions(agency_a, actor, state):
    build = lambda: _document_in(agency_a, actor, state)  # noqa: E731
    # With no input, only withdrawing a recorded reason goes through.
    assert _compare(POLICY_DOCUMENTS, build, actor) == (state == "waived")
    offered = _offers_agree(POLICY_DOCUMENTS, build(), actor)
    assert offered == ({"clear_waiver"} if state == "waived" else {"waive"})


# ---- 意见征集 consultations and their comments ---------------------------------------------

CONSULTATION_MOVES = {
    # state: (carried out with no input, offered)
    "draft": (1, {"open"}),
    "open": (0, set()),  # the period runs to its last day: nothing to do yet
    "closed": (0, {"record_adoption"}),  # a comment still waits for review
    "concluded": (0, set()),
}


@pytest.mark.parametrize("state", CONSULTATION_MOVES)
def test_consultation_transitions(agency_a, actor, state, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    done = _compare(CONSULTATIONS, lambda: consultation_in(agency_a, actor, state), actor)
    offered = _offers_agree(CONSULTATIONS, consultation_in(agency_a, actor, state), actor)
    assert (done, offered) == CONSULTATION_MOVES[state]


def _comment_in(agency, actor, state: str):
    consultation = consultation_in(agency, actor, "open")
    comment = comment_on(consultation, text=SPAM if state == "held" else "建议延长征集期。")
    if state == "valid":
        comment = COMMENT_WORKFLOW.perform(comment, "approve", {}, user=actor)
    return comment


COMMENT_MOVES = {
    "held": (1, {"release", "reject"}),
    "pending": (1, {"approve", "reject"}),
    "valid": (0, set()),
}


@pytest.mark.parametrize("state", COMMENT_MOVES)
def test_comment_transitions(agency_a, actor, state, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    done = _compare(COMMENTS, lambda: _comment_in(agency_a, actor, state), actor)
    offered = _offers_agree(COMMENTS, _comment_in(agency_a, actor, state), actor)
    assert (done, offered) == COMMENT_MOVES[state]


# ---- 机构概况 --------------------------------------------------------------------------------


def _profile_in(county, actor, state: str):
    # One open version per agency: each twin is its own department.
    agency = make_agency(f"概况测试局{Membership.objects.count()}", county)
    for role in (Role.CLERK, Role.REVIEWER):
        Membership.objects.create(user=actor, agency=agency, role=role)
    version = draft(agency, editors(agency))
    add_leader(version, editors(agency), "王明", "局长", date(2024, 1, 1), photo=False)
    if state == "submitted":
        version = profiles.submit(version, user=actor)
    return version


PROFILE_MOVES = {
    # state: (carried out with no input, offered)
    "draft": (
        1,
        {"edit", "save_unit", "remove_unit", "add_leader", "change_leader", "leader_leaves"}
        | {"submit"},
    ),
    # The actor submitted it himself: his approval is refused alike on both channels.
    "submitted": (0, {"approve", "return"}),
}


@pytest.mark.parametrize("state", PROFILE_MOVES)
def test_profile_transitions(county, actor, state):
    done = _compare(PROFILES, lambda: _profile_in(county, actor, state), actor)
    offered = _offers_agree(PROFILES, _profile_in(county, actor, state), actor)
    assert (done, offered) == PROFILE_MOVES[state]


# ---- 12345 work orders ---------------------------------------------------------------------

_order_serial = iter(range(1, 10_000))


def _order_in(agency, actor, state: str):
    order = make_order(agency, f"T{next(_order_serial):05d}", user=actor)
    if state in ("accepted", "return_requested", "replied", "closed"):
        order = hotline.accept(order, user=actor)
    if state == "return_requested":
        order = hotline.request_return(order, reason="不属于本局职责", user=actor)
    if state in ("replied", "closed"):
        order = hotline.reply(order, text="已答复来电人。", user=actor)
    if state == "closed":
        order = hotline.close(order, user=actor)
    return order


ORDER_MOVES = {
    # state: (carried out with no input, offered)
    "received": (1, {"accept", "request_return", "reassign", "extend", "merge"}),
    "accepted": (0, {"request_return", "reassign", "extend", "merge", "reply"}),
    # The actor asked for the return himself: approving it is refused, alike on both channels.
    "return_requested": (0, {"approve_return", "reject_return"}),
    "replied": (1, {"close", "record_callback"}),
    "closed": (0, {"record_callback"}),
}


@pytest.mark.parametrize("state", ORDER_MOVES)
def test_work_order_transitions(agency_a, actor, state):
    done = _compare(WORK_ORDERS, lambda: _order_in(agency_a, actor, state), actor)
    offered = _offers_agree(WORK_ORDERS, _order_in(agency_a, actor, state), actor)
    assert (done, offered) == ORDER_MOVES[state]


def _call_in(agency, actor, state: str):
    call_id = f"K{next(_order_serial):05d}"
    wait = None if state in ("pending", "done") else 5
    table = [call_row(call_id, "2026-11-30 09:00:00", wait=wait)]
    CallImporter(user=actor, agency=agency).run(csv_bytes(table, CALL_HEADERS), "calls.csv")
    call = Call.objects.get(agency=agency, call_id=call_id)
    if state == "done":
        call = CALL_WORKFLOW.perform(call, "call_back", {"reached": "yes"}, user=actor)
    return call


CALL_MOVES = {"pending": (0, {"call_back"}), "done": (0, set()), "none": (0, set())}


@pytest.mark.parametrize("state", CALL_MOVES)
def test_call_transitions(agency_a, actor, state):
    done = _compare(CALLS, lambda: _call_in(agency_a, actor, state), actor)
    offered = _offers_agree(CALLS, _call_in(agency_a, actor, state), actor)
    assert (done, offered) == CALL_MOVES[state]


def test_the_submitter_signing_is_refused_alike_on_both_channels(agency_a):
    """One person holding 信息员 and 审查人 submits; his signature is refused, with the same
    message, through the workbench and through the API."""
    person = make_staff(agency_a, "clerk", "reviewer")
    page, api = login(person), APIClient()
    api.force_authenticate(person)
    fields = {"decision": "approve", "legal_basis": "第十九条"}
    twins = [make_item(agency_a, person, title=f"双胞胎{n}") for n in range(2)]
    for twin in twins:
        review.submit(user=person, item=twin)
    by_page = _workbench_outcome(page, ITEMS, twins[0], "sign", fields)
    by_api = _api_outcome(api, ITEMS, twins[1], "sign", fields)
    assert by_page == by_api
    assert by_page[0] == "refused"
    assert any("提交人" in message for message in by_page[1])


# ---- 督查考核: rounds, remedies, 通报 ---------------------------------------------------------


def _round_in(county, agency, actor, state: str):
    round_ = open_quarter(county, [agency], actor)
    if state == "remedy_pending":
        deduct(round_, agency, actor)
    if state == "closed":
        round_ = rounds.close(round_, user=actor)
    return round_


ROUND_MOVES = {
    # state: (carried out with no input, offered)
    "open": (1, {"deduct", "close"}),
    "remedy_pending": (0, {"deduct"}),  # closing waits for the remedy's due date
    "closed": (1, {"draft_circular"}),
}


@pytest.mark.parametrize("state", ROUND_MOVES)
def test_round_transitions(county, agency_a, actor, state):
    done = _compare(ROUNDS, lambda: _round_in(county, agency_a, actor, state), actor)
    offered = _offers_agree(ROUNDS, _round_in(county, agency_a, actor, state), actor)
    assert (done, offered) == ROUND_MOVES[state]


def _remedy_in(county, agency, actor, state: str):
    remedy = deduct(open_quarter(county, [agency], actor), agency, actor).remedy
    if state == "answered":
        remedy = rounds.answer(remedy, text="已整改。", file=None, user=actor)
    return remedy


REMEDY_MOVES = {"pending": (0, {"answer"}), "answered": (1, {"accept", "reject"})}


@pytest.mark.parametrize("state", REMEDY_MOVES)
def test_remedy_transitions(county, agency_a, actor, state):
    done = _compare(REMEDIES, lambda: _remedy_in(county, agency_a, actor, state), actor)
    offered = _offers_agree(REMEDIES, _remedy_in(county, agency_a, actor, state), actor)
    assert (done, offered) == REMEDY_MOVES[state]


def test_circular_transitions(county, agency_a, actor):
    # Sending the 通报 to publication makes a catalog item of the county: a clerk's right there.
    Membership.objects.create(user=actor, agency=county, role=Role.CLERK)

    def draft():
        closed = rounds.close(open_quarter(county, [agency_a], actor), user=actor)
        return circulars.draft(closed, user=actor)

    done = _compare(CIRCULARS, draft, actor)
    offered = _offers_agree(CIRCULARS, draft(), actor)
    assert (done, offered) == (1, {"edit", "publish"})
