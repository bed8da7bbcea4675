"""Website columns owned by an agency, for the cross-agency isolation walk."""

from gongkai.columns.models import Column
from tests.columns.makers import make_column


def column(agency, marker: str) -> Column:
    return make_column(agency, marker, kind="other", explanation=f"{marker}的情况说明")


def column_payload(agency, marker: str) -> dict:
    return {"name": marker, "kind": "news", "cycle_days": "1", "explanation": marker}
