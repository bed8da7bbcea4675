from django.apps import AppConfig


class HotlineConfig(AppConfig):
    name = "gongkai.hotline"
    verbose_name = "12345热线"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the category seeding of new agencies)
