from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "gongkai.review"
    verbose_name = "保密审查"

    def ready(self) -> None:
        from . import guards  # noqa: F401  (connects the publication guard)
