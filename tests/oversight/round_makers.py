"""A quarterly round of the test county over its departments, under the shipped disclosure-work
system, and an inspector's deduction with a screenshot."""

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gongkai.agencies.models import Role
from gongkai.oversight import rounds
from gongkai.oversight.models import IndicatorSystem
from gongkai.oversight.standing import install_shipped
from tests.catalog.files import png_bytes
from tests.conftest import make_staff


def supervisor_of(county):
    return make_staff(county, Role.SUPERVISOR, username=f"supervisor{county.pk}")


def shipped(code: str = "website-2019") -> IndicatorSystem:
    install_shipped()
    return IndicatorSystem.objects.get(code=code, version=1)


def open_quarter(county, agencies, user, code: str = "website-2019"):
    return rounds.open_round(
        owner=county,
        title="2026年第四季度政府网站检查",
        cadence="quarterly",
        period_start=date(2026, 10, 1),
        period_end=date(2026, 12, 31),
        system=shipped(code),
        agencies=agencies,
        user=user,
    )


def screenshot(name: str = "截图.png", data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data if data is not None else png_bytes(), "image/png")


def deduct(round_, agency, user, *, indicator: str = "D1.5", points="3", **extra):
    fields = {
        "agency": agency,
        "indicator": indicator,
        "points": None if points is None else Decimal(points),
        "reason": "《某某办法》已废止，原文页面未标注失效。",
        "evidence_url": "https://example.gov.cn/tzgg/",
        "screenshot": None,
        "observed_at": timezone.now(),
    }
    return rounds.add_deduction(round_, user=user, **(fields | extra))
