from django.urls import path

from gongkai.web.public_cache import public_page

from . import views

app_name = "kiosk"
urlpatterns = [
    path("", public_page(views.home), name="home"),
    path("agencies/", public_page(views.agencies), name="agencies"),
    path("items/", public_page(views.browse), name="browse"),
    path("items/<int:pk>/", public_page(views.item), name="item"),
    path("search/", public_page(views.search), name="search"),
    path("guides/", public_page(views.guides_index), name="guides"),
    path("guides/<int:pk>/", public_page(views.guide), name="guide"),
    path("apply/<int:pk>/", public_page(views.apply), name="apply"),
]
