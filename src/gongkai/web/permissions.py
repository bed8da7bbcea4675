"""API permissions: deny unless a view says otherwise; staff views ask agencies.access."""

from rest_framework.permissions import SAFE_METHODS, BasePermission

from gongkai.agencies import access


class DenyByDefault(BasePermission):
    """The project-wide default, so an endpoint that forgets to choose exposes nothing."""

    def has_permission(self, request, view):
        return False


class PublicReadOnly(BasePermission):
    def has_permission(self, request, view):
        return request.method in SAFE_METHODS


class StaffScoped(BasePermission):
    """The user must hold the view's action somewhere; rows are then scoped by the viewset."""

    message = "您没有此项工作的权限"

    def has_permission(self, request, view):
        return not access.grant(request.user, view.scope_action()).nothing
