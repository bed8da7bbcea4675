"""Demo 政民互动: a year of messages to the county's 民政局 in every channel and state (a few to
the 移民局 and the town too, for the supervisor's charts), and two 意见征集 — one taking
comments now, one closed with its 采纳情况 published.

Everything goes through the services, on the day the demo is loaded; the dates a message was
accepted and answered are then set back to when they would have been, so the statistics and
charts show a year's history.
"""

import random
from datetime import date, timedelta
from io import BytesIO

from django.utils import timezone
from reportlab.pdfgen import canvas

from gongkai.calendar.schedules import CalendarUnknown
from gongkai.calendar.workdays import add_workdays, workdays_between
from gongkai.core.actor import acting_as, actor_for_user

from . import consultations, services
from .consultation_models import Consultation
from .models import Channel, ChannelKind, Message, MessageSource

K = ChannelKind
SUBJECTS = {
    K.QUESTION: [
        ("低保申请需要哪些材料", "我母亲今年七十岁，没有收入，想申请低保，需要准备哪些材料？"),
        ("临时救助怎么申请", "家里突发变故，请问临时救助在哪里申请，多久能批下来？"),
        ("高龄津贴发放时间", "八十岁以上老人的高龄津贴每月几号发放？"),
        ("婚姻登记是否需要预约", "下周想去办理结婚登记，需要提前预约吗？"),
    ],
    K.SUGGESTION: [
        ("建议增设社区养老服务点", "城关镇东片老人多，建议增设一处日间照料中心。"),
        ("低保公示建议", "建议低保公示时同时公布监督电话。"),
    ],
    K.COMPLAINT: [
        ("反映低保评审不公", "我村有人家里有车有房仍享受低保，请核查。"),
        ("养老院收费问题", "某养老院擅自提高护理费，请查处。"),
    ],
    K.ERROR_REPORT: [
        ("通知附件无法打开", "《关于做好2026年低保工作的通知》的附件链接打不开。"),
        ("办事指南电话有误", "婚姻登记办事指南中的咨询电话已停用。"),
    ],
    K.LEADER_MAILBOX: [
        ("给局长的一封信", "感谢民政局工作人员上门为我父亲办理残疾人补贴。"),
    ],
}
REPLIES = {
    K.QUESTION: "请携带户口簿、身份证和家庭收入证明，到户籍所在地乡镇（街道）社会事务办申请。",
    K.SUGGESTION: "感谢您的建议，我局已将其纳入明年养老服务设施布点规划研究。",
    K.COMPLAINT: "经核查，已责成乡镇重新入户调查，不符合条件的将依法停保。",
    K.ERROR_REPORT: "感谢指正，已更正该页面。",
    K.LEADER_MAILBOX: "感谢您的来信，我们将继续做好为民服务工作。",
}
NAMES = ["张建华", "李秀英", "王志强", "刘桂兰", "陈国平", "杨丽", "赵文斌", "黄晓燕", "周明"]
# How a message of the year ends, in turn: most are answered; a few are refused or still open.
ENDINGS = ["closed", "replied", "closed", "replied", "refused", "closed", "replied", "closed"]
PER_MONTH = 4
SPAM = "澳门新葡京在线博彩 www.bet365.com 加微信领彩金"


def load(*, agencies: dict, users: dict) -> None:
    rng = random.Random(2026)
    bureau = agencies["某某县民政局"]
    clerk, leader = users["mz_clerk"], users["mz_leader"]
    with acting_as(actor_for_user(clerk)):
        _year_of_messages(rng, bureau, clerk)
        _waiting_now(rng, bureau, clerk, leader)
        for name, username in (
            ("某某县移民局", "ym_clerk"),
            ("某某县城关镇人民政府", "town_clerk"),
        ):
            _year_of_messages(rng, agencies[name], users[username], per_month=1)
        _consultations(bureau, clerk)


def _submission(rng, kind: str, n: int, **extra) -> services.Submission:
    subject, text = SUBJECTS[kind][n % len(SUBJECTS[kind])]
    return services.Submission(
        subject=subject,
        text=text,
        writer_name=rng.choice(NAMES),
        phone=f"139{rng.randint(10000000, 99999999)}",
        publish_consent=rng.random() < 0.7,
        **extra,
    )


def _receive(rng, agency, kind: str, n: int, received: date, **extra) -> Message:
    channel = Channel.objects.get(agency=agency, kind=kind)
    return services.receive(channel, _submission(rng, kind, n, **extra), received_on=received)


def _after(day: date, workdays: int, today: date) -> date:
    try:
        return min(add_workdays(day, workdays), today)
    except CalendarUnknown:
        return day


