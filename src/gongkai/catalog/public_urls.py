from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.generic import RedirectView

from . import public

app_name = "disclosure"
urlpatterns = [
    path("", public.index, name="index"),
    path("items/", public.browse, name="browse"),
    path("items/<int:pk>/", public.item, name="item"),
    path("items/<int:pk>/history/", public.history, name="history"),
    path("files/<int:pk>/", public.attachment, name="attachment"),
    path("agencies/<int:pk>/", public.agency_column, name="agency"),
    path("agencies/<int:pk>/guide/", public.guide, name="guide"),
    path("agencies/<int:pk>/rules/", public.rules, name="rules"),
    # The column's 年报 tab is the reports app's page of the agency; old links land there.
    path(
        "agencies/<int:pk>/reports/",
        RedirectView.as_view(pattern_name="annual_reports:agency", permanent=True),
        name="reports",
    ),
    path("agencies/<int:pk>/apply/", public.apply, name="apply"),
    path("feed/", public.LatestItemsFeed(), name="feed"),
    path(
        "agencies/<int:pk>/feed/", public.LatestItemsFeed(), {"kind": "agency"}, name="agency_feed"
    ),
    path("topics/<int:pk>/feed/", public.LatestItemsFeed(), {"kind": "topic"}, name="topic_feed"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": public.SITEMAPS, "sitemap_url_name": "disclosure:sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": public.SITEMAPS},
        name="sitemap_section",
    ),
]
