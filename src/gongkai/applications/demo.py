"""Demo cases: a year of applications to the county's 民政局 and 移民局, in every state."""

import random
from datetime import date, timedelta

from gongkai.agencies import access
from gongkai.calendar.workdays import add_workdays, workdays_between
from gongkai.core import uscc
from gongkai.core.actor import acting_as, actor_for_user

from . import identity, services
from .models import Channel, DeliveryMethod, IdType, ProvisionForm
from .outcomes import LEGAL_BASIS, ApplicantCategory, Outcome

REQUESTS = {
    "某某县民政局": [
        "2025年度城乡居民最低生活保障资金发放明细",
        "本县特困人员供养机构名单及床位数",
        "2025年临时救助资金使用情况",
        "城关镇某社区低保对象审核材料",
        "养老机构运营补贴的发放标准和依据文件",
        "2024年度社会组织年检结果",
        "殡葬改革实施方案（县民发〔2024〕12号）",
        "本人父亲的低保审批档案",
    ],
    "某某县移民局": [
        "某某水库移民后期扶持人口核定名册",
        "2025年大中型水库移民后期扶持资金分配方案",
        "移民安置区基础设施项目招投标文件",
        "本村移民直补资金发放到户明细",
        "库区移民避险解困项目实施情况",
    ],
}
NAMES = ["张建华", "李秀英", "王志强", "刘桂兰", "陈国平", "杨丽", "赵文斌", "黄晓燕", "周明"]
COMPANIES = [
    (ApplicantCategory.LEGAL_SERVICE, "某某律师事务所", "91539901MA6K000010"),
    (ApplicantCategory.COMMERCIAL, "某某建设工程有限公司", "91539901MA6K000020"),
    (ApplicantCategory.RESEARCH, "某某大学公共管理学院", "12539901MB0000003"),
]
OUTCOMES = [
    Outcome.GRANTED,
    Outcome.GRANTED,
    Outcome.GRANTED,
    Outcome.PARTIAL,
    Outcome.PARTIAL,
    Outcome.UNABLE_NOT_HELD,
    Outcome.DENIED_THIRD_PARTY,
    Outcome.DENIED_PROCESS_INFO,
    Outcome.NOT_PROCESSED_REPEAT,
]
REASONS = {
    Outcome.PARTIAL: "所申请信息中含有个人身份信息，已作区分处理。",
    Outcome.UNABLE_NOT_HELD: "经检索本机关档案，未制作或获取该信息。",
    Outcome.DENIED_THIRD_PARTY: "公开会损害第三方合法权益，第三方不同意公开。",
    Outcome.DENIED_PROCESS_INFO: "该信息属于讨论记录等过程性信息。",
    Outcome.NOT_PROCESSED_REPEAT: "申请人此前已就同一信息提出申请并已答复。",
}
PER_AGENCY = 36
# Cases left open on purpose: 25 working days old is 5 past the 20-day reply period (Art. 33);
# 17 days old is due within the workbench's default 5-day warning.
OVERDUE_AGE_WORKDAYS = 25
DUE_SOON_AGE_WORKDAYS = 17


def load(*, agencies: dict, users: dict) -> None:
    rng = random.Random(2026)
    today = services.today()
    for agency_name, requests in REQUESTS.items():
        agency = agencies[agency_name]
        clerk = users["mz_clerk" if "民政" in agency_name else "ym_clerk"]
        # 移民局 has no 分管领导 of its own in the demo: its extension requests stay pending.
        leader = users["mz_leader"] if "民政" in agency_name else users["county_leader"]
        with acting_as(actor_for_user(clerk)):
            for n in range(PER_AGENCY):
                received = today - timedelta(days=int(365 * (1 - n / PER_AGENCY)) + 1)
                _one_case(rng, agency, clerk, leader, received, rng.choice(requests), today)
            # Whatever the day, the queues have an overdue case and one due within days.
            for age in (OVERDUE_AGE_WORKDAYS, DUE_SOON_AGE_WORKDAYS):
                received = _workdays_before(today, age)
                services.register(agency, _intake(rng, rng.choice(requests), received), user=clerk)


def _workdays_before(today: date, workdays: int) -> date:
    """The day from which `today` is the `workdays`-th working day (or lies just after it)."""
    day = today
    while workdays_between(day, today) < workdays:
        day -= timedelta(days=1)
    return day


