"""Registering an application from any channel (Art. 29–31) with its number."""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction

from gongkai.agencies import access
from gongkai.agencies.models import Agency
from gongkai.core import uscc
from gongkai.lib.errors import Refused

from .. import identity
from ..ledger import EventKind
from ..models import (
    RECEIPT_BASIS,
    Application,
    Channel,
    Counter,
    DeliveryMethod,
    IdType,
    ProvisionForm,
)
from ..outcomes import ApplicantCategory
from .events import append, today


@dataclass(frozen=True)
class Intake:
    """What an application says: the applicant, what is asked for, and how it arrived."""

    applicant_category: str
    applicant_name: str
    phone: str
    description: str
    provision_form: str
    delivery_method: str
    channel: str = Channel.ONLINE
    received_on: date | None = None
    id_type: str = ""
    id_number: str = ""
    credit_code: str = ""
    legal_representative: str = ""
    contact_person: str = ""
    email: str = ""
    address: str = ""
    postcode: str = ""
    document_number: str = ""


def register(
    agency: Agency, intake: Intake, *, user=None, submission_token: str | None = None
) -> Application:
    """Register an application as received (Art. 29–31) and give it a number and tracking code.

    The same `submission_token` (the public form's one-time token) registers one case only,
    and every post carrying it is answered with that case.
    """
    existing = _registered_with(submission_token)
    if existing is not None:
        return existing
    fields = _checked_intake(intake)
    handler = user if user is not None and access.can(user, "case.handle", agency) else None
    try:
        with transaction.atomic():
            number = _next_number(agency, fields["received_on"].year, "依申")
            case = Application.objects.create(
                agency=agency,
                number=number,
                submission_token=submission_token,
                receipt_basis=RECEIPT_BASIS[Channel(fields["channel"])],
                handler=handler,
                **fields,
            )
            append(case, EventKind.RECEIVED, fields["received_on"], {"channel": case.channel}, user)
    except IntegrityError:
        # The same post arriving twice at once (PostgreSQL lets both pass the look-up above
        # before either commits): the token's unique index made the other one wait for the
        # first, whose committed case this statement now sees.
        existing = _registered_with(submission_token)
        if existing is None:
            raise
        return existing
    return case


def _registered_with(submission_token: str | None) -> Application | None:
    if not submission_token:
        return None
    return Application.objects.filter(submission_token=submission_token).first()


def _checked_intake(intake: Intake) -> dict:
    name = intake.applicant_name.strip()
    if not name:
        raise Refused("请填写申请人姓名或名称", "applicant_name")
    if intake.applicant_category not in ApplicantCategory.values:
        raise Refused("请选择申请人类别", "applicant_category")
    phone = intake.phone.strip()
    if not phone:
        raise Refused("请填写联系电话", "phone")
    if not intake.description.strip():
        raise Refused("请描述所需政府信息的名称、文号或其他特征（第二十九条）", "description")
    received = intake.received_on or today()
    if received > today():
        raise Refused("收到申请日期不能晚于今天", "received_on")
    if intake.channel not in Channel.values:
        raise Refused("请选择申请方式", "channel")
    if intake.provision_form not in ProvisionForm.values:
        raise Refused("请选择获取信息的方式", "provision_form")
    if intake.delivery_method not in DeliveryMethod.values:
        raise Refused("请选择提供信息的途径", "delivery_method")
    fields = {
        "applicant_category": intake.applicant_category,
        "applicant_name": name,
        "phone": phone,
        "email": intake.email.strip(),
        "address": intake.address.strip(),
        "postcode": intake.postcode.strip(),
        "description": intake.description.strip(),
        "document_number": intake.document_number.strip(),
        "provision_form": intake.provision_form,
        "delivery_method": intake.delivery_method,
        "channel": intake.channel,
        "received_on": received,
        "contact_person": intake.contact_person.strip(),
        "legal_representative": intake.legal_representative.strip(),
    }
    if intake.delivery_method == DeliveryMethod.EMAIL and not fields["email"]:
        raise Refused("选择电子邮件方式提供的，请填写电子邮箱", "email")
    if intake.delivery_method == DeliveryMethod.POST and not fields["address"]:
        raise Refused("选择邮寄方式提供的，请填写通信地址", "address")
    if intake.applicant_category == ApplicantCategory.NATURAL_PERSON:
        if intake.id_type not in IdType.values:
            raise Refused("请选择证件类型", "id_type")
        number = intake.id_number.strip().upper().replace(" ", "")
        if not number:
            raise Refused("请填写证件号码（第二十九条：申请人的身份证明）", "id_number")
        if intake.id_type == IdType.RESIDENT_ID:
            try:
                number = identity.validate_resident_id(number)
            except identity.IdentityError as error:
                raise Refused(str(error), "id_number") from None
        fields |= {
            "id_type": intake.id_type,
            "id_number_encrypted": identity.encrypt(number),
            "id_number_masked": identity.mask(number),
            "applicant_key": identity.applicant_key(id_type=intake.id_type, id_number=number),
        }
    else:
        try:
            fields["credit_code"] = uscc.validate(intake.credit_code)
        except uscc.UsccError as error:
            raise Refused(str(error), "credit_code") from None
        fields["applicant_key"] = identity.applicant_key(credit_code=fields["credit_code"])
        if not fields["legal_representative"]:
            raise Refused("请填写法定代表人或负责人", "legal_representative")
    return fields


def _next_number(agency: Agency, year: int, series: str) -> str:
    return f"{agency.display_name}{series}〔{year}〕{next_serial(agency, year, series)}号"


def next_serial(agency: Agency, year: int, series: str) -> int:
    """The next number in an agency's yearly series; gaps never appear under concurrency."""
    with transaction.atomic():
        counter, _ = Counter.objects.select_for_update().get_or_create(
            agency=agency, year=year, series=series
        )
        counter.last += 1
        counter.save(update_fields=["last"])
    return counter.last
