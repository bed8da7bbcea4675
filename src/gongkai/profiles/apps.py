from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "gongkai.profiles"
    verbose_name = "机构概况"
