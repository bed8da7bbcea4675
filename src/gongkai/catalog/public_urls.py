from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.generic import RedirectView

from gongkai.web.public_cache import public_page

from . import public

app_name = "disclosure"
urlpatterns = [
    path("", public_page(public.index), name="index"),
    path("items/", public_page(public.browse), name="browse"),
    path("items/<int:pk>/", public_page(public.item), name="item"),
    path("items/<int:pk>/history/", public_page(public.history), name="history"),
    path("files/<int:pk>/", public_page(public.attachment), name="attachment"),
    path("agencies/<int:pk>/", public_page(public.agency_column), name="agency"),
    path("agencies/<int:pk>/guide/", public_page(public.guide), name="guide"),
    path("agencies/<int:pk>/rules/", public_page(public.rules), name="rules"),
    # The column's 年报 tab is the reports app's page of the agency; old links land there.
    path(
        "agencies/<int:pk>/reports/",
        RedirectView.as_view(pattern_name="annual_reports:agency", permanent=True),
        name="reports",
    ),
    path("agencies/<int:pk>/apply/", public_page(public.apply), name="apply"),
    path("feed/", public_page(public.LatestItemsFeed()), name="feed"),
    path(
        "agencies/<int:pk>/feed/",
        public_page(public.LatestItemsFeed()),
        {"kind": "agency"},
        name="agency_feed",
    ),
    path(
        "topics/<int:pk>/feed/",
        public_page(public.LatestItemsFeed()),
        {"kind": "topic"},
        name="topic_feed",
    ),
    path(
        "sitemap.xml",
        public_page(sitemap_views.index),
        {"sitemaps": public.SITEMAPS, "sitemap_url_name": "disclosure:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        public_page(sitemap_views.sitemap),
        {"sitemaps": public.SITEMAPS},
        name="sitemap_section",
    ),
]
