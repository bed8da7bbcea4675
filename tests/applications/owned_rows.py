"""Rows of 依申请公开 and appeals owned by one agency, for the cross-agency isolation test."""

from datetime import date

from django.core.files.base import ContentFile

from gongkai.appeals.models import Appeal
from gongkai.applications.models import Application, Letter, ReplyFile, Scan
from tests.applications.cases import make_case


def application(agency, marker: str) -> Application:
    return make_case(agency, date(2025, 9, 26), applicant_name=marker, description=marker)


def letter(agency, marker: str) -> Letter:
    case = application(agency, marker)
    stored = Letter(case=case, kind="receipt", year=2025, serial=1, number=marker, text=marker)
    stored.docx.save("isolation.docx", ContentFile(marker.encode()), save=False)
    stored.pdf.save("isolation.pdf", ContentFile(marker.encode()), save=False)
    stored.save()
    return stored


def scan(agency, marker: str) -> Scan:
    case = application(agency, marker)
    stored = Scan(case=case, name=marker, kind="pdf", size=9, sha256="0" * 64)
    stored.file.save("isolation.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    stored.save()
    return stored


def reply_file(agency, marker: str) -> ReplyFile:
    case = application(agency, marker)
    stored = ReplyFile(case=case, title=marker, name=marker, kind="pdf", size=9, sha256="0" * 64)
    stored.file.save("isolation.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    stored.save()
    return stored


def appeal(agency, marker: str) -> Appeal:
    return Appeal.objects.create(
        agency=agency,
        kind="reconsideration",
        appellant=marker,
        body="测试县人民政府",
        filed_on=date(2025, 10, 1),
    )


def application_payload(agency, marker: str) -> dict:
    return {
        "applicant_category": "natural_person",
        "applicant_name": marker,
        "phone": "13800000000",
        "description": marker,
        "provision_form": "electronic",
        "delivery_method": "online",
        "on": "2025-10-10",
        "outcome": "granted",
        "legal_basis": marker,
    }


def appeal_payload(agency, marker: str) -> dict:
    return {
        "agency": agency.pk,
        "kind": "complaint",
        "appellant": marker,
        "body": marker,
        "filed_on": "2025-10-01",
        "result": "pending",
    }
