"""Earlier requests worth seeing at intake (Art. 35, Art. 44)."""

from dataclasses import dataclass

from django.db.models import Q

from ..models import Application


@dataclass(frozen=True)
class Similar:
    """Earlier cases of the same agency worth seeing at intake."""

    same_applicant: list[Application]  # repeat or bulk applications (Art. 35)
    same_information: list[Application]  # asked by others: a candidate for Art. 44

    @property
    def proactive_candidate(self) -> bool:
        return len({c.applicant_name for c in self.same_information}) >= 2


def similar_cases(case: Application, limit: int = 10) -> Similar:
    others = Application.objects.filter(agency=case.agency_id).exclude(pk=case.pk)
    same_person = others.filter(
        Q(phone=case.phone) | Q(applicant_name=case.applicant_name)
    ).order_by("-received_on")
    asked = Q(description=case.description)
    if case.document_number:
        asked |= Q(document_number=case.document_number)
    same_info = (
        others.filter(asked).exclude(applicant_name=case.applicant_name).order_by("-received_on")
    )
    return Similar(list(same_person[:limit]), list(same_info[:limit]))
