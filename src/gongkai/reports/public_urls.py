"""Portal URLs of the published annual reports."""

from django.urls import path

from gongkai.web.public_cache import public_page

from . import public_views

app_name = "annual_reports"
urlpatterns = [
    path("", public_page(public_views.report_index), name="list"),
    path("agency/<int:pk>/", public_page(public_views.agency_reports), name="agency"),
    path("<int:pk>/", public_page(public_views.report_page), name="detail"),
    path("<int:pk>/download/", public_page(public_views.report_download), name="download"),
]
