"""The case page shows the applicant's earlier requests (Art. 35) and the same information asked
for by others, which makes it a candidate for proactive disclosure (Art. 44)."""

from django.urls import reverse

from gongkai.applications import services
from tests.applications.cases import make_case
from tests.conftest import login, make_staff

DESCRIPTION = "2024年度城乡低保资金发放情况"


def test_repeat_applicant_and_information_asked_by_several(agency_a, agency_b):
    case = make_case(agency_a, "2025-09-26", description=DESCRIPTION)
    earlier = make_case(agency_a, "2025-09-01", description="另一项信息")
    by_li = make_case(
        agency_a, "2025-08-01", applicant_name="李四", phone="1", description=DESCRIPTION
    )
    by_wang = make_case(
        agency_a, "2025-08-02", applicant_name="王五", phone="2", description=DESCRIPTION
    )
    make_case(agency_b, "2025-08-03", applicant_name="赵六", phone="3", description=DESCRIPTION)

    similar = services.similar_cases(case)
    assert earlier in similar.same_applicant and by_li not in similar.same_applicant
    assert set(similar.same_information) == {by_li, by_wang}
    assert similar.proactive_candidate

    page = login(make_staff(agency_a, "clerk")).get(reverse("cases:detail", args=[case.pk]))
    assert "可考虑纳入主动公开范围（第四十四条）" in page.content.decode()
