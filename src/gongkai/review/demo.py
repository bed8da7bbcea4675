"""Demo catalog records: items of the demo county at every stage of the review gate, each
brought there through the same services staff use."""

from datetime import timedelta

from django.utils import timezone

from gongkai.catalog import services
from gongkai.catalog.models import Genre, Topic
from gongkai.catalog.taxonomy import load_defaults
from gongkai.core.actor import acting_as, actor_for_user
from gongkai.review import services as review

MZ = "某某县民政局"
YM = "某某县移民局"
COUNTY = "某某县人民政府"

PUBLISHED = [
    (
        "某某县民政局关于调整城乡居民最低生活保障标准的通知",
        "某民发〔2026〕12号",
        ("民政、扶贫、救灾", "社会福利"),
        "通知",
        11,
        "各乡（镇）人民政府，县直有关单位：\n"
        "经县人民政府同意，自2026年7月1日起调整全县城乡居民最低生活保障标准。"
        "城市居民最低生活保障标准由每人每月720元提高到每人每月760元；"
        "农村居民最低生活保障标准由每人每年5400元提高到每人每年5800元。\n"
        "各乡（镇）要按照新标准及时核定保障对象的救助金额，确保按月足额发放到位。",
    ),
    (
        "某某县民政局2026年部门预算公开说明",
        "",
        ("财政、金融、审计", "财政"),
        "财政预决算",
        7,
        "一、部门主要职责\n本部门负责拟订全县民政事业发展规划和政策，承担社会救助、养老服务、"
        "儿童福利、社会事务管理等工作。\n二、收支预算总体情况\n2026年收入预算3286.5万元，"
        "支出预算3286.5万元，其中基本支出612.3万元，项目支出2674.2万元。",
    ),
    (
        "某某县民政局政府信息公开工作制度",
        "某民发〔2025〕30号",
        ("综合政务", "政务公开"),
        "规范性文件",
        1,
        "第一条 为规范本局政府信息公开工作，根据《中华人民共和国政府信息公开条例》，制定本制度。\n"
        "第二条 本局办公室是本局政府信息公开工作机构，负责本局政府信息公开的日常工作。\n"
        "第三条 本局公开政府信息前，应当依照有关规定进行保密审查，未经审查不得公开。",
    ),
]


def _topic(path: tuple[str, str]) -> Topic:
    return Topic.objects.get(parent__name=path[0], name=path[1])


def load(*, agencies: dict, users: dict) -> None:
    # A test database emptied between tests has lost what the data migration loaded.
    load_defaults(Topic, Genre)
    # 移民局 is the demo's one-person office: 杨光 registers items and signs their review.
    small_office = agencies[YM]
    small_office.submitter_may_sign = True
    small_office.save(update_fields=["submitter_may_sign"])
    mz = agencies[MZ]
    clerk, reviewer, leader = users["mz_clerk"], users["mz_reviewer"], users["mz_leader"]
    today = timezone.localdate()
    for offset, (title, doc_no, topic, genre, art20, body) in enumerate(PUBLISHED):
        formed = today - timedelta(days=40 - offset * 10)
        data = {
            "title": title,
            "doc_no": doc_no,
            "written_on": formed,
            "formed_on": formed,
            "topic": _topic(topic),
            "genre": Genre.objects.get(name=genre),
            "art20_item": art20,
            "body": body,
        }
        with acting_as(actor_for_user(clerk)):
            item = services.create_item(user=clerk, agency=mz, data=data).item
            reviewed = review.submit(user=clerk, item=item)
        for signer in (reviewer, leader):
            with acting_as(actor_for_user(signer)):
                review.sign(
                    user=signer,
                    review=reviewed,
                    decision="approve",
                    legal_basis="《政府信息公开条例》第十九条、第二十条",
                )
        with acting_as(actor_for_user(clerk)):
            item.refresh_from_db()
            review.publish(user=clerk, item=item)

    with acting_as(actor_for_user(clerk)):
        waiting = services.create_item(
            user=clerk,
            agency=mz,
            data={
                "title": "某某县2026年度临时救助对象名单公示",
                "formed_on": today - timedelta(days=3),
                "topic": _topic(("民政、扶贫、救灾", "社会福利")),
                "genre": Genre.objects.get(name="工作动态"),
                "body": "经审核，下列人员符合临时救助条件，现予公示。\n"
                "张某某，城关镇，身份证号532901198001011236，救助金额2000元。",
            },
        ).item
        review.submit(user=clerk, item=waiting)
        services.create_item(
            user=clerk,
            agency=mz,
            data={
                "title": "关于开展2026年度养老服务机构安全检查的通知",
                "doc_no": "某民发(2026)08号",
                "formed_on": today - timedelta(days=35),
                "topic": _topic(("民政、扶贫、救灾", "社会福利")),
                "genre": Genre.objects.get(name="通知"),
                "art20_item": 13,
                "body": "各养老服务机构：为防范化解安全风险，决定开展养老服务机构安全检查。",
            },
        )
