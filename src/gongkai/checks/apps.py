from django.apps import AppConfig


class ChecksConfig(AppConfig):
    name = "gongkai.checks"
    verbose_name = "发布前检查"
