"""Rows of 政民互动 owned by an agency, for the cross-agency isolation walk."""

from gongkai.agencies.models import Membership
from gongkai.engagement import consultations
from gongkai.engagement.models import Channel, Consultation, ConsultationComment, Message
from gongkai.engagement.services import Upload
from tests.catalog.files import docx_bytes
from tests.conftest import make_staff
from tests.engagement.consultation_makers import comment_on, make_consultation
from tests.engagement.makers import make_message


def message(agency, marker: str) -> Message:
    # With an attachment, so that its download is walked too.
    upload = Upload("说明.docx", docx_bytes(f"{marker}的附件"))
    return make_message(agency, subject=marker, text=f"{marker}的咨询内容", attachment=upload)


def message_payload(agency, marker: str) -> dict:
    return {"transition": "refuse", "fields": {"reason": marker}, "refuse-reason": marker}


def channel(agency, marker: str) -> Channel:
    return Channel.objects.get(agency=agency, kind="question")


def channel_payload(agency, marker: str) -> dict:
    return {
        "reply_workdays": 1,
        "complex_workdays": 1,
        "warn_workdays": 1,
        "max_extension_workdays": 1,
    }


def _clerk(agency):
    found = Membership.objects.filter(agency=agency, role="clerk").first()
    return found.user if found is not None else make_staff(agency, "clerk")


def consultation(agency, marker: str) -> Consultation:
    return make_consultation(agency, _clerk(agency), title=marker)


def comment(agency, marker: str) -> ConsultationComment:
    found = consultations.open_(consultation(agency, marker), user=_clerk(agency))
    return comment_on(found, text=f"{marker}的意见")


def consultation_payload(agency, marker: str) -> dict:
    return {
        "transition": "reject",
        "fields": {"reason": marker},
        "reason": marker,
        "title": marker,
        "agency": agency.pk,
    }