def _year_of_messages(rng, agency, clerk, per_month: int = PER_MONTH) -> None:
    """Messages received over the past year, answered on time or late, refused or closed."""
    today = timezone.localdate()
    kinds = list(SUBJECTS)
    for n in range(12 * per_month):
        received = today - timedelta(days=365 - n * (365 // (12 * per_month)))
        kind = kinds[n % len(kinds)]
        message = _receive(rng, agency, kind, n, received)
        ending = ENDINGS[n % len(ENDINGS)]
        if ending == "refused":
            services.refuse(message, reason="不属于本机关职责，请向县信访局反映。", user=clerk)
            continue
        message = services.accept(message, complex_case=n % 7 == 0, user=clerk)
        message = services.reply(
            message, text=REPLIES[kind], publish=message.publish_consent, user=clerk
        )
        if ending == "closed":
            message = services.close(message, user=clerk)
        # Most are answered in time, one in five a few days late.
        took = message.limits.reply_workdays + (3 if n % 7 == 3 else -1)
        _backdate(message, received, _after(received, max(took, 1), today), today)


def _backdate(message: Message, received: date, replied: date, today: date) -> None:
    """The dates the message would have been accepted, answered and closed on."""
    Message.objects.filter(pk=message.pk).update(
        accepted_on=received,
        replied_on=replied,
        reply_workdays=workdays_between(received, replied),
        closed_on=replied if message.status == "closed" else None,
    )


def _waiting_now(rng, bureau, clerk, leader) -> None:
    """Whatever the day, the lists have work in every state: held, new, in hand, waiting for
    the leader, due soon, overdue, extended, a letter and a visit."""
    today = timezone.localdate()
    _receive(rng, bureau, K.SUGGESTION, 0, today)
    services.receive(
        Channel.objects.get(agency=bureau, kind=K.SUGGESTION),
        services.Submission(subject="优惠活动", text=SPAM, anonymous=True, phone="13000000000"),
    )
    _receive(rng, bureau, K.QUESTION, 1, today)
    in_hand = services.accept(
        _receive(rng, bureau, K.COMPLAINT, 0, today), complex_case=False, user=clerk
    )
    services.extend(in_hand, workdays=5, reason="需要会同乡镇入户核查", user=clerk)
    Channel.objects.filter(agency=bureau, kind=K.LEADER_MAILBOX).update(requires_leader_check=True)
    to_check = services.accept(
        _receive(rng, bureau, K.LEADER_MAILBOX, 0, today), complex_case=False, user=clerk
    )
    services.reply(to_check, text=REPLIES[K.LEADER_MAILBOX], user=clerk)
    for back in (1, 9):  # one due within days, one past its limit
        received = _workdays_before(today, back)
        services.accept(
            _receive(rng, bureau, K.QUESTION, back, received), complex_case=False, user=clerk
        )
    services.receive(
        Channel.objects.get(agency=bureau, kind=K.QUESTION),
        _submission(rng, K.QUESTION, 3),
        source=MessageSource.LETTER,
        received_on=today,
        user=clerk,
    )
    services.receive(
        Channel.objects.get(agency=bureau, kind=K.ERROR_REPORT),
        _submission(rng, K.ERROR_REPORT, 1),
        source=MessageSource.VISIT,
        received_on=today,
        user=clerk,
    )


def _workdays_before(today: date, workdays: int) -> date:
    day = today
    while workdays_between(day, today) < workdays:
        day -= timedelta(days=1)
    return day


COMMENTS = [
    ("赡养费应按实际给付计入家庭收入，不应按协议推算。", "王五"),
    ("建议对重度残疾人单独施保的条件写得更具体。", "刘桂兰"),
    ("公示期7天太短，建议延长到15天。", ""),
    ("建议明确低保审核确认的办理时限。", "陈国平"),
]


def _consultations(bureau, clerk) -> None:
    """One consultation taking comments now; one closed 20 days ago with its 采纳情况."""
    today = timezone.localdate()
    draft = consultations.Draft(
        title="某某县城乡居民最低生活保障审核确认办法（征求意见稿）",
        explanation=(
            "为规范最低生活保障审核确认工作，根据《社会救助暂行办法》和省有关规定，"
            "起草了本办法。请重点就家庭收入核算、公示期限提出意见。"
        ),
        opens_on=today - timedelta(days=45),
        closes_on=today - timedelta(days=16),
        major_decision=True,
        upload=services.Upload("征求意见稿.pdf", _draft_pdf()),
    )
    done = consultations.create(bureau, draft, user=clerk)
    # Put out and commented on as on its last day, then its period is set back.
    Consultation.objects.filter(pk=done.pk).update(
        opens_on=today - timedelta(days=29), closes_on=today
    )
    done = consultations.open_(Consultation.objects.get(pk=done.pk), user=clerk)
    comments = [
        consultations.comment(done, consultations.CommentSubmission(text=text, writer_name=name))
        for text, name in COMMENTS
    ]
    valid = [consultations.approve(c, user=clerk) for c in comments[:3]]
    consultations.reject(comments[3], reason="重复提交", user=clerk)
    Consultation.objects.filter(pk=done.pk).update(
        opens_on=draft.opens_on, closes_on=draft.closes_on, published_on=draft.opens_on
    )
    done = consultations.close(Consultation.objects.get(pk=done.pk), user=clerk)
    answers = [
        ("赡养费按实际给付计入家庭收入", "adopted", "", [valid[0]]),
        (
            "细化重度残疾人单独施保条件",
            "partly",
            "已列明残疾等级，具体情形由乡镇入户核实。",
            [valid[1]],
        ),
        ("延长公示期", "not_adopted", "公示期按省级规定为7天，本办法不作调整。", [valid[2]]),
    ]
    for summary, decision, reason, chosen in answers:
        consultations.record_adoption(
            done, summary=summary, decision=decision, reason=reason, comments=chosen, user=clerk
        )
    consultations.publish_result(
        done,
        text="征集期间共收到有效意见3条，采纳1条，部分采纳1条，未采纳1条，理由如下。",
        user=clerk,
    )

    taking = consultations.create(
        bureau,
        consultations.Draft(
            title="某某县特困人员救助供养实施细则（征求意见稿）",
            explanation="为做好特困人员救助供养工作，起草了本细则，现公开征求意见。",
            opens_on=today - timedelta(days=3),
            upload=services.Upload("实施细则.pdf", _draft_pdf()),
        ),
        user=clerk,
    )
    taking = consultations.open_(taking, user=clerk)
    consultations.comment(
        taking, consultations.CommentSubmission(text="建议提高分散供养人员的照料护理补贴。")
    )
    consultations.comment(taking, consultations.CommentSubmission(text=SPAM))


def _draft_pdf() -> bytes:
    """A one-page PDF standing in for the draft."""
    buffer = BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 760, "Draft for public comment")
    page.save()
    return buffer.getvalue()
