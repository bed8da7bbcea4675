"""A seeded year of records for one agency: catalog documents, application cases and appeals.

Rows are written directly (as the other areas' services leave them), with a fixed random seed,
so a test can count what a table should say independently of the report code.
"""

import itertools
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from gongkai.appeals.models import Appeal, AppealKind, AppealResult
from gongkai.applications.models import Application, Channel, DeliveryMethod, ProvisionForm
from gongkai.applications.outcomes import ApplicantCategory, Outcome
from gongkai.catalog.models import Genre, InfoItem, ItemVersion, Validity

_serial = itertools.count(1)


@dataclass
class Seeded:
    year: int
    cases: list[Application] = field(default_factory=list)
    items: list[InfoItem] = field(default_factory=list)
    appeals: list[Appeal] = field(default_factory=list)


def make_case(agency, received_on: date, category: str, outcome: str = "", decided_on=None):
    number = next(_serial)
    return Application.objects.create(
        agency=agency,
        number=f"YSQ-{number:06d}",
        applicant_category=category,
        applicant_name=f"申请人{number}",
        phone="13800138000",
        channel=Channel.ONLINE,
        received_on=received_on,
        receipt_basis="双方确认之日",
        description="某项政府信息",
        provision_form=ProvisionForm.ELECTRONIC,
        delivery_method=DeliveryMethod.EMAIL,
        outcome=outcome,
        decided_on=decided_on,
    )


def make_document(
    agency,
    genre: str,
    written_on: date,
    validity: str = Validity.VALID,
    expires_on: date | None = None,
    public: bool = True,
) -> InfoItem:
    number = next(_serial)
    item = InfoItem.objects.create(agency=agency, index_no=f"TEST-{number:06d}")
    version = ItemVersion.objects.create(
        item=item,
        number=1,
        title=f"{genre}{number}",
        publisher=agency.name,
        formed_on=written_on,
        written_on=written_on,
        genre=Genre.objects.get_or_create(name=genre)[0],
        validity=validity,
        expires_on=expires_on,
    )
    if public:
        published = datetime.combine(written_on, datetime.min.time(), tzinfo=UTC)
        # As the review gate leaves an approved, published item (its guard is not under test).
        ItemVersion.objects.filter(pk=version.pk).update(approved_at=published)
        InfoItem.objects.filter(pk=item.pk).update(
            published_version=version,
            current_version=version,
            published_at=published + timedelta(days=3),
            first_published_at=published + timedelta(days=3),
        )
        item.refresh_from_db()
    return item


def make_appeal(agency, kind: str, filed_on: date, result=AppealResult.PENDING, concluded_on=None):
    return Appeal.objects.create(
        agency=agency,
        kind=kind,
        appellant="某申请人",
        body="某某县人民政府",
        filed_on=filed_on,
        result=result,
        concluded_on=concluded_on,
    )


def seed_year(agency, year: int = 2025, seed: int = 7, cases: int = 120) -> Seeded:
    """Cases received in the year and the one before, decided in any of three years or never;
    documents issued, repealed and in force; appeals concluded, pending and out of period."""
    rng = random.Random(seed)
    seeded = Seeded(year)
    categories = list(ApplicantCategory)
    outcomes = list(Outcome)
    for _ in range(cases):
        received = date(year - 1, 1, 1) + timedelta(days=rng.randrange(730))
        category = rng.choice(categories)
        if rng.random() < 0.2:
            seeded.cases.append(make_case(agency, received, category))
            continue
        decided = min(received + timedelta(days=rng.randrange(1, 60)), date(year + 1, 3, 1))
        seeded.cases.append(make_case(agency, received, category, rng.choice(outcomes), decided))
    for genre in ("规章", "规范性文件"):
        for offset in range(4):
            seeded.items.append(make_document(agency, genre, date(year - 2 + offset % 3, 5, 1)))
        seeded.items.append(
            make_document(agency, genre, date(year - 3, 3, 1), Validity.REPEALED, date(year, 6, 1))
        )
        seeded.items.append(
            make_document(
                agency, genre, date(year - 3, 3, 1), Validity.EXPIRED, date(year - 1, 6, 1)
            )
        )
        seeded.items.append(make_document(agency, genre, date(year, 8, 1), public=False))
    kinds = [AppealKind.RECONSIDERATION, AppealKind.LITIGATION_DIRECT, AppealKind.LITIGATION_AFTER]
    results = [AppealResult.MAINTAINED, AppealResult.CORRECTED, AppealResult.OTHER]
    for index in range(18):
        kind = kinds[index % 3]
        filed = date(year - 1, 11, 1) + timedelta(days=rng.randrange(400))
        if index % 4 == 0:
            seeded.appeals.append(make_appeal(agency, kind, filed))
        else:
            concluded = filed + timedelta(days=rng.randrange(30, 200))
            seeded.appeals.append(make_appeal(agency, kind, filed, rng.choice(results), concluded))
    seeded.appeals.append(make_appeal(agency, AppealKind.COMPLAINT, date(year, 3, 1)))
    return seeded
