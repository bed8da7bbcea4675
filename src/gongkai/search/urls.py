from django.urls import path

from gongkai.web.public_cache import public_page

from . import views

app_name = "search"
urlpatterns = [path("", public_page(views.search), name="search")]
