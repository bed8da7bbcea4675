"""Every inbox source counts the rows its link lists, at the agencies where the user's roles
grant its action: agency B's work never reaches agency A's staff, the 主管部门 sees what waits
for it across its subtree, and a signer sees the reviews waiting at their own step."""

import pytest
from django.utils import timezone

from gongkai.calendar import workdays
from gongkai.workbench.inbox import SOURCES, inbox_for
from tests.conftest import login, make_staff
from tests.workbench.waiting import make_waiting

SUPERVISORS_ONLY = ("accept", "remedies_to_check", "remedies_overdue")


@pytest.fixture
def county_work(county, agency_a, agency_b):
    supervisor = make_staff(county, "supervisor")
    return supervisor, make_waiting(agency_a, supervisor), make_waiting(agency_b, supervisor)


def _listed(client, source) -> set[int]:
    response = client.get(source.url)
    assert response.status_code == 200, source.url
    return {row.pk for row in response.context["object_list"]}


def _counts(user) -> dict[str, int]:
    return {e.source.queue: e.count for e in inbox_for(user, timezone.localdate())}


def test_every_source_counts_the_rows_its_link_lists(county_work):
    supervisor, a, _ = county_work
    team = a.team
    for user in (team.clerk, team.reviewer, team.leader, supervisor):
        client = login(user)
        for entry in inbox_for(user, timezone.localdate()):
            listed = _listed(client, entry.source)
            counted = set(
                entry.source.rows(user, timezone.localdate()).values_list("pk", flat=True)
            )
            assert listed == counted and len(listed) == entry.count, (user, entry.title)


def test_each_source_counts_its_own_agency_rows_only(county_work):
    _, a, b = county_work
    everyone = (a.team.clerk, a.team.reviewer, a.team.leader)
    for source in SOURCES:
        own = {row.pk for row in a.rows[source.queue]}
        other = {row.pk for row in b.rows[source.queue]}
        found = set()
        for user in everyone:
            found |= set(source.rows(user, timezone.localdate()).values_list("pk", flat=True))
        assert not found & other, source.title
        # Accepting reports and re-checking remedies are the 主管部门's, above the agency:
        # nobody in it sees those sources.
        assert found == (set() if source.queue in SUPERVISORS_ONLY else own), source.title


def test_roles_decide_which_sources_a_user_sees(county_work):
    supervisor, a, _ = county_work
    clerk = _counts(a.team.clerk)
    assert clerk["unassigned"] == 1 and clerk["to_publish"] == 1 and clerk["returned"] == 1
    assert "extension" not in clerk and "mine" not in clerk and "submit" not in clerk
    assert _counts(a.team.leader)["extension"] == 1
    assert _counts(a.team.leader)["submit"] == 1
    # The reviewer signs the first step, the leader the second.
    assert _counts(a.team.reviewer)["mine"] == 1 and _counts(a.team.leader)["mine"] == 1
    county = _counts(supervisor)
    assert county["accept"] == 2  # both departments' submitted reports
    assert county["overdue"] == 2  # reading cases reaches the subtree
    assert "unassigned" not in county and "mine" not in county


def test_counting_takes_one_query_per_source(county, county_work, django_assert_max_num_queries):
    """A 系统管理员 sees both departments' rows: still one query per source (plus the roles)."""
    admin = make_staff(county, "system_admin")
    # The calendar looks again for imported schedules once in 30 s: on a busy machine the
    # waiting work above takes longer than that, and that look is no query of the inbox.
    workdays.is_workday(timezone.localdate())
    with django_assert_max_num_queries(len(SOURCES) + 1):
        entries = inbox_for(admin, timezone.localdate())
    assert len(entries) == len(SOURCES) and all(entry.count >= 2 for entry in entries)
