from django.urls import path

from . import views
from .calendar_views import HolidayCalendarView, HolidayNoticeView

app_name = "workbench"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("agencies/", views.AgencyListView.as_view(), name="agency_list"),
    path("agencies/export.csv", views.AgencyExportView.as_view(), name="agency_export"),
    path("agencies/<int:pk>/", views.AgencyDetailView.as_view(), name="agency_detail"),
    path("agencies/<int:pk>/edit/", views.AgencyUpdateView.as_view(), name="agency_edit"),
    path(
        "agencies/<int:agency_pk>/children/new/",
        views.AgencyCreateView.as_view(),
        name="agency_add_child",
    ),
    path("agencies/<int:agency_pk>/units/new/", views.UnitCreateView.as_view(), name="unit_add"),
    path("units/<int:pk>/edit/", views.UnitUpdateView.as_view(), name="unit_edit"),
    path(
        "agencies/<int:agency_pk>/reading-rooms/new/",
        views.ReadingRoomCreateView.as_view(),
        name="reading_room_add",
    ),
    path(
        "reading-rooms/<int:pk>/", views.ReadingRoomDetailView.as_view(), name="reading_room_detail"
    ),
    path(
        "reading-rooms/<int:pk>/visits/",
        views.ReadingRoomVisitView.as_view(),
        name="reading_room_visits",
    ),
    path(
        "reading-rooms/<int:pk>/deliveries/",
        views.ReadingRoomDeliveryView.as_view(),
        name="reading_room_delivery",
    ),
    path(
        "reading-rooms/<int:pk>/edit/",
        views.ReadingRoomUpdateView.as_view(),
        name="reading_room_edit",
    ),
    path("staff/", views.StaffListView.as_view(), name="staff_list"),
    path("staff/export.csv", views.StaffExportView.as_view(), name="staff_export"),
    path("agencies/<int:agency_pk>/staff/new/", views.StaffCreateView.as_view(), name="staff_add"),
    path("staff/<int:pk>/edit/", views.StaffUpdateView.as_view(), name="staff_edit"),
    path("audit/", views.AuditLogView.as_view(), name="audit_log"),
    path("audit/export.csv", views.AuditExportView.as_view(), name="audit_export"),
    path("calendar/", HolidayCalendarView.as_view(), name="calendar"),
    path("calendar/notice/", HolidayNoticeView.as_view(), name="calendar_notice"),
]
