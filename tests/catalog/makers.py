"""Coherent catalog records for tests: items with content, reviewed through a chain."""

from datetime import date

from gongkai.catalog import services
from gongkai.catalog.models import InfoItem
from gongkai.review import services as review
from tests.conftest import make_staff

BODY = "为进一步做好城乡居民最低生活保障工作，现将有关事项通知如下。"


def item_data(**extra) -> dict:
    return {
        "title": "关于做好2026年城乡居民最低生活保障工作的通知",
        "doc_no": "测民发〔2026〕3号",
        "written_on": date(2026, 11, 2),
        "formed_on": date(2026, 11, 2),
        "body": BODY,
    } | extra


def make_item(agency, clerk=None, **extra) -> InfoItem:
    clerk = clerk or make_staff(agency, "clerk")
    return services.create_item(user=clerk, agency=agency, data=item_data(**extra)).item


class Team:
    """A clerk, two reviewers and a leader of one agency."""

    def __init__(self, agency):
        self.agency = agency
        self.clerk = make_staff(agency, "clerk")
        self.reviewer = make_staff(agency, "reviewer")
        self.reviewer2 = make_staff(agency, "reviewer")
        self.leader = make_staff(agency, "leader")

    def approve(self, item: InfoItem) -> InfoItem:
        """Submit and sign the agency's (default two-step) chain."""
        reviewed = review.submit(user=self.clerk, item=item)
        for signer in (self.reviewer, self.leader):
            review.sign(
                user=signer, review=reviewed, decision="approve", legal_basis="《条例》第十九条"
            )
        item.refresh_from_db()
        return item

    def publish(self, item: InfoItem) -> InfoItem:
        item = self.approve(item)
        return review.publish(user=self.clerk, item=item)
