"""Public addresses of the printed notices, A4 by default, `?size=a3` for A3."""

from django.urls import path

from gongkai.web.public_cache import public_page

from . import views

app_name = "notices"
urlpatterns = [
    path("item/<int:pk>/", public_page(views.item), name="item"),
    path("guide/<int:pk>/", public_page(views.guide), name="guide"),
    path("catalog/<int:pk>/", public_page(views.catalog), name="catalog"),
    path("report/<int:pk>/", public_page(views.report), name="report"),
]
