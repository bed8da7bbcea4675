from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "gongkai.oversight"
    verbose_name = "督查考核"
