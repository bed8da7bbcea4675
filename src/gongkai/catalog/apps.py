from django.apps import AppConfig, apps


class CatalogConfig(AppConfig):
    name = "gongkai.catalog"
    verbose_name = "政府信息目录"

    def ready(self) -> None:
        from gongkai.checks.integrity import record_fingerprint, record_fingerprints

        from .signals import guide_changed, item_published, item_withdrawn, items_published

        # The integrity scan compares served pages with what was published.
        item_published.connect(record_fingerprint, dispatch_uid="checks.record_fingerprint")
        items_published.connect(record_fingerprints, dispatch_uid="checks.record_fingerprints")
        # Search follows publication when it is installed; the catalog works without it.
        if apps.is_installed("gongkai.search"):
            from . import search_feed

            item_published.connect(search_feed.on_published, dispatch_uid="catalog-search-up")
            items_published.connect(
                search_feed.on_many_published, dispatch_uid="catalog-search-up-many"
            )
            item_withdrawn.connect(search_feed.on_withdrawn, dispatch_uid="catalog-search-down")
            guide_changed.connect(search_feed.on_guide_changed, dispatch_uid="catalog-search-guide")
