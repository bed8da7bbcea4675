"""The portal's 政策解读 column of each agency (namespace `jiedu`)."""

from django.urls import path

from gongkai.web.public_cache import public_page

from . import public

app_name = "jiedu"
urlpatterns = [
    path("agencies/<int:pk>/", public_page(public.agency_column), name="agency"),
]
