from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "gongkai.core"
    verbose_name = "基础"

    def ready(self) -> None:
        # The audit trail's signal handlers; the deployment check of the footer's identity.
        from . import signals, site_identity  # noqa: F401
