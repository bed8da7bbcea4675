from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "gongkai.checks"
    verbose_name = "发布前检查"

    def ready(self) -> None:
        from gongkai.catalog.signals import item_published

        from .integrity import record_fingerprint

        item_published.connect(record_fingerprint, dispatch_uid="checks.record_fingerprint")
