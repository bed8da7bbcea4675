from django.urls import path

from gongkai.web.public_cache import public_page

from . import views

app_name = "portal"
urlpatterns = [
    path("", public_page(views.home), name="home"),
    path("agencies/", public_page(views.agency_directory), name="agency_list"),
    path("agencies/<int:pk>/", public_page(views.agency_detail), name="agency_detail"),
    path("site.json", public_page(views.site_json), name="site_description"),
]
