from django.apps import AppConfig


class NewMediaConfig(AppConfig):
    name = "gongkai.newmedia"
    verbose_name = "政务新媒体"
