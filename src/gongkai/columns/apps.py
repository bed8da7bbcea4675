from django.apps import AppConfig


class ColumnsConfig(AppConfig):
    name = "gongkai.columns"
    verbose_name = "网站栏目"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the column seeding of new agencies)
