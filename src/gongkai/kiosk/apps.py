from django.apps import AppConfig


class KioskConfig(AppConfig):
    name = "gongkai.kiosk"
    verbose_name = "触摸屏查询"
