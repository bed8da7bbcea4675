"""Policy documents, their interpretations and an agency's 同步 setting, for tests."""

from datetime import date

from gongkai.catalog.models import Genre
from gongkai.interpretations import services
from gongkai.interpretations.models import SyncMode, SyncSetting
from tests.catalog.makers import make_item


def make_policy(agency, clerk, **extra):
    """A 规范性文件 draft."""
    genre = Genre.objects.get(name="规范性文件")
    return make_item(agency, clerk, genre=genre, **extra)


def make_interpretation(agency, clerk, *documents, form="graphic", **data):
    return services.create(
        user=clerk,
        agency=agency,
        data={
            "title": "图解：" + documents[0].current_version.title,
            "formed_on": date(2026, 11, 3),
        }
        | data,
        form=form,
        documents=documents,
    )


def sync(agency, mode=SyncMode.TOGETHER, days=3, genres=()) -> SyncSetting:
    setting, _ = SyncSetting.objects.update_or_create(
        agency=agency, defaults={"mode": mode, "days": days}
    )
    setting.genres.set(genres)
    return setting
