from django.urls import path

from . import views

app_name = "checks"
urlpatterns = [path("", views.CheckDocumentView.as_view(), name="check")]
