from django.apps import AppConfig


class InterpretationsConfig(AppConfig):
    name = "gongkai.interpretations"
    verbose_name = "政策解读"

    def ready(self) -> None:
        from gongkai.catalog.signals import item_published
        from gongkai.review import hooks

        from . import policy, sync

        hooks.require_before_approval("interpretations.sync", policy.approval_refusal)
        hooks.item_approved.connect(sync.on_approved, dispatch_uid="interpretations.co_sign")
        item_published.connect(sync.on_published, dispatch_uid="interpretations.publish_with")