def _one_case(rng, agency, clerk, leader, received: date, request: str, today: date) -> None:
    case = services.register(agency, _intake(rng, request, received), user=clerk)
    _handle(rng, case, clerk, leader, received, today)


def _intake(rng, request: str, received: date) -> services.Intake:
    if rng.random() < 0.75:
        first17 = (
            f"5399011970{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(100, 999)}"
        )
        return services.Intake(
            applicant_category=ApplicantCategory.NATURAL_PERSON,
            applicant_name=rng.choice(NAMES),
            id_type=IdType.RESIDENT_ID,
            id_number=first17 + identity.resident_id_check_character(first17),
            phone=f"139{rng.randint(10000000, 99999999)}",
            address="某某县城关镇",
            description=request,
            provision_form=ProvisionForm.PAPER,
            delivery_method=DeliveryMethod.POST,
            channel=rng.choice([Channel.ONLINE, Channel.IN_PERSON, Channel.POST_SIGNED]),
            received_on=received,
        )
    category, name, code = rng.choice(COMPANIES)
    return services.Intake(
        applicant_category=category,
        applicant_name=name,
        credit_code=_valid_credit_code(code),
        legal_representative=rng.choice(NAMES),
        phone=f"0871-{rng.randint(6000000, 6999999)}",
        email="office@example.cn",
        description=request,
        provision_form=ProvisionForm.ELECTRONIC,
        delivery_method=DeliveryMethod.EMAIL,
        channel=Channel.ONLINE,
        received_on=received,
    )


def _handle(rng, case, clerk, leader, received: date, today: date) -> None:
    """Move the case along as far as its age allows, the way a disclosure office would."""

    def day(after: date, workdays: int) -> date | None:
        found = add_workdays(after, workdays)
        return found if found <= today else None

    cursor = received
    roll = rng.random()
    if roll < 0.12 and (on := day(cursor, 3)):
        services.request_correction(
            case,
            on=on,
            deadline=on + timedelta(days=15),
            items="请写明所需信息的时间范围",
            user=clerk,
        )
        if rng.random() < 0.3:
            if on + timedelta(days=16) <= today:
                services.lapse_correction(case, on=on + timedelta(days=16), user=clerk)
            return
        cursor = on + timedelta(days=5)
        if cursor > today:
            return
        services.receive_correction(case, on=cursor, user=clerk)
    if 0.12 <= roll < 0.3 and (on := day(cursor, 5)):
        services.start_consultation(
            case, on=on, party="申请信息涉及的相关单位", party_kind="third_party", user=clerk
        )
        end = day(on, 10)
        if end is None:
            return
        services.end_consultation(case, on=end, answer="同意公开", user=clerk)
        cursor = end
    if 0.3 <= roll < 0.38 and (on := day(cursor, 15)):
        services.request_extension(case, on=on, workdays=15, reason="需调取历年档案", user=clerk)
        if access.can(leader, "case.approve_extension", case.agency):
            services.approve_extension(case, on=on, user=leader)
    case.refresh_from_db()
    if case.due_date is None:
        return
    if rng.random() < 0.06:
        return  # left unanswered: the overdue queue has something to show
    answer = min(case.due_date, add_workdays(cursor, rng.randint(6, 19)))
    if rng.random() < 0.05:
        answer = add_workdays(case.due_date, 2)  # the occasional late reply
    if answer > today:
        return
    outcome = rng.choice(OUTCOMES)
    services.decide(
        case,
        on=answer,
        outcome=outcome,
        legal_basis=LEGAL_BASIS[outcome],
        reasons=REASONS.get(outcome, ""),
        user=clerk,
    )
    delivered = answer + timedelta(days=2)
    if delivered > today:
        return
    services.deliver(
        case,
        on=delivered,
        method=case.delivery_method,
        tracking_number=f"EMS{rng.randint(10**9, 10**10)}"
        if case.delivery_method == DeliveryMethod.POST
        else "",
        user=clerk,
    )
    if delivered + timedelta(days=3) <= today:
        services.close(case, on=delivered + timedelta(days=3), user=clerk)


def _valid_credit_code(first17_or_code: str) -> str:
    first17 = first17_or_code[:17]
    return first17 + uscc.check_character(first17)
