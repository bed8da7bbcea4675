from django.urls import path

from . import integrity_views, list_views, views

app_name = "checks"
# The lists belong to no agency, so a list or an entry is named in the query string
# (?name=…, ?id=…) rather than by an agency's record in the path.
urlpatterns = [
    path("", views.CheckDocumentView.as_view(), name="check"),
    path("integrity/", integrity_views.IntegrityFindingsView.as_view(), name="integrity"),
    path("lists/", list_views.WordListIndexView.as_view(), name="lists"),
    path("lists/list/", list_views.WordListView.as_view(), name="list"),
    path("lists/entry/", list_views.ListEntryView.as_view(), name="entry"),
]
