from django.apps import AppConfig, apps


class ReportsConfig(AppConfig):
    name = "gongkai.reports"
    verbose_name = "年度报告"

    def ready(self) -> None:
        # Search follows publication when it is installed; the reports work without it.
        if apps.is_installed("gongkai.search"):
            from . import search_feed
            from .signals import report_published

            report_published.connect(search_feed.on_published, dispatch_uid="report-search-up")
