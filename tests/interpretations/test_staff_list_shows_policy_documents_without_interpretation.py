"""The staff list of policy documents with neither an interpretation nor a recorded reason,
and the inbox source that counts it; recording a reason takes a document off the list."""

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.catalog.models import Genre
from gongkai.interpretations.inbox import SOURCES
from gongkai.interpretations.workflow import DOCUMENT_WORKFLOW
from tests.catalog.makers import Team, make_item
from tests.conftest import login
from tests.interpretations.makers import make_interpretation, make_policy, sync

pytestmark = pytest.mark.django_db


def test_the_list_and_the_inbox_show_documents_still_unexplained(agency_a, agency_b):
    team = Team(agency_a)
    bare = make_policy(agency_a, team.clerk, title="关于规范临时救助的通知")
    explained = make_policy(agency_a, team.clerk, title="关于特困供养的通知")
    make_interpretation(agency_a, team.clerk, explained)
    waived = make_policy(agency_a, team.clerk, title="关于转发省厅文件的通知")
    make_item(agency_a, team.clerk, title="工作动态一则", genre=Genre.objects.get(name="工作动态"))
    make_policy(agency_b, Team(agency_b).clerk, title="乙局的规范性文件")
    DOCUMENT_WORKFLOW.perform(
        waived, "waive", {"reason": "转发上级文件，上级已作解读"}, user=team.clerk
    )
    source = SOURCES[0]
    rows = source.rows(team.clerk, timezone.localdate())
    assert list(rows) == [bare]
    page = login(team.clerk).get(source.url).content.decode()
    assert "关于规范临时救助的通知" in page
    assert "关于特困供养的通知" not in page and "乙局" not in page
    everything = login(team.clerk).get(reverse("interpretations:documents") + "?queue=policy_all")
    assert "无需解读：转发上级文件" in everything.content.decode()


def test_a_genre_the_agency_marks_joins_the_list(agency_a):
    team = Team(agency_a)
    plans = Genre.objects.get(name="规划计划")
    plan = make_item(agency_a, team.clerk, genre=plans)
    source = SOURCES[0]
    assert not source.rows(team.clerk, timezone.localdate()).exists()
    sync(agency_a, genres=[plans])
    assert list(source.rows(team.clerk, timezone.localdate())) == [plan]
