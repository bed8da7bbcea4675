"""依申请公开: disclosure applications, their statutory clock, outcomes and fees."""

from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    verbose_name = "依申请公开"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the calendar receiver)
