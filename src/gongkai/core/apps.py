from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "gongkai.core"
    verbose_name = "基础"

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the audit trail to every audited model)
