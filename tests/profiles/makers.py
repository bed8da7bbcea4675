"""Agencies' 机构概况 as the tests need them: drafted by a clerk, approved by a reviewer."""

from dataclasses import dataclass
from datetime import date

from gongkai.profiles import services
from gongkai.profiles.models import LeaderEntry, ProfileVersion
from gongkai.profiles.photos import Upload
from gongkai.profiles.workflow import PROFILE_WORKFLOW
from tests.catalog.files import png_bytes
from tests.conftest import make_staff

DUTIES = "贯彻执行民政工作的法律法规和政策；负责社会救助、养老服务和社会事务管理工作。"


@dataclass
class Editors:
    clerk: object
    reviewer: object


def editors(agency) -> Editors:
    return Editors(make_staff(agency, "clerk"), make_staff(agency, "reviewer"))


def draft(agency, people: Editors, **basic) -> ProfileVersion:
    version = services.start_draft(agency, user=people.clerk)
    fields = {
        "duties": DUTIES,
        "address": "人民路2号",
        "postcode": "675500",
        "phone": "0878-5211111",
        "fax": "0878-5211112",
        "email": "mz@test.gov.cn",
        "office_hours": "工作日 8:30—17:30",
        "change_note": "",
        "effective_on": date(2026, 11, 2),
    } | basic
    return PROFILE_WORKFLOW.perform(version, "edit", fields, user=people.clerk)


def add_leader(version, people: Editors, name: str, post: str, took_office: date, photo=True):
    return services.add_leader(
        version,
        user=people.clerk,
        name=name,
        post=post,
        took_office=took_office,
        portfolio=f"{name}负责的工作",
        cv=f"{name}，男，汉族，1975年生。",
        photo=Upload("照片.png", png_bytes(b"camera")) if photo else None,
    )


def publish(version, people: Editors) -> ProfileVersion:
    version = services.submit(version, user=people.clerk)
    return services.approve(version, user=people.reviewer)


def entry_of(version, name: str) -> LeaderEntry:
    return version.leaders.get(leader__name=name)
