"""Interpretations owned by an agency, for the cross-agency isolation walk."""

from gongkai.interpretations.models import Interpretation
from tests.catalog.makers import Team
from tests.interpretations.makers import make_interpretation, make_policy


def interpretation(agency, marker: str) -> Interpretation:
    team = Team(agency)
    document = make_policy(agency, team.clerk, title=f"{marker}文件")
    return make_interpretation(agency, team.clerk, document, title=f"{marker}解读")


def interpretation_payload(agency, marker: str) -> dict:
    return {
        "agency": agency.pk,
        "title": marker,
        "form": "text",
        "formed_on": "2026-11-02",
        "transition": "describe",
    }
