"""For every model a staff endpoint serves: how to make a row owned by a given agency, and a
payload that would create or change one there. The cross-agency test refuses to pass until a
new model is added here."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from gongkai.agencies.models import Agency, InternalUnit, ReadingRoom
from gongkai.appeals.models import Appeal
from gongkai.applications.models import Application, Letter, ReplyFile, Scan
from gongkai.catalog.models import AgencyGuide, Attachment, InfoItem, ItemVersion
from gongkai.checks.models import IntegrityFinding
from gongkai.columns.models import Column
from gongkai.core.audit import record_transition
from gongkai.core.models import AuditEvent
from gongkai.engagement.models import Channel, Consultation, ConsultationComment, Message
from gongkai.hotline.models import Call, ImportBatch, OrderCategory, WorkOrder
from gongkai.interpretations.models import Interpretation
from gongkai.newmedia.models import NewMediaAccount
from gongkai.oversight.models import (
    AssessmentRound,
    Circular,
    Deduction,
    IndicatorSystem,
    Remedy,
)
from gongkai.profiles.models import LeaderEntry, ProfileVersion
from gongkai.reports.models import AnnualReport
from gongkai.review.models import Review
from tests.applications import owned_rows
from tests.catalog import owned_rows as catalog_rows
from tests.checks import owned_rows as checks_rows
from tests.columns import owned_rows as column_rows
from tests.conftest import make_staff
from tests.engagement import owned_rows as engagement_rows
from tests.hotline import owned_rows as hotline_rows
from tests.interpretations import owned_rows as interpretation_rows
from tests.newmedia import owned_rows as new_media_rows
from tests.oversight import owned_rows as oversight_rows
from tests.profiles import owned_rows as profile_rows
from tests.reports import owned_rows as report_rows


@dataclass(frozen=True)
class Owned:
    make: Callable[[Agency, str], object]
    payload: Callable[[Agency, str], dict]


def _audit_event(agency: Agency, marker: str) -> AuditEvent:
    return record_transition(agency, "note", text=marker)


OWNED: dict[type, Owned] = {
    Agency: Owned(
        make=lambda agency, marker: agency,
        payload=lambda agency, marker: {"name": marker, "phone": "0000-1234567"},
    ),
    InternalUnit: Owned(
        make=lambda agency, marker: InternalUnit.objects.create(agency=agency, name=marker),
        payload=lambda agency, marker: {"agency": agency.pk, "name": marker + "2"},
    ),
    ReadingRoom: Owned(
        make=lambda agency, marker: ReadingRoom.objects.create(
            agency=agency, name=marker, address=marker
        ),
        payload=lambda agency, marker: {
            "agency": agency.pk,
            "name": marker + "2",
            "address": "某地",
        },
    ),
    get_user_model(): Owned(
        make=lambda agency, marker: make_staff(agency, "clerk", full_name=marker),
        payload=lambda agency, marker: {
            "username": "intruder",
            "full_name": marker,
            "password": "Xx-12345678-yy",
            "roles": ["clerk"],
        },
    ),
    AuditEvent: Owned(make=_audit_event, payload=lambda agency, marker: {"action": marker}),
    Application: Owned(make=owned_rows.application, payload=owned_rows.application_payload),
    Letter: Owned(make=owned_rows.letter, payload=owned_rows.application_payload),
    Scan: Owned(make=owned_rows.scan, payload=owned_rows.application_payload),
    ReplyFile: Owned(make=owned_rows.reply_file, payload=owned_rows.application_payload),
    Appeal: Owned(make=owned_rows.appeal, payload=owned_rows.appeal_payload),
    InfoItem: Owned(make=catalog_rows.item, payload=catalog_rows.item_payload),
    ItemVersion: Owned(make=catalog_rows.version, payload=catalog_rows.item_payload),
    Attachment: Owned(make=catalog_rows.attachment, payload=catalog_rows.item_payload),
    Review: Owned(make=catalog_rows.submitted_review, payload=catalog_rows.item_payload),
    AgencyGuide: Owned(make=catalog_rows.guide, payload=catalog_rows.guide_payload),
    IntegrityFinding: Owned(
        make=checks_rows.integrity_finding, payload=lambda agency, marker: {"agency": agency.pk}
    ),
    AnnualReport: Owned(make=report_rows.report, payload=report_rows.report_payload),
    Message: Owned(make=engagement_rows.message, payload=engagement_rows.message_payload),
    Channel: Owned(make=engagement_rows.channel, payload=engagement_rows.channel_payload),
    Consultation: Owned(
        make=engagement_rows.consultation, payload=engagement_rows.consultation_payload
    ),
    ConsultationComment: Owned(
        make=engagement_rows.comment, payload=engagement_rows.consultation_payload
    ),
    Column: Owned(make=column_rows.column, payload=column_rows.column_payload),
    Interpretation: Owned(
        make=interpretation_rows.interpretation, payload=interpretation_rows.interpretation_payload
    ),
    # The version first: its leader is the one it lists.
    ProfileVersion: Owned(make=profile_rows.version, payload=profile_rows.payload),
    LeaderEntry: Owned(make=profile_rows.leader, payload=profile_rows.payload),
    NewMediaAccount: Owned(make=new_media_rows.account, payload=new_media_rows.account_payload),
    IndicatorSystem: Owned(make=oversight_rows.system, payload=oversight_rows.system_payload),
    AssessmentRound: Owned(
        make=oversight_rows.assessment_round, payload=oversight_rows.transition_payload
    ),
    Deduction: Owned(make=oversight_rows.deduction, payload=oversight_rows.transition_payload),
    Remedy: Owned(make=oversight_rows.remedy, payload=oversight_rows.transition_payload),
    Circular: Owned(make=oversight_rows.circular, payload=oversight_rows.transition_payload),
    WorkOrder: Owned(make=hotline_rows.work_order, payload=hotline_rows.work_order_payload),
    ImportBatch: Owned(make=hotline_rows.batch, payload=hotline_rows.work_order_payload),
    OrderCategory: Owned(make=hotline_rows.category, payload=hotline_rows.category_payload),
    Call: Owned(make=hotline_rows.call, payload=hotline_rows.call_payload),
}
