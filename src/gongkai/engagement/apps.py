from django.apps import AppConfig


class EngagementConfig(AppConfig):
    name = "gongkai.engagement"
    verbose_name = "政民互动"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the channel seeding of new agencies)
