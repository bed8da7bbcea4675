"""Reconsideration, litigation and complaints about disclosure work (annual report table 4)."""

from django.apps import AppConfig


class AppealsConfig(AppConfig):
    name = "gongkai.appeals"
    verbose_name = "复议、诉讼与投诉"
