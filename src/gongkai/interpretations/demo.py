"""Demo interpretations: the 民政局 releases its 规范性文件 with their interpretations (同步审签、
同步发布 on its review chain page); a 图解 of its disclosure rules and a 问答 on the new 低保
standard are published, and a new draft 规范性文件 still waits for its interpretation. Each is
brought there through the same services staff use."""

from datetime import timedelta

from django.utils import timezone

from gongkai.catalog import services as catalog
from gongkai.catalog.models import Genre, InfoItem
from gongkai.core.actor import acting_as, actor_for_user
from gongkai.review import services as review

from . import services
from .models import SyncMode

MZ = "某某县民政局"
INTERPRETED = [
    (
        "某某县民政局政府信息公开工作制度",
        "一图读懂《某某县民政局政府信息公开工作制度》",
        "graphic",
        "办公室",
        "一、背景依据\n依据《中华人民共和国政府信息公开条例》，规范本局政府信息公开工作。\n\n"
        "二、主要内容\n明确本局办公室为政府信息公开工作机构；公开前须经保密审查。",
    ),
    (
        "某某县民政局关于调整城乡居民最低生活保障标准的通知",
        "城乡居民最低生活保障标准调整问答",
        "qa",
        "业务股",
        "问：新标准从什么时候开始执行？\n答：自2026年7月1日起执行。\n\n"
        "问：城市低保标准提高了多少？\n答：由每人每月720元提高到每人每月760元。",
    ),
]


def load(*, agencies: dict, users: dict) -> None:
    mz = agencies[MZ]
    clerk, reviewer, leader = users["mz_clerk"], users["mz_reviewer"], users["mz_leader"]
    admin = users["mz_admin"]
    today = timezone.localdate()
    with acting_as(actor_for_user(admin)):
        services.set_sync(user=admin, agency=mz, mode=SyncMode.TOGETHER, days=3, genres=[])
    for document_title, title, form, unit, body in INTERPRETED:
        document = InfoItem.objects.get(agency=mz, current_version__title=document_title)
        with acting_as(actor_for_user(clerk)):
            interpretation = services.create(
                user=clerk,
                agency=mz,
                data={"title": title, "formed_on": today - timedelta(days=5), "body": body},
                form=form,
                documents=[document],
                author_unit=mz.units.get(name=unit),
            )
            reviewed = review.submit(user=clerk, item=interpretation.item)
        for signer in (reviewer, leader):
            with acting_as(actor_for_user(signer)):
                review.sign(
                    user=signer,
                    review=reviewed,
                    decision="approve",
                    legal_basis="《政府信息公开条例》第十九条",
                )
        with acting_as(actor_for_user(clerk)):
            item = interpretation.item
            item.refresh_from_db()
            review.publish(user=clerk, item=item)
    with acting_as(actor_for_user(clerk)):
        catalog.create_item(
            user=clerk,
            agency=mz,
            data={
                "title": "某某县临时救助实施办法",
                "doc_no": "某民规〔2026〕1号",
                "formed_on": today - timedelta(days=2),
                "genre": Genre.objects.get(name="规范性文件"),
                "body": "第一条 为规范临时救助工作，根据《社会救助暂行办法》，制定本办法。",
            },
        )
