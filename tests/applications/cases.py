"""Helpers that make cases the way intake does: through the services."""

from datetime import date

from gongkai.applications import identity, services
from gongkai.applications.models import Channel, DeliveryMethod, IdType, ProvisionForm
from gongkai.applications.outcomes import ApplicantCategory

FIRST17 = "11010519491231002"
RESIDENT_ID = FIRST17 + identity.resident_id_check_character(FIRST17)


def person_intake(**overrides) -> services.Intake:
    fields = {
        "applicant_category": ApplicantCategory.NATURAL_PERSON,
        "applicant_name": "张三",
        "id_type": IdType.RESIDENT_ID,
        "id_number": RESIDENT_ID,
        "phone": "13800138000",
        "email": "zhangsan@example.cn",
        "address": "某某县城关镇人民路1号",
        "description": "2024年度本县城乡低保资金发放情况",
        "provision_form": ProvisionForm.ELECTRONIC,
        "delivery_method": DeliveryMethod.EMAIL,
        "channel": Channel.IN_PERSON,
    }
    return services.Intake(**(fields | overrides))


def make_case(agency, received: str | date = "2025-09-26", user=None, **overrides):
    if isinstance(received, str):
        received = date.fromisoformat(received)
    return services.register(agency, person_intake(received_on=received, **overrides), user=user)


def d(text: str) -> date:
    return date.fromisoformat(text)
