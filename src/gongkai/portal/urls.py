from django.urls import path

from gongkai.web.public_cache import public_page

from . import views

app_name = "portal"
urlpatterns = [
    path("", public_page(views.home), name="home"),
    path("agencies/", public_page(views.agency_directory), name="agency_list"),
    path("agencies/<int:pk>/", public_page(views.agency_detail), name="agency_detail"),
    path(
        "agencies/<int:agency_pk>/leaders/<int:pk>/photo",
        public_page(views.leader_photo),
        name="leader_photo",
    ),
    path("xinmeiti/", public_page(views.new_media), name="new_media"),
    path("site.json", public_page(views.site_json), name="site_description"),
]
