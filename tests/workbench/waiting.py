"""One agency's worth of work waiting in every inbox source, made through the services, and the
people it waits for. Tests run on 2026-12-01 (tests/conftest.py)."""

from dataclasses import dataclass, field
from datetime import timedelta

import time_machine
from django.utils import timezone

from gongkai.applications import services as cases
from gongkai.columns.models import Column
from gongkai.engagement import consultations
from gongkai.engagement import services as engagement
from gongkai.hotline import services as hotline
from gongkai.hotline.caller import Caller
from gongkai.hotline.calls import CallImporter
from gongkai.hotline.models import Call
from gongkai.oversight import rounds
from gongkai.oversight.models import Remedy
from gongkai.profiles import services as profiles
from gongkai.reports import services as reports
from gongkai.review import services as review
from tests.applications.cases import d, make_case
from tests.catalog.makers import Team, make_item
from tests.columns.makers import make_column, publish_on
from tests.engagement.consultation_makers import comment_on, make_consultation
from tests.engagement.makers import SPAM, channel_of, make_message
from tests.hotline.makers import CALL_HEADERS, call_row, csv_bytes, make_order
from tests.interpretations.makers import make_interpretation, make_policy, sync
from tests.newmedia.makers import make_account
from tests.oversight.round_makers import deduct, open_quarter
from tests.profiles.makers import Editors, draft


@dataclass
class Waiting:
    team: Team
    admin: object
    # Rows by inbox queue key ("unassigned", "mine", "submit", …).
    rows: dict[str, list] = field(default_factory=dict)


def make_waiting(agency, supervisor) -> Waiting:
    team = Team(agency)
    clerk, leader = team.clerk, team.leader
    waiting = Waiting(team, team.leader)
    rows = waiting.rows

    unassigned = make_case(agency, "2026-11-30")
    overdue = make_case(agency, "2026-10-09", user=clerk)
    due = make_case(agency, "2026-11-04", user=clerk)  # due 2026-12-02
    extension = make_case(agency, "2026-11-10", user=clerk)
    cases.request_extension(extension, on=d("2026-11-20"), workdays=10, reason="需调档", user=clerk)
    approved = make_case(agency, "2026-11-10", user=clerk)
    cases.request_extension(approved, on=d("2026-11-20"), workdays=5, reason="需调档", user=clerk)
    cases.approve_extension(approved, on=d("2026-11-23"), user=leader)
    correction = make_case(agency, "2026-11-25", user=clerk)
    cases.request_correction(
        correction, on=d("2026-11-26"), deadline=d("2026-12-10"), items="补充说明", user=clerk
    )
    fee = make_case(agency, "2026-11-25", user=clerk)
    cases.assess_fee(fee, on=d("2026-11-26"), method="per_page", pages=300, user=clerk)
    rows |= {
        "unassigned": [unassigned],
        "overdue": [overdue],
        "due": [due],
        "extension": [extension],
        "correction": [correction],
        "fee": [fee],
    }

    at_reviewer = review.submit(user=clerk, item=make_item(agency, clerk))
    at_leader = review.submit(user=clerk, item=make_item(agency, clerk))
    review.sign(user=team.reviewer, review=at_leader, decision="approve", legal_basis="第十九条")
    returned = make_item(agency, clerk)
    review.sign(
        user=team.reviewer,
        review=review.submit(user=clerk, item=returned),
        decision="return",
        legal_basis="第十九条",
        opinion="文号有误",
    )
    to_publish = team.approve(make_item(agency, clerk))
    scheduled = team.approve(make_item(agency, clerk))
    review.schedule(user=clerk, item=scheduled, when=timezone.now() + timedelta(days=1))
    team.publish(make_item(agency, clerk))  # published: waits for nobody
    rows |= {
        "mine": [at_reviewer, at_leader],
        "returned": [returned],
        "to_publish": [to_publish],
        "scheduled": [scheduled],
    }

    to_submit = reports.create_draft(agency, 2025, user=clerk)
    reports.create_draft(agency, 2026, user=clerk)  # the year is not over: not yet to send
    to_accept = reports.create_draft(agency, 2024, user=clerk)
    reports.submit(to_accept, user=leader)
    to_publish_report = reports.create_draft(agency, 2023, user=clerk)
    reports.submit(to_publish_report, user=leader)
    reports.accept(to_publish_report, user=supervisor)
    rows |= {"submit": [to_submit], "accept": [to_accept], "publish": [to_publish_report]}

    # Complaints have 15 working days: received today, they are neither due soon nor overdue.
    new_message = make_message(agency, kind="complaint")
    held_message = make_message(agency, kind="complaint", text=SPAM)
    due_message = make_message(agency, received_on=d("2026-11-30"))  # due 2026-12-03
    overdue_message = engagement.accept(
        make_message(agency, received_on=d("2026-11-20")), complex_case=False, user=clerk
    )  # due 2026-11-25
    suggestions = channel_of(agency, "suggestion")
    suggestions.requires_leader_check = True
    suggestions.save()
    to_check = engagement.accept(
        make_message(agency, kind="suggestion"), complex_case=False, user=clerk
    )
    to_check = engagement.reply(to_check, text="已转交规划部门研究。", user=clerk)
    rows |= {
        "messages_new": [new_message, due_message],
        "messages_held": [held_message],
        "messages_due": [due_message],
        "messages_overdue": [overdue_message],
        "messages_check": [to_check],
    }

    # The default columns say why they are empty; one column went stale, one is empty unsaid.
    Column.objects.filter(agency=agency).update(explanation="本栏目暂无信息。")
    stale_column = make_column(agency, "统计信息", genre="统计数据")
    publish_on(team, "统计数据", d("2026-11-01"))  # a news cycle of 14 days: stale
    empty_column = make_column(agency, "专题专栏", kind="other")
    rows["columns_attention"] = [stale_column, empty_column]

    # A policy document with neither an interpretation nor a reason; under the 限期 mode, a
    # published document whose interpretation is due and not yet published.
    rows["policy_unexplained"] = [make_policy(agency, clerk, title="关于临时救助的通知")]
    sync(agency, mode="follow", days=3)
    explained = make_policy(agency, clerk, title="关于特困供养的通知")
    rows["interpretations_due"] = [make_interpretation(agency, clerk, explained)]
    team.publish(explained)
    # 意见征集: one taking comments with one to review, one past its last day and still open,
    # one closed and waiting for its 采纳情况.
    taking = consultations.open_(make_consultation(agency, clerk, title="征集中"), user=clerk)
    comment_on(taking)
    with time_machine.travel(f"{timezone.localdate() - timedelta(days=20)} 10:00 +0800"):
        ended = consultations.open_(make_consultation(agency, clerk, title="期满"), user=clerk)
        closed = consultations.open_(make_consultation(agency, clerk, title="截止"), user=clerk)
    closed = consultations.close(closed, user=clerk)
    rows |= {
        "consultations_comments": [taking],
        "consultations_ended": [ended],
        "consultations_result": [closed],
    }
    profile = draft(agency, Editors(clerk, team.reviewer))
    rows["profiles_to_review"] = [profiles.submit(profile, user=clerk)]

    make_account(agency, "正常更新的账号", d("2026-11-30"))
    rows["new_media_attention"] = [make_account(agency, "超过2周的账号", d("2026-11-01"))]
    # 整改: one due in three days, one overdue, one answered and awaiting the re-check.
    round_ = open_quarter(agency.parent, [agency], supervisor)
    soon, overdue_remedy, answered = (deduct(round_, agency, supervisor).remedy for _ in "123")
    Remedy.objects.filter(pk=soon.pk).update(due_on=d("2026-12-04"))
    Remedy.objects.filter(pk=overdue_remedy.pk).update(due_on=d("2026-11-30"))
    rounds.answer(answered, text="已整改。", file=None, user=clerk)
    rows |= {
        "remedies_due": [soon, overdue_remedy],
        "remedies_to_check": [answered],
        "remedies_overdue": [overdue_remedy],
    }
    waiting_orders(agency, clerk, rows)
    return waiting


