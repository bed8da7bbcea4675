"""政务新媒体 accounts owned by an agency, for the cross-agency isolation walk."""

from tests.newmedia.makers import make_account


def account(agency, marker: str):
    return make_account(agency, marker, operator=f"{marker}运营")


def account_payload(agency, marker: str) -> dict:
    return {"platform": "weibo", "name": marker, "operator": marker, "is_active": "on"}