def _order(agency, number: str, subject: str = "", **fields):
    """A work order whose matter is its own and whose caller left no number: no repeat."""
    return make_order(agency, number, subject=subject or f"诉求{number}", caller=Caller(), **fields)


def waiting_orders(agency, clerk, rows) -> None:
    # 12345 work orders: complaints have 15 working days, consultations 2.
    n = agency.pk * 100
    new_order = _order(agency, f"W{n + 1}", kind="complaint")
    due_order = _order(agency, f"W{n + 2}", dispatched="2026-11-30 09:00")
    overdue_order = hotline.accept(
        _order(agency, f"W{n + 3}", dispatched="2026-11-20 09:00"), user=clerk
    )  # due 2026-11-24
    returning = hotline.request_return(
        hotline.accept(_order(agency, f"W{n + 4}", kind="complaint"), user=clerk),
        reason="不属于本局职责",
        user=clerk,
    )
    repeat = _order(agency, f"W{n + 5}", kind="complaint", subject="幸福路积水无人处理")
    repeat_again = _order(agency, f"W{n + 6}", kind="complaint", subject="幸福路积水无人处理")
    rows |= {
        "workorders_new": [new_order, due_order, repeat, repeat_again],
        "workorders_returns": [returning],
        "workorders_repeats": [repeat_again],
        "workorders_due": [due_order],
        "workorders_overdue": [overdue_order],
    }
    # A missed call on the agency's own line waits to be called back; an answered one does not.
    table = [
        call_row(f"CB{n}", "2026-11-30 09:00:00", wait=None, phone=f"1380000{n:04d}"),
        call_row(f"CA{n}", "2026-11-30 09:05:00", phone=f"1390000{n:04d}"),
    ]
    CallImporter(user=clerk, agency=agency).run(csv_bytes(table, CALL_HEADERS), "calls.csv")
    rows["calls_to_call_back"] = list(Call.objects.filter(agency=agency, call_id=f"CB{n}"))
